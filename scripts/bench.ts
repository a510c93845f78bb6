/**
 * `npm run bench`: how fast Soát is against the floor set by ExcelJS reading the same bytes.
 * Figures and ratios are printed, never asserted: machines differ.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkWorkbook } from '../src/core/check';
import { builtinReport } from '../src/core/definition';
import { appendixById } from '../src/core/templates/appendix';
import { mergeUnitWorkbooks } from '../src/core/merge/merge';
import { annotationPlan } from '../src/core/report/annotations';
import type { UnitRegistry } from '../src/core/units/registry';
import { registryFromRows } from '../src/core/units/registry';
import { draftToXlsx } from '../src/hosts/xlsx/draft';
import { readWorkbookBuffer } from '../src/hosts/xlsx/read';
import { benchExcelPayloads } from './bench-excel';
import { benchPane } from './bench-pane';

type RegistryRow = [number, string, string, string];

/** A registry of `count` wards, as large as the biggest report a province could send. */
function generatedRegistry(count: number): RegistryRow[] {
  return Array.from({ length: count }, (_, i) => [i + 1, unitName(i + 1), 'district', ''] as RegistryRow);
}

function unitName(i: number): string {
  return `Ủy ban nhân dân phường Thử Nghiệm ${i}`;
}

/** A unit as staff write it: the full name, or "UBND …", and now and then a typo. */
function writtenName(i: number): string {
  if (i % 100 === 0) return `UBND phường Thử Nghiêm ${i}`;
  return i % 2 ? unitName(i) : `UBND phường Thử Nghiệm ${i}`;
}

/** The one-row Phụ lục 2 header: the template's own column titles. */
const phuLuc2Header = appendixById(builtinReport, 'PL2')!.columns.map((column) => column.title.vi);

/** A Phụ lục 2 with `rows` rows, one in ten of them wrong in some way. */
export async function generatedPhuLuc2(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Phụ lục 2');
  sheet.addRow(['PHỤ LỤC 2']);
  sheet.addRow(phuLuc2Header);
  for (let i = 1; i <= rows; i++) {
    const total = 50 + (i % 200);
    const full = Math.floor(total * 0.7);
    const partial = total - full;
    const wrong = i % 10 === 0;
    sheet.addRow([
      i,
      writtenName(i),
      i % 7,
      i % 7 === 0 ? null : i % 10 === 3 ? '1,5' : 1.5,
      total,
      full,
      wrong ? 12.5 : Math.round((full / total) * 10000) / 100,
      partial,
      Math.round((partial / total) * 10000) / 100,
      i % 10 === 7 ? '86-99' : 90,
      99,
      'x',
      1 + (i % 3),
      'x',
      null,
      i % 2 ? 'x' : 0,
      0,
    ]);
  }
  return toBytes(workbook);
}

/** ExcelJS types its result with its own Buffer interface; at run time it is a Node Buffer. */
async function toBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** ExcelJS's load is typed with its own Buffer; it reads a Node Buffer all the same. */
function loadAlone(bytes: Buffer): Promise<ExcelJS.Workbook> {
  return new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
}

/**
 * `count` unit files as units send them: a title, the Phụ lục 2 header and the unit's row, and a
 * Phụ lục 3 of three models; one file in ten has a mistake. Units come from a registry of `count`.
 */
export async function generatedUnitFiles(
  count: number,
): Promise<{ files: Map<string, Buffer>; registryRows: RegistryRow[] }> {
  const files = new Map<string, Buffer>();
  for (let i = 1; i <= count; i++) {
    const name = unitName(i);
    const workbook = new ExcelJS.Workbook();
    const pl2 = workbook.addWorksheet('Phụ lục 2');
    pl2.addRow(['PHỤ LỤC 2']);
    pl2.addRow(phuLuc2Header);
    const total = 50 + i;
    const full = Math.floor(total * 0.7);
    const wrong = i % 10 === 0;
    pl2.addRow([
      1,
      name,
      i % 7,
      '1,5',
      total,
      full,
      wrong ? 12.5 : Math.round((full / total) * 10000) / 100,
      total - full,
      null,
      90,
      99,
      'x',
      2,
      'x',
      null,
      'x',
      0,
    ]);
    const pl3 = workbook.addWorksheet('Phụ lục 3');
    pl3.addRow(['STT', 'Tên đơn vị', 'Tên mô hình (hoặc những hình thức hỗ trợ khác)', 'Thời gian thực hiện']);
    pl3.addRow([1, name, '1. Hỗ trợ người dân nộp hồ sơ trực tuyến', 'T1/2023']);
    pl3.addRow([null, null, '2. Ngày thứ 7 cùng dân', 'Quý I/2023']);
    pl3.addRow([null, null, '3. Tổ tư vấn', wrong ? 'T13/2023' : '2022']);
    files.set(`unit-${String(i).padStart(3, '0')}.xlsx`, await toBytes(workbook));
  }
  return { files, registryRows: generatedRegistry(count) };
}

async function timed<T>(run: () => Promise<T>, repeat: number): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function main(): Promise<void> {
  const rows = 5000;
  const bytes = await generatedPhuLuc2(rows);
  const registryRows = generatedRegistry(rows);
  const repeat = 5;
  const excelOnly = await timed(() => loadAlone(bytes), repeat);
  const readOnly = await timed(() => readWorkbookBuffer(bytes, 'bench.xlsx'), repeat);
  const validate = async (registry: UnitRegistry) => {
    const { snapshot } = await readWorkbookBuffer(bytes, 'bench.xlsx');
    const { findings } = checkWorkbook(snapshot, { registry });
    return annotationPlan(findings, 'vi');
  };
  // A registry is indexed once, then kept: the first run pays for it, the next ones do not.
  const firstRun = await timed(() => validate(registryFromRows(registryRows)), repeat);
  const registry = registryFromRows(registryRows);
  const againRun = await timed(() => validate(registry), repeat);
  const { snapshot } = await readWorkbookBuffer(bytes, 'bench.xlsx');
  const checkOnly = await timed(async () => checkWorkbook(snapshot, { registry }), repeat);
  const line = (name: string, ms: number) =>
    `${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  ${Math.round((rows / ms) * 1000)
      .toString()
      .padStart(8)} rows/s  ${(ms / excelOnly).toFixed(2)}×`;
  process.stdout.write(
    `Validate a generated ${rows}-row Phụ lục 2 against a ${rows}-unit registry (best of ${repeat})\n`,
  );
  process.stdout.write(`${line('ExcelJS load alone (floor)', excelOnly)}\n`);
  process.stdout.write(`${line('Soát read (snapshot)', readOnly)}\n`);
  process.stdout.write(`${line('Soát check only (core)', checkOnly)}\n`);
  process.stdout.write(`${line('Soát validate, registry indexed on the way', firstRun)}\n`);
  process.stdout.write(`${line('Soát validate, registry already indexed', againRun)}\n`);
  process.stdout.write(
    `ratio validate / ExcelJS load: ${(firstRun / excelOnly).toFixed(2)}× first run, ${(againRun / excelOnly).toFixed(2)}× after (target ≤ 1.5×)\n\n`,
  );
  await benchMerge(200, repeat);
  await benchLargeValidate(100_000);
  await benchExcelPayloads([1000, 10_000, 50_000], generatedPhuLuc2);
  await benchPane([1000, 20_000, 120_000]);
}

async function benchMerge(count: number, repeat: number): Promise<void> {
  const { files, registryRows } = await generatedUnitFiles(count);
  const registry = registryFromRows(registryRows);
  const excelOnly = await timed(async () => {
    for (const bytes of files.values()) await loadAlone(bytes);
  }, repeat);
  const read = async () => {
    const inputs = [];
    for (const [file, bytes] of files)
      inputs.push({ file, snapshot: (await readWorkbookBuffer(bytes, file)).snapshot });
    return inputs;
  };
  const merge = await timed(async () => mergeUnitWorkbooks(await read(), { registry, lang: 'vi' }), repeat);
  const inputs = await read();
  const mergeOnly = await timed(async () => mergeUnitWorkbooks(inputs, { registry, lang: 'vi' }), repeat);
  const result = mergeUnitWorkbooks(inputs, { registry, lang: 'vi' });
  const write = await timed(() => draftToXlsx(result.draft), repeat);
  const line = (name: string, ms: number) =>
    `${name.padEnd(38)} ${ms.toFixed(1).padStart(8)} ms  ${Math.round((count / ms) * 1000)
      .toString()
      .padStart(8)} files/s  ${(ms / excelOnly).toFixed(2)}×`;
  process.stdout.write(`Merge ${count} generated unit files (best of ${repeat})\n`);
  process.stdout.write(`${line('ExcelJS load alone (floor)', excelOnly)}\n`);
  process.stdout.write(`${line('Soát merge only (core)', mergeOnly)}\n`);
  process.stdout.write(`${line('Soát merge (read + check + merge)', merge)}\n`);
  process.stdout.write(`${line('Write the consolidated .xlsx', write)}\n`);
  process.stdout.write(`ratio merge / ExcelJS load: ${(merge / excelOnly).toFixed(2)}× (target ≤ 1.5×)\n`);
}

/**
 * `soat validate` on a 100,000-row Phụ lục 2, text and --json, each in a process of its own
 * with a 1 GB heap: its time and the peak memory the operating system saw.
 */
async function benchLargeValidate(rows: number): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'soat-bench-'));
  const file = join(folder, `phu-luc-2-${rows}.xlsx`);
  writeFileSync(file, await generatedPhuLuc2(rows));
  const cli = join(__dirname, '..', 'src', 'cli', 'main.js');
  const script =
    `const { runCli } = require(${JSON.stringify(cli)});` +
    'const quiet = { stdout: () => undefined, stderr: () => undefined, isTTY: false };' +
    'runCli(process.argv.slice(1), quiet).then((status) =>' +
    ' process.stdout.write(JSON.stringify({ status, maxRssKb: process.resourceUsage().maxRSS })));';
  process.stdout.write(`\nValidate a generated ${rows}-row Phụ lục 2 with the soat command (heap limit 1 GB)\n`);
  for (const extra of [[], ['--json']]) {
    const start = performance.now();
    const run = spawnSync(process.execPath, ['--max-old-space-size=1024', '-e', script, 'validate', file, ...extra], {
      encoding: 'utf8',
    });
    const ms = performance.now() - start;
    const name = `soat validate${extra.length ? ' --json' : ''}`;
    if (run.status !== 0) {
      process.stdout.write(`${name.padEnd(38)} failed (exit ${run.status}): ${run.stderr.split('\n')[0] ?? ''}\n`);
      continue;
    }
    const { status, maxRssKb } = JSON.parse(run.stdout) as { status: number; maxRssKb: number };
    process.stdout.write(
      `${name.padEnd(38)} ${ms.toFixed(0).padStart(8)} ms  ${Math.round((rows / ms) * 1000)
        .toString()
        .padStart(8)} rows/s  peak ${Math.round(maxRssKb / 1024)} MB  (exit ${status})\n`,
    );
  }
  rmSync(folder, { recursive: true, force: true });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
