import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mergeUnitWorkbooks } from '../../../src/core/merge';
import type { MergeInput } from '../../../src/core/merge';
import { renderMessage } from '../../../src/core/report/messages';
import { draftToXlsx } from '../../../src/hosts/xlsx/draft';
import { seedFile } from '../../hosts/xlsx/seed';
import { pl2Row } from '../../support/grids';
import { inputOf, sheetOf, shown, shownRows, today, unitWorkbook } from './support';

/** What a consolidator's inbox really holds: each case asserted exactly, none fatal. */

const merge = (inputs: readonly MergeInput[]) => mergeUnitWorkbooks(inputs, { lang: 'vi', today });
const fileLevel = (r: ReturnType<typeof merge>) =>
  r.findings.filter((f) => f.row === 0).map((f) => [f.file, f.sheet, f.rule, f.severity, f.actual]);
const phuLuc2Units = (r: ReturnType<typeof merge>) =>
  shownRows(sheetOf(r.draft, 'Phụ lục 2'), 6, 2).map((row) => row[1]);

test("a unit's Phụ lục 2 and Phụ lục 3 in two files (or two sheets) merge as one unit, no duplicate", async () => {
  const indicators = await unitWorkbook([pl2Row(1, 'Sở Du lịch')], []);
  const models = await unitWorkbook([], [[1, 'Sở Du lịch', 'Mô hình hướng dẫn trực tuyến', 'T1/2024']]);
  const result = merge([await inputOf('Sở Du lịch - PL3', models), await inputOf('Sở Du lịch - PL2', indicators)]);
  expect(result.findings.filter((f) => f.rule === 'duplicate-unit' || f.rule === 'unreadable-file')).toEqual([]);
  expect(shownRows(sheetOf(result.draft, 'Phụ lục 2'), 6, 18).map((r) => [r[1], r[4]])).toEqual([['Sở Du lịch', 26]]);
  expect(shownRows(sheetOf(result.draft, 'Phụ lục 3'), 5, 3).map((r) => [r[1], r[2]])).toEqual([
    ['Sở Du lịch', 'Mô hình hướng dẫn trực tuyến'],
  ]);
});

test('a corrupt file is reported on its own line and the others are merged', async () => {
  const good = await seedFile('unit-so-du-lich.xlsx');
  const corrupt = good.subarray(0, 2000); // a mail attachment cut short
  const result = merge([await inputOf('b-corrupt.xlsx', corrupt), await inputOf('unit-so-du-lich.xlsx', good)]);
  expect(fileLevel(result)).toEqual([['b-corrupt.xlsx', '', 'unreadable-file', 'error', 'corrupt']]);
  expect(renderMessage(result.findings[0]!, 'vi')).toBe(
    'Không đọc được tệp: Tệp bị hỏng, không mở được như một bảng tính .xlsx. Tệp này bị bỏ qua.',
  );
  expect(result.files).toEqual(['b-corrupt.xlsx', 'unit-so-du-lich.xlsx']);
  expect(phuLuc2Units(result)).toEqual(['Sở Du lịch']);
  const summary = sheetOf(result.draft, 'Tổng hợp').rows;
  expect(summary.find((r) => r[0]?.text === 'b-corrupt.xlsx')?.map(shown)).toEqual([
    'b-corrupt.xlsx',
    'Không đọc được tệp: Tệp bị hỏng, không mở được như một bảng tính .xlsx. Tệp này bị bỏ qua.',
  ]);
});

test('two files for one unit: both named, the first in path order kept, whatever the order given', async () => {
  const first = await seedFile('unit-so-du-lich.xlsx');
  const second = await unitWorkbook(
    [pl2Row(1, 'Sở Du lịch', { E: 30, F: 20, G: null, H: 10, I: null })],
    [[1, 'Sở Du lịch', 'Mô hình khác', 'T1/2024']],
  );
  const inputs = [await inputOf('z/so-du-lich-gui-lai.xlsx', second), await inputOf('a/unit-so-du-lich.xlsx', first)];
  for (const order of [inputs, [...inputs].reverse()]) {
    const result = merge(order);
    const duplicates = result.findings.filter((f) => f.rule === 'duplicate-unit');
    // Each appendix the second file would have given is marked where its rows were left out.
    expect(duplicates.map((f) => [f.file, f.sheet, f.cell, f.severity])).toEqual([
      ['z/so-du-lich-gui-lai.xlsx', 'Phụ lục 2', 'B2', 'error'],
      ['z/so-du-lich-gui-lai.xlsx', 'Phụ lục 3', 'B2', 'error'],
    ]);
    expect(renderMessage(duplicates[0]!, 'vi')).toBe('"Sở Du lịch" đã có ở a/unit-so-du-lich.xlsx › Phụ lục 2!B6.');
    expect(renderMessage(duplicates[1]!, 'vi')).toBe('"Sở Du lịch" đã có ở a/unit-so-du-lich.xlsx › Phụ lục 3!B2.');
    const rows = shownRows(sheetOf(result.draft, 'Phụ lục 2'), 6, 18);
    expect(rows.map((r) => [r[1], r[4], r[17]])).toEqual([
      ['Sở Du lịch', 26, 'a/unit-so-du-lich.xlsx › Phụ lục 2 › dòng 6'],
    ]);
    expect(shownRows(sheetOf(result.draft, 'Phụ lục 3'), 5, 3).map((r) => r[2])).not.toContain('Mô hình khác');
  }
});

test('text that looks like a formula stays text, in the draft and in the written .xlsx', async () => {
  const bytes = await unitWorkbook(
    [pl2Row(1, '=HYPERLINK("x")')],
    [
      [1, '=HYPERLINK("x")', '+84 123', '@abc'],
      [null, null, '-5 mô hình', '=1+1'],
    ],
  );
  const result = merge([await inputOf('unit-hostile.xlsx', bytes)]);
  expect(shownRows(sheetOf(result.draft, 'Phụ lục 3'), 5, 4)).toEqual([
    [1, '=HYPERLINK("x")', '+84 123', '@abc'],
    [null, null, '-5 mô hình', '=1+1'],
  ]);
  const written = await draftToXlsx(result.draft);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(written as unknown as ExcelJS.Buffer);
  const cells = [
    workbook.getWorksheet('Phụ lục 2')!.getCell('B6'),
    ...['B5', 'C5', 'D5', 'C6', 'D6'].map((a) => workbook.getWorksheet('Phụ lục 3')!.getCell(a)),
  ];
  expect(cells.map((c) => [c.type, c.value, c.formula])).toEqual([
    [ExcelJS.ValueType.String, '=HYPERLINK("x")', undefined],
    [ExcelJS.ValueType.String, '=HYPERLINK("x")', undefined],
    [ExcelJS.ValueType.String, '+84 123', undefined],
    [ExcelJS.ValueType.String, '@abc', undefined],
    [ExcelJS.ValueType.String, '-5 mô hình', undefined],
    [ExcelJS.ValueType.String, '=1+1', undefined],
  ]);
  // In the bytes: shared strings (t="s"), and no <f> anywhere on the Phụ lục 3 sheet.
  const sheetXml = await (await JSZip.loadAsync(written)).file('xl/worksheets/sheet3.xml')!.async('string');
  expect(sheetXml).toMatch(/<c r="B5"[^>]* t="s"/);
  expect(sheetXml).not.toContain('<f>');
  expect(result.findings.filter((f) => f.rule === 'unknown-unit').map((f) => [f.sheet, f.cell])).toEqual([
    ['Phụ lục 2', 'B2'],
    ['Phụ lục 3', 'B2'],
  ]);
});

test('an empty workbook is reported as empty and merges nothing', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1');
  const result = merge([
    await inputOf('rong.xlsx', new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)),
  ]);
  expect(fileLevel(result)).toEqual([['rong.xlsx', '', 'unreadable-file', 'error', 'empty']]);
  expect(renderMessage(result.findings[0]!, 'en')).toBe('The file cannot be read: the file is empty. It was skipped.');
  expect(phuLuc2Units(result)).toEqual([]);
  expect(sheetOf(result.draft, 'Tổng hợp').charts).toEqual([]);
});

test('a sheet that is no appendix is skipped with an info finding, the appendices still merge', async () => {
  const bytes = await unitWorkbook([pl2Row(1, 'Sở Tư pháp')], [], (wb) =>
    wb.addWorksheet('Ghi chú').addRow(['Gửi kèm công văn số 12']),
  );
  const result = merge([await inputOf('unit-so-tu-phap.xlsx', bytes)]);
  expect(fileLevel(result)).toEqual([['unit-so-tu-phap.xlsx', 'Ghi chú', 'not-an-appendix', 'info', 'Ghi chú']]);
  expect(phuLuc2Units(result)).toEqual(['Sở Tư pháp']);
});

test('a row that leaves its unit blank takes the unit from the file name, said in an info note', async () => {
  const bytes = await unitWorkbook([pl2Row(1, '')]);
  const result = merge([await inputOf('don-vi/unit-so-tu-phap.xlsx', bytes)]);
  expect(phuLuc2Units(result)).toEqual(['Sở Tư pháp']);
  const about = result.findings.filter((f) => f.cell === 'B2');
  expect(about.map((f) => [f.rule, f.actual, f.expected])).toEqual([['unit-alias', 'unit-so-tu-phap', 'Sở Tư pháp']]);
});

test('a Phụ lục 3 of 10 000 rows merges whole, and fast', async () => {
  const models = Array.from({ length: 10_000 }, (_, i) => [
    i === 0 ? 1 : null,
    i === 0 ? 'Sở Tư pháp' : null,
    `Mô hình số ${i + 1}`,
    'T1/2023',
  ]);
  const bytes = await unitWorkbook([pl2Row(1, 'Sở Tư pháp')], models);
  const input = await inputOf('unit-so-tu-phap.xlsx', bytes);
  const start = Date.now();
  const result = merge([input]);
  const elapsed = Date.now() - start;
  const rows = shownRows(sheetOf(result.draft, 'Phụ lục 3'), 5, 4);
  expect(rows).toHaveLength(10_000);
  expect(rows[0]).toEqual([1, 'Sở Tư pháp', 'Mô hình số 1', 'T1/2023']);
  expect(rows[9_999]).toEqual([null, null, 'Mô hình số 10000', 'T1/2023']);
  expect(result.sheets.map((s) => [s.sheet, s.dataRows])).toEqual([
    ['Phụ lục 2', 1],
    ['Phụ lục 3', 10_000],
  ]);
  const summary = sheetOf(result.draft, 'Tổng hợp').rows;
  expect(shown(summary.find((r) => r[0]?.text === 'Số mô hình hướng dẫn, hỗ trợ (Phụ lục 3)')![1])).toBe(10_000);
  expect(elapsed).toBeLessThan(5_000);
});
