import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under `dir` (recursively), 0 when it does not exist. */
export function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

export const root = join(__dirname, '..', '..');
/** The offline build the browser tests open (office.js from the npm package, replaced by the fake). */
export const distDir = join(root, 'out', 'test-dist');
export const fakeBundle = join(root, 'out', 'browser', 'fake-office.js');
/** The pane over synthetic findings (synthetic-pane.tsx), for the list's scale test and bench. */
export const syntheticPages: Record<string, string> = {
  '/synthetic.html': join(root, 'test', 'browser', 'synthetic.html'),
  '/synthetic-pane.js': join(root, 'out', 'browser', 'synthetic-pane.js'),
};
