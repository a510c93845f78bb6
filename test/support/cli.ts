import { runCli } from '../../src/cli/main';

/** Runs `soat` in-process, capturing what it prints. */
export async function soat(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
  });
  return { status, stdout, stderr };
}
