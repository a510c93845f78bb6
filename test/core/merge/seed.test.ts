import { checkWorkbook } from '../../../src/core/check';
import { percentFormula } from '../../../src/core/compute/percentages';
import { mergeUnitWorkbooks } from '../../../src/core/merge';
import type { MergeResult } from '../../../src/core/merge';
import { UnitMatcher } from '../../../src/core/units/match';
import { defaultRegistry } from '../../../src/core/units/registry';
import { draftToXlsx } from '../../../src/hosts/xlsx/draft';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { seedText } from '../../hosts/xlsx/seed';
import { cellAt, seedUnitInputs, sheetOf, shown, shownRows, today } from './support';

/**
 * Merging the seed's per-unit workbooks gives back the seed's own Phụ lục 2 and 3: the same units
 * with the same values, in registry order, G and I as formulas, and a Phụ lục 1 that agrees.
 * Expected values are read from the raw seed text here, not from the generator or the engine.
 */

const lines = seedText.split('\n');

function tableLines(n: number): string[][] {
  const start = lines.findIndex((l) => l.startsWith(`PHỤ LỤC ${n}`));
  const end = lines.findIndex((l, i) => i > start && /^PHỤ LỤC \d/.test(l));
  return lines
    .slice(start, end === -1 ? undefined : end)
    .filter((l) => l.includes('\t'))
    .map((l) => l.split('\t'));
}

const matcher = new UnitMatcher(defaultRegistry);
const registryIndex = (name: string): number => defaultRegistry.units.findIndex((u) => u.name === name);
function canonical(name: string): string {
  const match = matcher.match(name);
  if (match.kind === 'unknown') throw new Error(`seed unit ${name} not in the registry`);
  return match.unit.name;
}

/** A seed field as the merged sheet shows it: numbers as numbers ("1,5" is 1.5), ranges as typed. */
function value(field: string | undefined): string | number | null {
  const text = (field ?? '').trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^\d+,\d+$/.test(text)) return Number(text.replace(',', '.'));
  return text;
}

const round2 = (x: number): number => Math.round(x * 100 + 1e-9) / 100;

/** IF(E>0, ROUND(part/E*100, 2), "") over the shown values. */
function percent(part: string | number | null, total: string | number | null): number | string {
  if (typeof total !== 'number' || total <= 0) return '';
  return round2(((typeof part === 'number' ? part : 0) / total) * 100);
}

const seedPhuLuc2 = tableLines(2)
  .filter((f) => /^\d+$/.test(f[0]!.trim()))
  .map((f) => {
    const v = Array.from({ length: 17 }, (_, i) => value(f[i]));
    return [
      canonical(f[1]!),
      v[2],
      v[3],
      v[4],
      v[5],
      percent(v[5]!, v[4]!),
      v[7],
      percent(v[7]!, v[4]!),
      ...v.slice(9, 17),
    ];
  })
  .sort((a, b) => registryIndex(a[0] as string) - registryIndex(b[0] as string));

/** Phụ lục 3 data lines grouped by the unit that names them; blank-unit lines continue the one above. */
const seedPhuLuc3 = (() => {
  const groups: { unit: string; models: [string | null, string | null][] }[] = [];
  for (const f of tableLines(3).filter((f) => !/^S\s*T\s*T$/.test(f[0]!.trim()))) {
    const model: [string | null, string | null] = [f[2]?.trim() ? f[2]! : null, f[3]?.trim() ? f[3]! : null];
    if ((f[1] ?? '').trim() !== '') groups.push({ unit: canonical(f[1]!), models: [model] });
    else groups.at(-1)!.models.push(model);
  }
  return groups.sort((a, b) => registryIndex(a.unit) - registryIndex(b.unit));
})();

let result: MergeResult;
beforeAll(async () => {
  result = mergeUnitWorkbooks(await seedUnitInputs(), { lang: 'vi', today });
});

test('four sheets, in the order of the report', () => {
  expect(result.draft.sheets.map((s) => s.name)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Tổng hợp']);
});

describe('Phụ lục 2', () => {
  test('the seed’s 29 rows, same units and values, in registry order, renumbered', () => {
    const sheet = sheetOf(result.draft, 'Phụ lục 2');
    const rows = shownRows(sheet, 6, 17);
    expect(rows.map((r) => r[0])).toEqual(seedPhuLuc2.map((_, i) => i + 1));
    expect(rows.map((r) => r.slice(1))).toEqual(seedPhuLuc2);
  });

  test('G and I are the blank-safe formulas of each row', () => {
    const sheet = sheetOf(result.draft, 'Phụ lục 2');
    for (let r = 6; r < 6 + seedPhuLuc2.length; r++) {
      expect(cellAt(sheet, `G${r}`)?.formula).toBe(percentFormula(`F${r}`, `E${r}`));
      expect(cellAt(sheet, `I${r}`)?.formula).toBe(percentFormula(`H${r}`, `E${r}`));
    }
  });

  test('every row names its source file, sheet and row', () => {
    const sheet = sheetOf(result.draft, 'Phụ lục 2');
    expect(shown(cellAt(sheet, 'R4'))).toBe('Nguồn (tệp › trang tính › dòng)');
    expect(shown(cellAt(sheet, 'R7'))).toBe('unit-so-du-lich.xlsx › Phụ lục 2 › dòng 6');
  });

  test('cells with findings are coloured and noted, the note naming the source cell', () => {
    const sheet = sheetOf(result.draft, 'Phụ lục 2');
    const row = 6 + seedPhuLuc2.findIndex((r) => r[0] === 'Sở Ngoại vụ');
    const f = cellAt(sheet, `F${row}`)!;
    expect(f.fill).toBe('FFFFC7CE');
    expect(f.note).toBe(
      '— Soát —\n[Lỗi] "Dịch vụ hành chính công toàn trình" (4) lớn hơn "Tổng số dịch vụ hành chính công trực tuyến" (1). ' +
        `Gợi ý sửa: E${row} = 4. (part-exceeds-total)\nÔ gốc: unit-so-ngoai-vu.xlsx › Phụ lục 2 › F6\n— hết Soát —`,
    );
    const khcn = 6 + seedPhuLuc2.findIndex((r) => r[0] === 'Sở Khoa học và Công nghệ');
    expect([cellAt(sheet, `D${khcn}`)?.fill, cellAt(sheet, `K${khcn}`)?.fill]).toEqual(['FFFFEB9C', 'FFFFC7CE']);
  });

  test('a percentage the merge recomputed says so, and suggests no value for its formula', () => {
    const sheet = sheetOf(result.draft, 'Phụ lục 2');
    const row = 6 + seedPhuLuc2.findIndex((r) => r[0] === 'Ủy ban nhân dân quận Ngô Quyền');
    expect(cellAt(sheet, `G${row}`)?.note).toBe(
      '— Soát —\n[Lỗi] Tỷ lệ ghi 76%, nhưng F/E × 100 = 88,78%. (ratio-mismatch)\n' +
        'Ô này nay là công thức, tính lại từ số liệu của dòng.\nÔ gốc: unit-ubnd-quan-ngo-quyen.xlsx › Phụ lục 2 › G6\n— hết Soát —',
    );
  });
});

test('the written workbook reads back through Soát: the same three appendices, row for row', async () => {
  const { snapshot } = await readWorkbookBuffer(await draftToXlsx(result.draft), 'consolidated.xlsx');
  const check = checkWorkbook(snapshot, { today });
  expect(check.sheets.map((s) => [s.sheet, s.appendix, s.headerRows, s.dataRows])).toEqual([
    ['Phụ lục 1', 'PL1', [4], 46],
    ['Phụ lục 2', 'PL2', [4, 5], 29],
    ['Phụ lục 3', 'PL3', [4], 49],
  ]);
  expect(check.findings.filter((f) => f.rule === 'unknown-unit' || f.rule === 'numbering-gap')).toEqual([]);
});

describe('Phụ lục 3', () => {
  test('each unit’s models together, in registry order, continuation rows without STT or unit', () => {
    const sheet = sheetOf(result.draft, 'Phụ lục 3');
    const expected = seedPhuLuc3.flatMap((g, i) =>
      g.models.map(([model, date], j) => [j === 0 ? i + 1 : null, j === 0 ? g.unit : null, model, date]),
    );
    expect(shownRows(sheet, 5, 4)).toEqual(expected);
    expect(expected).toHaveLength(49);
  });
});

describe('Phụ lục 1', () => {
  test('section I the units that sent rows, "x" where no Phụ lục 2 row came; section II the rest of the registry', () => {
    const rows = shownRows(sheetOf(result.draft, 'Phụ lục 1'), 5, 3);
    const split = rows.findIndex((r) => r[0] === 'II.');
    expect(rows[0]).toEqual(['I.', 'Các đơn vị đã gửi báo cáo', null]);
    const sent = rows.slice(1, split);
    const notSent = rows.slice(split + 1);
    const withRows = new Set([...seedPhuLuc2.map((r) => r[0] as string), ...seedPhuLuc3.map((g) => g.unit)]);
    const inRegistryOrder = defaultRegistry.units.map((u) => u.name);
    expect(sent.map((r) => r[1])).toEqual(inRegistryOrder.filter((n) => withRows.has(n)));
    expect(sent.map((r) => r[0])).toEqual(sent.map((_, i) => i + 1));
    expect(sent.filter((r) => r[2] === 'x').map((r) => r[1])).toEqual([
      'Cục Hải quan thành phố',
      'Ủy ban nhân dân quận Kiến An',
      'Ủy ban nhân dân quận Lê Chân',
    ]);
    expect(notSent.map((r) => r[1])).toEqual(inRegistryOrder.filter((n) => !withRows.has(n)));
    expect(sent.length + notSent.length).toBe(46);
  });
});

describe('Tổng hợp', () => {
  /** The value beside a label of the summary. */
  function figure(label: string): string | number | null {
    const sheet = sheetOf(result.draft, 'Tổng hợp');
    const row = sheet.rows.find((r) => r[0]?.text === label);
    if (!row) throw new Error(`no summary row ${label}`);
    return shown(row[1]);
  }

  test('units expected, received and missing', () => {
    expect(
      [
        'Số đơn vị trong danh mục',
        'Số đơn vị đã gửi báo cáo',
        'Số đơn vị chưa gửi báo cáo',
        'Số tệp đã nhận',
        'Số tệp bị bỏ qua (không đọc được, không có số liệu)',
      ].map(figure),
    ).toEqual([46, 32, 14, 32, 0]);
  });

  // Worked out by hand from the seed text's Phụ lục 2 (29 rows): E, F and H summed where they are
  // numbers; J has 28 numbers (Sở Tài nguyên và Môi trường left it blank); "x" counted per column.
  test.each([
    ['Tổng số dịch vụ hành chính công trực tuyến', 3989],
    ['Dịch vụ hành chính công toàn trình', 3138],
    ['Dịch vụ hành chính công một phần', 854],
    ['Tỷ lệ toàn trình toàn thành phố (%) = toàn trình / tổng số × 100', 78.67], // 3138 / 3989 = 78.666…
    ['Tỷ lệ một phần toàn thành phố (%)', 21.41], // 854 / 3989 = 21.408…
    ['Thu phí, lệ phí không dùng tiền mặt: trung bình các đơn vị (%)', 57.32], // 1604.96 / 28
    ['Thu phí, lệ phí không dùng tiền mặt: trung vị (%)', 77.85], // (75.69 + 80) / 2 = 77.845
    ['Số đơn vị đã có phòng họp trực tuyến', 28],
    ['Tổng số phòng họp trực tuyến', 64],
    ['Số đơn vị đã kết nối với trang DDCI', 26],
    ['Số đơn vị trả lời trực tuyến bằng AI', 3],
    ['Số đơn vị phối hợp mô hình "Kết nối thủ tục giấy phép kinh doanh có điều kiện"', 26],
    ['Số đơn vị công khai cam kết với DN trên Cổng TTĐT TP', 6],
    ['Số mô hình hướng dẫn, hỗ trợ (Phụ lục 3)', 49],
  ])('%s = %d', (label, expected) => {
    expect(figure(label)).toBe(expected);
  });

  test('the city totals are formulas over the merged Phụ lục 2', () => {
    const sheet = sheetOf(result.draft, 'Tổng hợp');
    const formulas = sheet.rows.slice(11, 16).map((r) => r[1]?.formula);
    expect(formulas).toEqual([
      "SUM('Phụ lục 2'!E6:E34)",
      "SUM('Phụ lục 2'!F6:F34)",
      "SUM('Phụ lục 2'!H6:H34)",
      percentFormula('B13', 'B12'),
      percentFormula('B14', 'B12'),
    ]);
  });

  test('findings per unit add up to the report’s errors and warnings, and the chart reads the unit table', () => {
    const sheet = sheetOf(result.draft, 'Tổng hợp');
    const total = sheet.rows.find((r) => r[0]?.text === 'Tổng cộng')!;
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const warnings = result.findings.filter((f) => f.severity === 'warning').length;
    expect([shown(total[1]), shown(total[2])]).toEqual([errors, warnings]);
    const ngoaiVu = sheet.rows.find((r) => r[0]?.text === 'Sở Ngoại vụ')!;
    expect(ngoaiVu.map(shown)).toEqual(['Sở Ngoại vụ', 1, 0, 400]);
    const chart = sheet.charts![0]!;
    const first = sheet.rows.findIndex((r) => r[0]?.text === 'Sở Kế hoạch và Đầu tư') + 1;
    expect(chart).toMatchObject({
      kind: 'bar',
      categories: `A${first}:A${first + 31}`,
      values: `D${first}:D${first + 31}`,
    });
  });
});
