/**
 * `node lib/scripts/make-fixtures.js [DIR]`: writes the seed workbooks (seed-report.xlsx and one
 * unit-….xlsx per unit) into DIR, `out/fixtures` by default.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildSeedWorkbooks } from './seed-workbooks';

const seedFile = join('test', 'fixtures', 'seed-9T-2024.txt');

/** The seed is found from here upwards, so that this runs from scripts/ and from lib/scripts/. */
function findSeed(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, seedFile);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${seedFile} not found above ${from}`);
  }
}

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? join('out', 'fixtures'));
  const books = await buildSeedWorkbooks(await readFile(findSeed(__dirname), 'utf8'));
  await mkdir(out, { recursive: true });
  for (const [name, bytes] of books) await writeFile(join(out, name), bytes);
  process.stdout.write(`${books.size} workbooks written to ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
