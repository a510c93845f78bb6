/**
 * `npm run bench`: how fast Soát is against the floor set by ExcelJS reading the same bytes.
 * Figures and ratios are printed, never asserted: machines differ.
 */
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { checkWorkbook } from '../src/core/check';
import { annotationPlan } from '../src/core/report/annotations';
import { defaultRegistry } from '../src/core/units/registry';
import { readWorkbookBuffer } from '../src/hosts/xlsx/read';

/** Units as staff write them: canonical names and the abbreviations of the report, and a typo. */
const units = [...defaultRegistry.units.map((u) => u.name), 'UBND huyện Kiến Thụy', 'Sở LĐ-TB&XH', 'Chi nhánh NHNN TP', 'Sở Du hành'];

/** A Phụ lục 2 with `rows` rows, one in ten of them wrong in some way. */
export async function generatedPhuLuc2(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Phụ lục 2');
  sheet.addRow(['PHỤ LỤC 2']);
  sheet.addRow([
    'STT', 'Tên đơn vị', 'Số TTHC đã rút ngắn được thời gian', 'Số ngày trung bình được rút ngắn',
    'Tổng số dịch vụ hành chính công trực tuyến', 'Dịch vụ hành chính công toàn trình', 'Tỷ lệ toàn trình/Tổng (%)',
    'Dịch vụ hành chính công một phần', 'Tỷ lệ một phần/Tổng (%)', 'Thu phí, lệ phí không dùng tiền mặt (%)',
    'Tỷ lệ hồ sơ hợp lệ ngay từ lần nộp đầu tiên (%)', 'Đã có phòng họp trực tuyến', 'Số lượng phòng họp trực tuyến',
    'Đã kết nối với trang DDCI', 'Trả lời trực tuyến bằng AI', 'Kết nối thủ tục giấy phép kinh doanh có điều kiện',
    'Công khai các cam kết với DN',
  ]);
  for (let i = 1; i <= rows; i++) {
    const total = 50 + (i % 200);
    const full = Math.floor(total * 0.7);
    const partial = total - full;
    const wrong = i % 10 === 0;
    sheet.addRow([
      i, units[i % units.length], i % 7, i % 7 === 0 ? null : i % 10 === 3 ? '1,5' : 1.5, total, full,
      wrong ? 12.5 : Math.round((full / total) * 10000) / 100, partial, Math.round((partial / total) * 10000) / 100,
      i % 10 === 7 ? '86-99' : 90, 99, 'x', 1 + (i % 3), 'x', null, i % 2 ? 'x' : 0, 0,
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer()) as unknown as Buffer;
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
  const repeat = 5;
  const excelOnly = await timed(async () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer), repeat);
  const readOnly = await timed(() => readWorkbookBuffer(bytes, 'bench.xlsx'), repeat);
  const validate = await timed(async () => {
    const { snapshot } = await readWorkbookBuffer(bytes, 'bench.xlsx');
    const { findings } = checkWorkbook(snapshot);
    return annotationPlan(findings, 'vi');
  }, repeat);
  const { snapshot } = await readWorkbookBuffer(bytes, 'bench.xlsx');
  const checkOnly = await timed(async () => checkWorkbook(snapshot), repeat);
  const line = (name: string, ms: number) =>
    `${name.padEnd(38)} ${ms.toFixed(1).padStart(8)} ms  ${Math.round((rows / ms) * 1000).toString().padStart(8)} rows/s  ${(ms / excelOnly).toFixed(2)}×`;
  process.stdout.write(`Validate a generated ${rows}-row Phụ lục 2 (best of ${repeat})\n`);
  process.stdout.write(`${line('ExcelJS load alone (floor)', excelOnly)}\n`);
  process.stdout.write(`${line('Soát read (snapshot)', readOnly)}\n`);
  process.stdout.write(`${line('Soát check only (core)', checkOnly)}\n`);
  process.stdout.write(`${line('Soát validate (read + check + plan)', validate)}\n`);
  process.stdout.write(`ratio validate / ExcelJS load: ${(validate / excelOnly).toFixed(2)}× (target ≤ 1.5×)\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
