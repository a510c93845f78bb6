/**
 * `npm run demo`: the workbooks a consolidator would have, made from the real report, checked,
 * annotated and merged by `soat` as a newcomer would run it.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../src/cli/main';
import { buildSeedWorkbooks } from './seed-workbooks';

// Paths as a newcomer types them, from the repository's root: they show in reports and notes.
const root = join(__dirname, '..', '..');
const seedPath = join('test', 'fixtures', 'seed-9T-2024.txt');
const out = 'out';

async function main(): Promise<void> {
  process.chdir(root);
  const fixtures = join(out, 'fixtures');
  await mkdir(join(fixtures, 'units'), { recursive: true });
  const books = await buildSeedWorkbooks(await readFile(seedPath, 'utf8'));
  for (const [name, bytes] of books) {
    await writeFile(join(fixtures, name.startsWith('unit-') ? join('units', name) : name), bytes);
  }
  const report = join(fixtures, 'seed-report.xlsx');
  const annotated = join(out, 'seed-report.annotated.xlsx');
  process.stdout.write(`$ soat validate ${report} --out ${annotated}\n`);
  const status = await runCli(['validate', report, '--out', annotated]);
  process.stdout.write(`(exit ${status})\n\n`);
  const computed = join(out, 'seed-report.computed.xlsx');
  process.stdout.write(`$ soat compute ${report} --out ${computed}\n`);
  await runCli(['compute', report, '--out', computed]);
  process.stdout.write('\n');

  // The consolidator's side: one file per unit in a folder, merged into the consolidated report.
  const units = join(fixtures, 'units');
  const consolidated = join(out, 'consolidated.xlsx');
  process.stdout.write(`$ soat merge ${units} --out ${consolidated}\n`);
  const merged = await runCli(['merge', units, '--out', consolidated]);
  process.stdout.write(`(exit ${merged})\n\n`);
  const template = join(out, 'UNIT_TEMPLATE.xlsx');
  process.stdout.write(`$ soat template --out ${template}\n`);
  await runCli(['template', '--out', template]);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
