import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack from 'webpack';

/** Runs webpack.gsheets.config.js (the named configurations) into a fresh directory. */
export function buildGsheets(names: readonly ('gsheets-server' | 'gsheets-sidebar')[]): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configs = require('../../../webpack.gsheets.config.js') as webpack.Configuration[];
  const out = mkdtempSync(join(tmpdir(), 'soat-gsheets-'));
  const selected = configs
    .filter((c) => names.includes(c.name as never))
    .map((c) => ({ ...c, output: { ...c.output, path: out } }));
  return new Promise((resolve, reject) => {
    webpack(selected, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve(out);
    });
  });
}
