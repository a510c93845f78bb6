import * as ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { readWorkbookSnapshot } from '../../../src/hosts/xlsx/snapshot';
import { toBuffer } from '../../../src/hosts/xlsx/write';
import type { SheetSnapshot } from '../../../src/core/snapshot';

/** A fill from Excel's theme palette (ExcelJS's types know no `tint`, its reader and writer do). */
const themeFill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 5, tint: 0.6 } } as ExcelJS.Fill;
const date = new Date(Date.UTC(2023, 2, 18));

/** One sheet with every kind of cell a unit's file may hold, written to bytes and read back. */
async function kindsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kinds');
  sheet.getCell('A1').value = 66;
  sheet.getCell('B1').value = 'Sở Du lịch';
  sheet.getCell('C1').value = true;
  sheet.getCell('D1').value = date;
  sheet.getCell('D1').numFmt = 'dd/mm/yyyy';
  sheet.getCell('E1').value = { formula: 'A1*2', result: 132 };
  sheet.getCell('F1').value = { error: '#DIV/0!' };
  sheet.getCell('G1').value = { richText: [{ text: 'Sở ' }, { text: 'Tư pháp', font: { bold: true } }] };
  sheet.getCell('H1').value = { text: 'Cổng DVC', hyperlink: 'https://dichvucong.gov.vn' };
  sheet.getCell('I1').value = { formula: 'A1/0', result: { error: '#DIV/0!' } };
  sheet.getCell('J1').value = { formula: 'A1+1' };
  sheet.getCell('A2').value = 1;
  sheet.getCell('A3').value = 2;
  sheet.getCell('B2').value = {
    formula: 'A2*2',
    result: 2,
    shareType: 'shared',
    ref: 'B2:B3',
  } as ExcelJS.CellFormulaValue;
  sheet.getCell('B3').value = { sharedFormula: 'B2', result: 4 };
  // Row 4 holds no value: a fill and a note on an empty cell must still be read.
  sheet.getCell('C4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'ffffc7ce' } };
  sheet.getCell('C4').note = 'ghi chú trên ô trống';
  sheet.getCell('E5').value = 0.56;
  sheet.getCell('E5').numFmt = '0%';
  sheet.getCell('D5').fill = themeFill;
  sheet.getCell('A5').note = { texts: [{ text: 'Soát ' }, { text: 'đậm', font: { bold: true } }] };
  sheet.getCell('A6').value = 'Gộp';
  sheet.mergeCells('A6:C6');
  const hidden = workbook.addWorksheet('_soat', { state: 'veryHidden' });
  hidden.addRow(['Kinds', 'C4', '']);
  return toBuffer(workbook);
}

let sheet: SheetSnapshot;
beforeAll(async () => {
  const { snapshot } = await readWorkbookBuffer(await kindsWorkbook(), 'kinds.xlsx');
  expect(snapshot.sheets.map((s) => s.name)).toEqual(['Kinds']); // the record sheet is not data
  sheet = snapshot.sheets[0]!;
});

test('values as computed: cached formula results, plain text of rich text and links, errors, dates', () => {
  expect(sheet.values).toEqual([
    // J1 = A1+1 was saved without its result: read as what it computes, not as blank.
    [66, 'Sở Du lịch', true, date, 132, { error: '#DIV/0!' }, 'Sở Tư pháp', 'Cổng DVC', { error: '#DIV/0!' }, 67],
    [1, 2],
    [2, 4],
    [],
    [null, null, null, null, 0.56],
    ['Gộp'],
  ]);
});

test('formulas without "=", shared formulas translated; a formula never computed reads as blank', () => {
  expect(sheet.formulas).toEqual([
    [undefined, undefined, undefined, undefined, 'A1*2', undefined, undefined, undefined, 'A1/0', 'A1+1'],
    [undefined, 'A2*2'],
    [undefined, 'A3*2'],
    [],
    [],
    [],
  ]);
});

test('number formats other than General', () => {
  expect(sheet.numberFormats?.[0]?.[3]).toBe('dd/mm/yyyy');
  expect(sheet.numberFormats?.[4]?.[4]).toBe('0%');
  expect(sheet.numberFormats?.[0]?.[0]).toBeUndefined();
});

test('notes as plain text, solid fills as upper-case ARGB, merges', () => {
  expect(sheet.notes).toEqual({ C4: 'ghi chú trên ô trống', A5: 'Soát đậm' });
  expect(sheet.fills).toEqual({ C4: 'FFFFC7CE' }); // a theme colour has no ARGB to report
  expect(sheet.merges).toEqual([{ top: 6, left: 1, bottom: 6, right: 3 }]);
});

test('exact fills keep a theme colour whole, for Clear to put back', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await kindsWorkbook()) as never);
  const marks = readWorkbookSnapshot(workbook, undefined, { marksOnly: true, exactFills: true });
  expect(marks.sheets[0]).toEqual({
    name: 'Kinds',
    values: [],
    merges: [{ top: 6, left: 1, bottom: 6, right: 3 }],
    notes: { C4: 'ghi chú trên ô trống', A5: 'Soát đậm' },
    fills: { C4: 'FFFFC7CE', D5: `json:${JSON.stringify(workbook.getWorksheet('Kinds')!.getCell('D5').fill)}` },
  });
});

test('reading a 5,000-row sheet adds little to ExcelJS’s own load', async () => {
  const workbook = new ExcelJS.Workbook();
  const big = workbook.addWorksheet('Phụ lục 2');
  for (let i = 1; i <= 5000; i++) {
    big.addRow([i, `Đơn vị ${i}`, i % 7, '1,5', 100, 70, 70, 30, 30, 90, 99, 'x', 2, 'x', null, 'x', 0]);
  }
  const bytes = await toBuffer(workbook);
  const best = async (run: () => unknown): Promise<number> => {
    let fastest = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await run();
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  };
  const loaded = new ExcelJS.Workbook();
  const load = await best(() => new ExcelJS.Workbook().xlsx.load(bytes as never));
  await loaded.xlsx.load(bytes as never);
  const snapshot = await best(() => readWorkbookSnapshot(loaded));
  // The 1.5× budget of the whole read, with most of the half left to spare on a slow machine.
  expect(snapshot).toBeLessThan(load * 0.5);
  expect(readWorkbookSnapshot(loaded).sheets[0]!.values).toHaveLength(5000);
}, 60_000);
