import { parseCli, usage } from './args';
import type { CliIo } from './io';
import { processIo } from './io';
import { printable } from './terminal';

/**
 * Runs one `soat` command; resolves to the exit status (0 clean, 1 errors found, 2 unusable).
 * Help and wrong arguments are answered before the commands (and what they read with) load.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    io.stdout(`${usage}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  try {
    const args = parseCli(argv);
    const { commands } = await import('./main');
    return await commands[args.command](args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`soat: ${printable(message.split('\n')[0] ?? '')}\n`);
    return 2;
  }
}
