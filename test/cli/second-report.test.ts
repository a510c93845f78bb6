import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { soat } from '../support/cli';
import {
  definitionFile,
  definitionText,
  KQ,
  registryFile,
  secondRegistry,
  secondReportFiles,
  sheetCellRule,
  SK,
  unitFindings,
} from '../hosts/second-report';

/**
 * A report Soát has never seen, run through the whole cycle on the command line with nothing but
 * its definition file and a unit list: template → each unit's file validated (the definition
 * carried inside it) → compute → merge with its own list of who reported, tables and summary.
 */

const dir = mkdtempSync(join(tmpdir(), 'soat-second-'));
const units = join(dir, 'units');

beforeAll(async () => {
  mkdirSync(units);
  for (const [name, bytes] of await secondReportFiles()) writeFileSync(join(units, name), bytes);
});

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

interface JsonFinding {
  file: string;
  sheet: string;
  cell: string;
  rule: string;
  message: string;
}

async function validateJson(file: string, ...extra: string[]) {
  const { status, stdout, stderr } = await soat('validate', join(units, file), '--json', ...extra);
  const json = JSON.parse(stdout) as { findings: JsonFinding[]; sheets: { sheet: string; appendix: string }[] };
  return { status, stderr, json };
}

/** A cell as ExcelJS reads it back: a formula and its cached result, or a plain value. */
function shown(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  if (value !== null && typeof value === 'object' && 'formula' in value)
    return { formula: value.formula, result: value.result };
  return value;
}

/** Data validations by cell, as ExcelJS reads them (its typings do not declare them). */
function validationsOf(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.DataValidation> {
  return (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations
    .model;
}

/** Column `col` of a sheet from row `from` to its last row. */
function column(sheet: ExcelJS.Worksheet, col: string, from: number): unknown[] {
  const out: unknown[] = [];
  for (let r = from; r <= sheet.rowCount; r++) out.push(shown(sheet.getCell(`${col}${r}`)));
  return out;
}

describe('soat template with --definition and --registry', () => {
  const out = join(dir, 'MAU_TTHC_Q3.xlsx');

  beforeAll(async () => {
    const { status, stdout } = await soat(
      'template',
      '--definition',
      definitionFile,
      '--registry',
      registryFile,
      '--out',
      out,
    );
    expect([status, stdout]).toEqual([
      0,
      `Đã tạo mẫu báo cáo đơn vị: Báo cáo kết quả giải quyết thủ tục hành chính quý III/2025 · 30 đơn vị.\n→ ${out}\n`,
    ]);
  });

  it('writes the data appendices, the unit list and, very hidden, the definition as written', async () => {
    const workbook = await load(out);
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      [KQ, 'visible'],
      [SK, 'visible'],
      ['Danh mục đơn vị', 'visible'],
      ['_soat_mau', 'veryHidden'],
    ]);
    const carried = workbook.getWorksheet('_soat_mau')!;
    expect(column(carried, 'A', 2).join('')).toBe(definitionText);
    const list = workbook.getWorksheet('Danh mục đơn vị')!;
    expect(column(list, 'B', 2)).toEqual(secondRegistry.units.map((u) => u.name));
    expect(list.getRow(25).values).toEqual([undefined, 24, 'Ủy ban nhân dân xã An Lão', 'xã', '']);
  });

  it('lays out Biểu 02 with its grouped header, validations on the typed columns and ratio formulas', async () => {
    const sheet = (await load(out)).getWorksheet(KQ)!;
    expect([sheet.getCell('A1').value, sheet.getCell('A2').value]).toEqual([
      'BIỂU 02',
      'KẾT QUẢ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH QUÝ III/2025',
    ]);
    expect((sheet.getRow(5).values as unknown[]).slice(3, 6)).toEqual([
      'Tổng số hồ sơ tiếp nhận',
      'Giải quyết đúng hạn',
      'Giải quyết trễ hạn',
    ]);
    expect(sheet.getCell('C4').value).toBe('Hồ sơ');
    expect(sheet.getCell('F6').formula).toBe('IF(C6>0,ROUND(D6/C6*100,2),"")');
    expect(sheet.getCell('F55').formula).toBe('IF(C55>0,ROUND(D55/C55*100,2),"")');
    expect(sheet.getCell('F56').value).toBeNull();

    const validations = validationsOf(sheet);
    const kind = (cell: string) => {
      const v = validations[cell];
      return v && [v.type, v.operator ?? null, v.formulae];
    };
    expect(['C6', 'D30', 'E55', 'I6'].map(kind)).toEqual(
      Array.from({ length: 4 }, () => ['whole', 'greaterThanOrEqual', [0]]),
    );
    expect(kind('G6')).toEqual(['decimal', 'greaterThanOrEqual', [0]]);
    expect(kind('H6')).toEqual(['list', null, ['"x,0"']]);
    expect(['F6', 'C56', 'B6'].map(kind)).toEqual([undefined, undefined, undefined]);
    expect(Object.keys(validationsOf((await load(out)).getWorksheet(SK)!))).toEqual([]);
  });

  it('the blank template validates clean against the definition it carries', async () => {
    const { status, stdout } = await soat('validate', out, '--json');
    const json = JSON.parse(stdout);
    expect(status).toBe(0);
    expect(json.sheets.map((s: { sheet: string; appendix: string }) => [s.sheet, s.appendix])).toEqual([
      [KQ, 'KQ'],
      [SK, 'SK'],
    ]);
    expect(json.findings).toEqual([]);
  });
});

describe('soat validate on each unit file, with no --definition: the one it carries is used', () => {
  it.each(Object.entries(unitFindings))('%s', async (file, expected) => {
    const { status, stderr, json } = await validateJson(file);
    expect(stderr).toBe('');
    expect(json.sheets.map((s) => [s.sheet, s.appendix])).toEqual([
      [KQ, 'KQ'],
      [SK, 'SK'],
    ]);
    expect(sheetCellRule(json.findings)).toEqual(expected);
    const errors = ['ratio-mismatch', 'sum-mismatch', 'flag-count-mismatch', 'range-value', 'unknown-unit'];
    expect(status).toBe(expected.some(([, , rule]) => errors.includes(rule)) ? 1 : 0);
  });

  it('names the cells of the row in a "filled together" note, not the definition’s keys', async () => {
    const { json } = await validateJson('unit-so-tai-chinh.xlsx');
    expect(json.findings[0]!.message).toBe(
      'Ô "Tỷ lệ đúng hạn (%)" còn trống: các ô C6, D6, E6, F6 phải có số liệu cùng nhau.',
    );
    const english = JSON.parse(
      (await soat('validate', join(units, 'unit-so-tai-chinh.xlsx'), '--json', '--lang', 'en')).stdout,
    );
    expect(english.findings[0].message).toBe(
      'The cell "Share on time (%)" is blank: the cells C6, D6, E6, F6 are filled together.',
    );
  });

  it('reports the defects in the words of this report', async () => {
    const message = async (file: string, cell: string) =>
      (await validateJson(file)).json.findings.find((f) => f.cell === cell && f.rule !== 'unit-alias')!.message;
    expect(await message('unit-phuong-hong-bang.xlsx', 'F6')).toBe('Tỷ lệ ghi 80%, nhưng D/C × 100 = 75%.');
    expect(await message('unit-xa-an-lao.xlsx', 'C6')).toBe(
      '"Giải quyết đúng hạn" + "Giải quyết trễ hạn" = 320, lớn hơn tổng số 300.',
    );
    expect(await message('unit-dk-cat-hai.xlsx', 'G6')).toBe(
      'Ô "Số ngày trễ trung bình" còn trống: ô E6 ("Giải quyết trễ hạn") là 10, lớn hơn 0.',
    );
    expect(await message('unit-phuong-le-chan.xlsx', 'I6')).toBe(
      'Đã đánh dấu "Có bộ phận một cửa" (H6) nhưng "Số cán bộ một cửa" là 0.',
    );
    expect(await message('unit-phuong-ngo-quyen.xlsx', 'D5')).toBe('"T11/2025" muộn hơn cuối kỳ báo cáo (2025-09-30).');
    expect(await message('unit-xa-tien-lang.xlsx', 'B6')).toBe(
      '"UBND huyện Tiên Lãng" không khớp đơn vị nào trong danh mục. Gần nhất: "Ủy ban nhân dân xã Tiên Lãng".',
    );
  });

  it('--definition given on the command line wins over the one the file carries', async () => {
    // The same report with a later period end: November is no longer in the future.
    const later = join(dir, 'tthc-q4.json');
    writeFileSync(later, definitionText.replace('"periodEnd": "2025-09-30"', '"periodEnd": "2025-12-31"'));
    const { status, json } = await validateJson('unit-phuong-ngo-quyen.xlsx', '--definition', later);
    expect(status).toBe(1);
    expect(sheetCellRule(json.findings)).toEqual(
      unitFindings['unit-phuong-ngo-quyen.xlsx']!.filter(([, , rule]) => rule !== 'future-date'),
    );

    // The built-in report, given explicitly, knows neither sheet.
    const builtin = join(__dirname, '..', '..', 'definitions', 'hp-kh197-9t2024.json');
    const other = await validateJson('unit-phuong-ngo-quyen.xlsx', '--definition', builtin);
    expect(other.json.sheets).toEqual([]);
    expect(sheetCellRule(other.json.findings)).toEqual([
      [KQ, '', 'not-an-appendix'],
      [SK, '', 'not-an-appendix'],
    ]);
  });
});

describe('soat compute on a unit file', () => {
  it('writes the ratio formula into the blank ratio cell, from the carried definition', async () => {
    const out = join(dir, 'so-tai-chinh.computed.xlsx');
    const { status, stdout } = await soat('compute', join(units, 'unit-so-tai-chinh.xlsx'), '--out', out);
    expect([status, stdout]).toEqual([
      0,
      `Đã ghi công thức tỷ lệ vào 1 ô; giữ nguyên 0 ô tỷ lệ không khớp.\n→ ${out}\n`,
    ]);
    const sheet = (await load(out)).getWorksheet(KQ)!;
    expect(sheet.getCell('F6').formula).toBe('IF(C6>0,ROUND(D6/C6*100,2),"")');
    expect(['C6', 'D6', 'E6', 'G6', 'H6', 'I6'].map((c) => sheet.getCell(c).value)).toEqual([
      1250,
      1200,
      50,
      2.5,
      'x',
      6,
    ]);
  });

  it('keeps a mistyped ratio unless told to overwrite it', async () => {
    const source = join(units, 'unit-phuong-hong-bang.xlsx');
    const kept = join(dir, 'hong-bang.kept.xlsx');
    const first = await soat('compute', source, '--out', kept);
    expect(first.stdout).toBe(
      `Đã ghi công thức tỷ lệ vào 0 ô; giữ nguyên 1 ô tỷ lệ không khớp (dùng --overwrite để ghi đè).\n→ ${kept}\n`,
    );
    expect((await load(kept)).getWorksheet(KQ)!.getCell('F6').value).toBe(80);

    const forced = join(dir, 'hong-bang.forced.xlsx');
    const second = await soat('compute', source, '--out', forced, '--overwrite', '--json');
    expect(JSON.parse(second.stdout).written).toEqual([{ sheet: KQ, cell: 'F6', previous: 80 }]);
    expect((await load(forced)).getWorksheet(KQ)!.getCell('F6').formula).toBe('IF(C6>0,ROUND(D6/C6*100,2),"")');
  });
});

describe('soat merge of the folder of unit files', () => {
  const out = join(dir, 'TONG_HOP_TTHC_Q3.xlsx');
  let status: number;
  let json: { files: string[]; findings: JsonFinding[]; summary: Record<string, number> };
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const run = await soat('merge', units, '--out', out, '--json');
    status = run.status;
    json = JSON.parse(run.stdout);
    workbook = await load(out);
  });

  it('exits 1 and reports each file’s findings, and the second file of Sở Tài chính', () => {
    expect(status).toBe(1);
    expect(json.files).toEqual(Object.keys(unitFindings).map((f) => join(units, f)));
    const expected = Object.entries(unitFindings).flatMap(([file, findings]) => [
      ...findings.map(([sheet, cell, rule]) => [join(units, file), sheet, cell, rule]),
      ...(file === 'unit-stc.xlsx' ? [[join(units, file), KQ, 'B6', 'duplicate-unit']] : []),
    ]);
    expect(json.findings.map((f) => [f.file, f.sheet, f.cell, f.rule])).toEqual(expected);
    expect(json.summary).toEqual({ error: 6, warning: 5, info: 11 });
  });

  it('writes the report’s own sheets: who reported, its two tables, the summary', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Danh sách báo cáo', KQ, SK, 'Tổng hợp']);
  });

  it('generates who reported: in registry order, the unit without figures marked, then who did not', () => {
    const sheet = workbook.getWorksheet('Danh sách báo cáo')!;
    expect([sheet.getCell('A1').value, sheet.getCell('A2').value]).toEqual([
      'BIỂU 01',
      'DANH SÁCH CÁC ĐƠN VỊ GỬI BÁO CÁO',
    ]);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(['TT', 'Tên đơn vị', 'Chưa có số liệu']);
    const rows = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) =>
        ['A', 'B', 'C'].map((c) => sheet.getCell(`${c}${from + i}`).value),
      );
    expect(rows(5, 16)).toEqual([
      ['I.', 'Các đơn vị đã gửi báo cáo', null],
      [1, 'Sở Tài chính', null],
      [2, 'Sở Nội vụ', null],
      [3, 'Sở Tư pháp', null],
      [4, 'Sở Xây dựng', 'x'], // its initiatives came, no row of figures
      [5, 'Ủy ban nhân dân phường Hồng Bàng', null],
      [6, 'Ủy ban nhân dân phường Lê Chân', null],
      [7, 'Ủy ban nhân dân phường Ngô Quyền', null],
      [8, 'Ủy ban nhân dân xã An Lão', null],
      [9, 'Ủy ban nhân dân đặc khu Cát Hải', null],
      [10, 'UBND huyện Tiên Lãng', null], // not in the list: after its units, as written
      ['II.', 'Các đơn vị chưa gửi báo cáo', null],
    ]);
    const reported = new Set(rows(6, 14).map(([, name]) => name));
    const missing = secondRegistry.units.map((u) => u.name).filter((name) => !reported.has(name));
    expect(missing).toHaveLength(21);
    expect(rows(17, 37)).toEqual(missing.map((name, i) => [i + 1, name, null]));
    expect(sheet.rowCount).toBe(37);
  });

  it('Kết quả giải quyết: one row per unit in registry order, the first of two files kept, ratios as formulas', () => {
    const sheet = workbook.getWorksheet(KQ)!;
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual([
      'TT',
      'Tên đơn vị',
      'Tổng số hồ sơ tiếp nhận',
      'Giải quyết đúng hạn',
      'Giải quyết trễ hạn',
      'Tỷ lệ đúng hạn (%)',
      'Số ngày trễ trung bình',
      'Có bộ phận một cửa',
      'Số cán bộ một cửa',
      'Nguồn (tệp › trang tính › dòng)',
    ]);
    const row = (r: number) =>
      ['A', 'B', 'C', 'D', 'E', 'G', 'H', 'I', 'J'].map((c) => sheet.getCell(`${c}${r}`).value);
    const source = (file: string) => `${join(units, file)} › ${KQ} › dòng 6`;
    expect([6, 7, 8, 9, 10, 11, 12, 13, 14].map(row)).toEqual([
      [1, 'Sở Tài chính', 1250, 1200, 50, 2.5, 'x', 6, source('unit-so-tai-chinh.xlsx')],
      [2, 'Sở Nội vụ', 410, 400, 10, 2, 'x', 3, source('unit-so-noi-vu.xlsx')],
      [3, 'Sở Tư pháp', 95, 95, 0, null, null, null, source('unit-so-tu-phap.xlsx')],
      [4, 'Ủy ban nhân dân phường Hồng Bàng', 800, 600, 150, 3.5, 'x', 4, source('unit-phuong-hong-bang.xlsx')],
      [5, 'Ủy ban nhân dân phường Lê Chân', 650, 640, 10, 1, 'x', 0, source('unit-phuong-le-chan.xlsx')],
      [6, 'Ủy ban nhân dân phường Ngô Quyền', 540, 530, 0, null, 'x', '2-3', source('unit-phuong-ngo-quyen.xlsx')],
      [7, 'Ủy ban nhân dân xã An Lão', 300, 280, 40, 4, '0', null, source('unit-xa-an-lao.xlsx')],
      [8, 'Ủy ban nhân dân đặc khu Cát Hải', 120, 110, 10, null, 'x', 2, source('unit-dk-cat-hai.xlsx')],
      [9, 'UBND huyện Tiên Lãng', 200, 190, 10, 2, 'x', 2, source('unit-xa-tien-lang.xlsx')],
    ]);
    expect(sheet.rowCount).toBe(14);
    // The ratio is recomputed, whatever the unit typed (Hồng Bàng's 80 is 75 here).
    expect(column(sheet, 'F', 6)).toEqual(
      [
        [6, 96],
        [7, 97.56],
        [8, 100],
        [9, 75],
        [10, 98.46],
        [11, 98.15],
        [12, 93.33],
        [13, 91.67],
        [14, 95],
      ].map(([r, result]) => ({ formula: `IF(C${r}>0,ROUND(D${r}/C${r}*100,2),"")`, result })),
    );
  });

  it('Sáng kiến: each unit’s initiatives together, in registry order, continuation rows kept blank', () => {
    const sheet = workbook.getWorksheet(SK)!;
    const rows = Array.from({ length: sheet.rowCount - 4 }, (_, i) =>
      ['A', 'B', 'C'].map((c) => sheet.getCell(`${c}${i + 5}`).value),
    );
    expect(rows).toEqual([
      [1, 'Sở Tài chính', '1. Một cửa liên thông đăng ký đầu tư và thuế'],
      [null, null, '2. Đặt lịch hẹn nộp hồ sơ trực tuyến'],
      [2, 'Sở Nội vụ', '2. Chuẩn hóa quy trình nội bộ giải quyết TTHC'],
      [null, null, '3. Phiếu đánh giá mức độ hài lòng điện tử'],
      [3, 'Sở Tư pháp', '1. Số hóa hồ sơ tại bộ phận một cửa'],
      [4, 'Sở Xây dựng', '1. Cấp phép xây dựng trực tuyến toàn trình'],
      [5, 'Ủy ban nhân dân phường Hồng Bàng', '1. Trả kết quả qua bưu chính công ích'],
      [null, null, '2. Bộ phận một cửa làm việc sáng thứ Bảy'],
      [6, 'Ủy ban nhân dân phường Lê Chân', '1. Số hóa kết quả giải quyết TTHC'],
      [7, 'Ủy ban nhân dân phường Ngô Quyền', '1. Trợ lý ảo hướng dẫn thủ tục trên Zalo'],
      [8, 'Ủy ban nhân dân xã An Lão', '1. Tổ công nghệ số cộng đồng hỗ trợ nộp hồ sơ'],
      [9, 'Ủy ban nhân dân đặc khu Cát Hải', '1. Tiếp nhận hồ sơ lưu động tại các xã đảo'],
    ]);
    expect(sheet.getCell('D5').value).toEqual(new Date(Date.UTC(2025, 6, 1)));
    expect(sheet.getCell('D6').value).toBe('T9/2025');
  });

  it('Tổng hợp: the totals the definition asks for, equal to the sums of the kept rows', () => {
    const sheet = workbook.getWorksheet('Tổng hợp')!;
    const byLabel = new Map<string, unknown>();
    sheet.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === 'string') byLabel.set(label, shown(row.getCell(2)));
    });
    const valueOf = (label: string) => {
      const v = byLabel.get(label);
      return typeof v === 'object' && v !== null && 'result' in v ? v.result : v;
    };
    const range = (col: string) => `'${KQ}'!${col}6:${col}14`;

    // Who reported: 30 units listed, 9 of them and one unit not in the list, 11 files.
    expect(
      [
        'Số đơn vị trong danh mục',
        'Số đơn vị đã gửi báo cáo',
        'Số đơn vị chưa gửi báo cáo',
        'Số đơn vị ngoài danh mục đã gửi',
        'Số tệp đã nhận',
        'Số tệp bị bỏ qua (không đọc được, không có số liệu)',
      ].map(valueOf),
    ).toEqual([30, 9, 21, 1, 11, 0]);

    // By hand, from the kept rows (unit-stc.xlsx, Sở Tài chính's second file, is not merged):
    // Tài chính, Nội vụ, Tư pháp, Hồng Bàng, Lê Chân, Ngô Quyền, An Lão, Cát Hải, Tiên Lãng.
    const received = 1250 + 410 + 95 + 800 + 650 + 540 + 300 + 120 + 200;
    const onTime = 1200 + 400 + 95 + 600 + 640 + 530 + 280 + 110 + 190;
    const late = 50 + 10 + 0 + 150 + 10 + 0 + 40 + 10 + 10;
    const ratios = [1200 / 1250, 400 / 410, 95 / 95, 600 / 800, 640 / 650, 530 / 540, 280 / 300, 110 / 120, 190 / 200];
    const shownRatios = ratios.map((r) => Math.round(r * 100 * 100) / 100); // each row's ROUND(…, 2)
    const mean = Math.round((shownRatios.reduce((a, b) => a + b, 0) / shownRatios.length) * 100) / 100;
    const daysLate = [2.5, 2, 3.5, 1, 4, 2].sort((a, b) => a - b); // Tư pháp, Ngô Quyền, Cát Hải left it blank
    const median = (daysLate[2]! + daysLate[3]!) / 2;
    const desks = 7; // every unit but Tư pháp (blank) and An Lão ("0")
    const staff = 6 + 3 + 4 + 0 + 2 + 2; // Ngô Quyền's "2-3" is no number
    const initiatives = 2 + 2 + 1 + 1 + 2 + 1 + 1 + 1 + 1;
    expect([received, onTime, late, mean, median, staff, initiatives]).toEqual([4365, 4045, 280, 93.91, 2.25, 17, 12]);

    expect(byLabel.get('Tổng số hồ sơ tiếp nhận')).toEqual({ formula: `SUM(${range('C')})`, result: received });
    expect(byLabel.get('Giải quyết đúng hạn')).toEqual({ formula: `SUM(${range('D')})`, result: onTime });
    expect(byLabel.get('Giải quyết trễ hạn')).toEqual({ formula: `SUM(${range('E')})`, result: late });
    expect(byLabel.get('Tỷ lệ "Giải quyết đúng hạn" / "Tổng số hồ sơ tiếp nhận" (%)')).toEqual({
      formula: 'IF(B12>0,ROUND(B13/B12*100,2),"")',
      result: Math.round((onTime / received) * 100 * 100) / 100,
    });
    expect(sheet.getCell('A12').value).toBe('Tổng số hồ sơ tiếp nhận');
    expect(sheet.getCell('A13').value).toBe('Giải quyết đúng hạn');
    expect(valueOf('Tỷ lệ "Giải quyết đúng hạn" / "Tổng số hồ sơ tiếp nhận" (%)')).toBe(92.67);
    expect(byLabel.get('Tỷ lệ đúng hạn: trung bình các đơn vị (%)')).toEqual({
      formula: `IF(COUNT(${range('F')})>0,ROUND(AVERAGE(${range('F')}),2),"")`,
      result: mean,
    });
    expect(byLabel.get('Số ngày trễ trung bình: trung vị')).toEqual({
      formula: `IF(COUNT(${range('G')})>0,ROUND(MEDIAN(${range('G')}),2),"")`,
      result: median,
    });
    expect(byLabel.get('Số đơn vị đánh dấu "Có bộ phận một cửa"')).toEqual({
      formula: `COUNTIF(${range('H')},"x")`,
      result: desks,
    });
    expect(byLabel.get('Số cán bộ một cửa')).toEqual({ formula: `SUM(${range('I')})`, result: staff });
    expect(byLabel.get('Số dòng có "Tên sáng kiến" (Biểu 03 – Sáng kiến cải cách)')).toEqual({
      formula: `COUNTA('${SK}'!C5:C16)`,
      result: initiatives,
    });
  });

  it('Tổng hợp: findings per unit beside each unit’s on-time share, and the chart of that share', async () => {
    const sheet = workbook.getWorksheet('Tổng hợp')!;
    const header = sheet.getRow(23).values as unknown[];
    expect(header.slice(1)).toEqual(['Đơn vị', 'Lỗi', 'Cảnh báo', 'Tỷ lệ đúng hạn (%)']);
    const perUnit = Array.from({ length: 10 }, (_, i) => {
      const r = 24 + i;
      const share = shown(sheet.getCell(`D${r}`)) as { result?: number } | null;
      return [sheet.getCell(`A${r}`).value, sheet.getCell(`B${r}`).value, sheet.getCell(`C${r}`).value, share?.result];
    });
    expect(perUnit).toEqual([
      ['Sở Tài chính', 1, 1, 96], // the second file's duplicate-unit; the blank ratio
      ['Sở Nội vụ', 0, 1, 97.56],
      ['Sở Tư pháp', 0, 1, 100],
      ['Sở Xây dựng', 0, 0, undefined],
      ['Ủy ban nhân dân phường Hồng Bàng', 1, 0, 75],
      ['Ủy ban nhân dân phường Lê Chân', 1, 0, 98.46],
      ['Ủy ban nhân dân phường Ngô Quyền', 1, 1, 98.15],
      ['Ủy ban nhân dân xã An Lão', 1, 0, 93.33],
      ['Ủy ban nhân dân đặc khu Cát Hải', 0, 1, 91.67],
      ['UBND huyện Tiên Lãng', 1, 0, 95],
    ]);
    expect(shown(sheet.getCell('D24'))).toEqual({ formula: `'${KQ}'!F6`, result: 96 });

    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).filter((n) => /^xl\/charts\/.+\.xml$/.test(n))).toEqual(['xl/charts/chart1.xml']);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:barChart><c:barDir val="bar"/>');
    expect(chart).toContain('<a:t>Tỷ lệ đúng hạn (%) theo đơn vị</a:t>');
    expect(chart).toContain("<c:f>'Tổng hợp'!$A$24:$A$33</c:f>");
    expect(chart).toContain("<c:f>'Tổng hợp'!$D$24:$D$33</c:f>");
    expect(chart).toContain('<c:pt idx="4"><c:v>Ủy ban nhân dân phường Hồng Bàng</c:v></c:pt>');
    expect(chart).toContain('<c:pt idx="4"><c:v>75</c:v></c:pt>');
    expect(chart).toContain('<c:max val="100"/><c:min val="0"/>');
  });

  it('--definition given explicitly is used for the whole batch', async () => {
    const later = join(dir, 'tthc-q4-merge.json');
    writeFileSync(later, definitionText.replace('"periodEnd": "2025-09-30"', '"periodEnd": "2025-12-31"'));
    const run = await soat('merge', units, '--out', join(dir, 'q4.xlsx'), '--json', '--definition', later);
    const rules = (JSON.parse(run.stdout).findings as JsonFinding[]).map((f) => f.rule);
    expect(rules).not.toContain('future-date');
    expect(rules).toHaveLength(json.findings.length - 1);
  });
});
