/**
 * `npm run bench`: how fast Soát is against two floors measured in the same run on the same bytes:
 * ExcelJS reading the file, and node:zlib inflating its parts plus one regex scan of them.
 * Figures and ratios are printed, never asserted: machines differ.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { checkWorkbook } from '../src/core/check';
import { builtinReport } from '../src/core/definition';
import { appendixById } from '../src/core/templates/appendix';
import { mergeUnitWorkbooks } from '../src/core/merge/merge';
import { annotationPlan } from '../src/core/report/annotations';
import { registryFromRows } from '../src/core/units/registry';
import { draftToXlsx } from '../src/hosts/xlsx/draft';
import { readSnapshotBuffer } from '../src/hosts/xlsx/lean/read';
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

interface Run {
  readonly ms: number;
  readonly maxRssKb: number;
  readonly status: number;
}

const worker = join(__dirname, 'bench-worker.js');
const cliMain = join(__dirname, '..', 'src', 'cli', 'main.js');
/** An earlier build's lib/src/cli/main.js, measured beside this one ("before"). */
const baselineCli = process.env['SOAT_BENCH_BEFORE'];

/** A whole process: its wall time (node's own start included) and its peak memory. */
function runProcess(args: readonly string[]): Run {
  const start = performance.now();
  const run = spawnSync(process.execPath, [worker, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - start;
  if (run.error || run.stdout === '') throw new Error(`bench worker failed: ${run.stderr.split('\n')[0] ?? ''}`);
  const { maxRssKb, status } = JSON.parse(run.stdout) as Run;
  return { ms, maxRssKb, status };
}

/** The median run of `repeat` by time. */
function median(args: readonly string[], repeat: number): Run {
  const runs = Array.from({ length: repeat }, () => runProcess(args)).sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)]!;
}

const mb = (kb: number): string => `${Math.round(kb / 1024)} MB`;

/** The targets, each with what this run measured; printed together at the end. */
const targets: { name: string; measured: string; met: boolean }[] = [];

function target(name: string, measured: string, met: boolean): void {
  targets.push({ name, measured, met });
}

function report(title: string, runs: [string, Run][], floor: Run, excel: Run): void {
  process.stdout.write(`${title}\n`);
  for (const [name, run] of runs) {
    process.stdout.write(
      `  ${name.padEnd(34)} ${(run.ms / 1000).toFixed(2).padStart(7)} s  peak ${mb(run.maxRssKb).padStart(7)}  ` +
        `${(run.ms / floor.ms).toFixed(2).padStart(6)}× floor  ${(run.ms / excel.ms).toFixed(2).padStart(5)}× ExcelJS readFile\n`,
    );
  }
}

/** `soat validate` (and --json) at several sizes, against ExcelJS readFile and the zlib + regex floor. */
async function benchValidate(sizes: readonly number[], folder: string): Promise<void> {
  for (const rows of sizes) {
    const file = join(folder, `phu-luc-2-${rows}.xlsx`);
    writeFileSync(file, await generatedPhuLuc2(rows));
    const repeat = rows > 50_000 ? 1 : 3;
    const floor = median(['floor', file], repeat);
    const excel = median(['exceljs', file], repeat);
    const runs: [string, Run][] = [
      ['node:zlib + regex scan (floor)', floor],
      ['ExcelJS readFile', excel],
      ['soat validate', median(['soat', cliMain, 'validate', file], repeat)],
      ['soat validate --json', median(['soat', cliMain, 'validate', file, '--json'], repeat)],
      // --out patches the input package: ExcelJS's model is loaded for the notes and fills it keeps.
      [
        'soat validate --out',
        median(['soat', cliMain, 'validate', file, '--out', join(folder, 'annotated.xlsx')], repeat),
      ],
    ];
    if (baselineCli) runs.push(['soat validate (before)', median(['soat', baselineCli, 'validate', file], repeat)]);
    report(`Validate a generated ${rows}-row Phụ lục 2 (whole processes, median of ${repeat})`, runs, floor, excel);
    const validate = runs[2]![1];
    if (rows !== 20_000) {
      target(
        `validate ${rows} rows ≤ 2.5× floor`,
        `${(validate.ms / floor.ms).toFixed(2)}×`,
        validate.ms <= 2.5 * floor.ms,
      );
    }
    if (rows === 100_000)
      target('validate 100000 rows < 400 MB', mb(validate.maxRssKb), validate.maxRssKb < 400 * 1024);
  }
}

/** `soat merge` of many unit files, against reading each with ExcelJS and the floor. */
async function benchMergeFiles(counts: readonly number[], folder: string): Promise<void> {
  for (const count of counts) {
    const dir = join(folder, `units-${count}`);
    mkdirSync(dir);
    const { files } = await generatedUnitFiles(count);
    for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
    const paths = [...files.keys()].map((name) => join(dir, name));
    const repeat = count > 500 ? 1 : 3;
    const floor = median(['floor', ...paths], repeat);
    const excel = median(['exceljs', ...paths], repeat);
    const out = join(folder, `merged-${count}.xlsx`);
    const runs: [string, Run][] = [
      ['node:zlib + regex scan (floor)', floor],
      ['ExcelJS readFile, each file', excel],
      ['soat merge --out', median(['soat', cliMain, 'merge', dir, '--out', out], repeat)],
    ];
    if (baselineCli)
      runs.push(['soat merge --out (before)', median(['soat', baselineCli, 'merge', dir, '--out', out], repeat)]);
    report(`Merge ${count} generated unit files (whole processes, median of ${repeat})`, runs, floor, excel);
    const merged = runs[2]![1];
    target(`merge ${count} files ≤ 2.5× floor`, `${(merged.ms / floor.ms).toFixed(2)}×`, merged.ms <= 2.5 * floor.ms);
  }
}

/** `soat --help`: what starting the command costs, beside node starting alone. */
function benchHelp(): void {
  const bin = join(__dirname, '..', '..', 'bin', 'soat.js');
  const time = (args: string[]): number => {
    const runs = Array.from({ length: 5 }, () => {
      const start = performance.now();
      spawnSync(process.execPath, args);
      return performance.now() - start;
    }).sort((a, b) => a - b);
    return runs[2]!;
  };
  const node = time(['-e', '0']);
  const help = time([bin, '--help']);
  process.stdout.write(
    `soat --help: ${help.toFixed(0)} ms (node alone ${node.toFixed(0)} ms, Soát's own ${(help - node).toFixed(0)} ms; target < 250 ms)\n`,
  );
  target('soat --help < 250 ms', `${help.toFixed(0)} ms`, help < 250);
}

/** The pane's first-screen JavaScript, as `npm run build` left it in dist/. */
function benchPaneSize(): void {
  const file = join(__dirname, '..', '..', 'dist', 'taskpane.js');
  if (!existsSync(file)) {
    process.stdout.write('pane: run `npm run build` first to measure dist/taskpane.js\n');
    return;
  }
  const bytes = readFileSync(file);
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  target('pane initial JS < 200 KB gzipped', `${(gzipped / 1024).toFixed(0)} KB`, gzipped < 200 * 1024);
  const chunks = readdirSync(dirname(file)).filter((name) => /^\d+\.js$/.test(name));
  process.stdout.write(
    `pane initial JS (dist/taskpane.js): ${(bytes.length / 1024).toFixed(0)} KB, ${(gzipped / 1024).toFixed(0)} KB gzipped ` +
      `(target < 200 KB gzipped); ${chunks.length} chunks loaded on demand\n`,
  );
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'soat-bench-'));
  try {
    benchHelp();
    benchPaneSize();
    process.stdout.write('\n');
    await benchValidate([5000, 20_000, 100_000], folder);
    await benchMergeFiles([200, 1000], folder);
    process.stdout.write('\n');
    await benchCore(5000);
    await benchMerge(200, 3);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  await benchExcelPayloads([1000, 10_000, 50_000], generatedPhuLuc2);
  await benchPane([1000, 20_000, 120_000]);
  process.stdout.write('\nTargets\n');
  for (const { name, measured, met } of targets) {
    process.stdout.write(`  ${name.padEnd(36)} ${measured.padStart(8)}  ${met ? 'met' : 'NOT met'}\n`);
  }
}

/** The checking core alone, on a snapshot already read: with a registry indexed on the way and kept. */
async function benchCore(rows: number): Promise<void> {
  const bytes = await generatedPhuLuc2(rows);
  const registryRows = generatedRegistry(rows);
  const repeat = 5;
  const snapshot = readSnapshotBuffer(bytes, 'bench.xlsx');
  const firstRun = await timed(
    async () => checkWorkbook(snapshot, { registry: registryFromRows(registryRows) }),
    repeat,
  );
  const registry = registryFromRows(registryRows);
  const againRun = await timed(
    async () => annotationPlan(checkWorkbook(snapshot, { registry }).findings, 'vi'),
    repeat,
  );
  const lean = await timed(async () => readSnapshotBuffer(bytes, 'bench.xlsx'), repeat);
  const viaExcelJs = await timed(() => readWorkbookBuffer(bytes, 'bench.xlsx'), repeat);
  process.stdout.write(`In-process, a ${rows}-row Phụ lục 2 against a ${rows}-unit registry (best of ${repeat})\n`);
  process.stdout.write(`  read, lean reader                  ${lean.toFixed(1).padStart(8)} ms\n`);
  process.stdout.write(`  read, through ExcelJS              ${viaExcelJs.toFixed(1).padStart(8)} ms\n`);
  process.stdout.write(`  check, registry indexed on the way ${firstRun.toFixed(1).padStart(8)} ms\n`);
  process.stdout.write(`  check + annotation plan            ${againRun.toFixed(1).padStart(8)} ms\n\n`);
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

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
