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

/**
 * A reader that stops early (`soat validate f.xlsx | head`) closes the pipe: the rest of the
 * report has nowhere to go and is dropped; the command still finishes its work (an --out file is
 * still written) and keeps its exit status. Any other write error is still raised.
 */
export function dropOutputOnClosedPipe(stream: NodeJS.EventEmitter): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
