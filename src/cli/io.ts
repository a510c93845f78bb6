import type { CliArgs } from './args';

/** Where a command writes: the process's streams, or a test's strings. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal: a progress bar is drawn only there. */
  readonly isTTY: boolean;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
};

/** One `soat` command; resolves to the exit status (0 clean, 1 errors found, 2 unusable). */
export type CommandRunner = (args: CliArgs, io: CliIo) => Promise<number>;
