import type { CliIo } from './io';
import { printable } from './terminal';

/** A one-line progress bar on stderr, redrawn in place; silent when it would only be noise. */
export interface Progress {
  step(label: string): void;
  done(): void;
}

const barWidth = 24;

export function progressBar(io: CliIo, total: number, enabled: boolean): Progress {
  if (!enabled || total === 0) return { step: () => undefined, done: () => undefined };
  let count = 0;
  return {
    step(label) {
      count += 1;
      const filled = Math.round((count / total) * barWidth);
      const name = printable(label.length > 40 ? `…${label.slice(-39)}` : label);
      io.stderr(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${count}/${total} ${name}`);
    },
    done() {
      io.stderr('\r\x1b[K');
    },
  };
}
