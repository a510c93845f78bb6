/**
 * `node lib/scripts/make-fixtures.js [DIR]`: writes the seed workbooks (seed-report.xlsx and one
 * unit-….xlsx per unit) into DIR, `out/fixtures` by default, and the unit files of the second
 * report (administrative procedures, Q3/2025, made from its template) into DIR/tthc.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildSeedWorkbooks } from './seed-workbooks';
import { buildTthcWorkbooks, tthcDefinitionPath, tthcRegistryPath } from './tthc-units';

const seedFile = join('test', 'fixtures', 'seed-9T-2024.txt');

/** A repository file, found from here upwards, so that this runs from scripts/ and from lib/scripts/. */
function findUp(from: string, file: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, file);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${file} not found above ${from}`);
  }
}

async function writeAll(out: string, books: Map<string, Buffer>): Promise<void> {
  await mkdir(out, { recursive: true });
  for (const [name, bytes] of books) await writeFile(join(out, name), bytes);
  process.stdout.write(`${books.size} workbooks written to ${out}\n`);
}

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? join('out', 'fixtures'));
  const read = (file: string): Promise<string> => readFile(findUp(__dirname, file), 'utf8');
  await writeAll(out, await buildSeedWorkbooks(await read(seedFile)));
  await writeAll(
    join(out, 'tthc'),
    await buildTthcWorkbooks(await read(tthcDefinitionPath), await read(tthcRegistryPath)),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
