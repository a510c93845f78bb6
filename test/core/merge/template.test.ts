import * as ExcelJS from 'exceljs';
import { checkWorkbook } from '../../../src/core/check';
import { percentFormula } from '../../../src/core/compute/percentages';
import { unitTemplateDraft } from '../../../src/core/merge';
import { draftToXlsx } from '../../../src/hosts/xlsx/draft';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { cellAt, sheetOf, shown } from './support';

/** The blank unit workbook: the report's own headers, drop-downs and number checks, G and I computed. */

const draft = unitTemplateDraft('vi');

test('Phụ lục 2 and 3, headed as the seed report prints them', () => {
  expect(draft.sheets.map((s) => [s.name, s.frozenRows])).toEqual([
    ['Phụ lục 2', 5],
    ['Phụ lục 3', 4],
  ]);
  const pl2 = sheetOf(draft, 'Phụ lục 2');
  expect(['A1', 'A4', 'C4', 'C5', 'E4', 'G5', 'L4', 'M5'].map((a) => shown(cellAt(pl2, a)))).toEqual([
    'PHỤ LỤC 2',
    'STT',
    'Thực hiện thủ tục hành chính',
    'Số TTHC đã rút ngắn được thời gian so với quy định (Số thủ tục)',
    'Thực hiện dịch vụ hành chính công trực tuyến',
    'Tỷ lệ DVHCC mức độ toàn trình/Tổng số DVHCC trực tuyến (%)',
    'Phòng họp trực tuyến',
    'Số lượng phòng họp trực tuyến',
  ]);
  expect(pl2.merges).toEqual([
    'A1:Q1',
    'A2:Q2',
    'A4:A5',
    'B4:B5',
    'C4:D4',
    'E4:I4',
    'J4:J5',
    'K4:K5',
    'L4:M4',
    'N4:N5',
    'O4:O5',
    'P4:P5',
    'Q4:Q5',
  ]);
});

test('G and I hold their formulas on 50 rows', () => {
  const pl2 = sheetOf(draft, 'Phụ lục 2');
  expect([cellAt(pl2, 'G6')?.formula, cellAt(pl2, 'I55')?.formula, cellAt(pl2, 'G56')]).toEqual([
    percentFormula('F6', 'E6'),
    percentFormula('H55', 'E55'),
    null,
  ]);
});

test('drop-downs for marks, whole numbers for counts, 0–100 for percentages, in the written file', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await draftToXlsx(draft)) as unknown as ExcelJS.Buffer);
  const model = (
    workbook.getWorksheet('Phụ lục 2') as unknown as {
      dataValidations: { model: Record<string, ExcelJS.DataValidation> };
    }
  ).dataValidations.model;
  const at = (cell: string) => {
    const v = model[cell]!;
    return [v.type, v.operator ?? null, v.formulae];
  };
  expect([at('L6'), at('P30'), at('C6'), at('F55'), at('D6'), at('J6'), at('K40')]).toEqual([
    ['list', null, ['"x,0"']],
    ['list', null, ['"x,0"']],
    ['whole', 'greaterThanOrEqual', [0]],
    ['whole', 'greaterThanOrEqual', [0]],
    ['decimal', 'greaterThanOrEqual', [0]],
    ['decimal', 'between', [0, 100]],
    ['decimal', 'between', [0, 100]],
  ]);
  expect(model['L56']).toBeUndefined();
});

test('a filled-in template is read by Soát like any unit workbook', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await draftToXlsx(draft)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Phụ lục 2')!;
  sheet.getRow(6).values = [
    1,
    'Sở Du lịch',
    10,
    2.8,
    26,
    17,
    undefined,
    9,
    undefined,
    100,
    100,
    'x',
    1,
    'x',
    null,
    'x',
    0,
  ];
  sheet.getCell('G6').value = { formula: percentFormula('F6', 'E6'), result: 65.38 };
  sheet.getCell('I6').value = { formula: percentFormula('H6', 'E6'), result: 34.62 };
  const { snapshot } = await readWorkbookBuffer(
    new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer),
    'filled.xlsx',
  );
  const result = checkWorkbook(snapshot);
  expect(result.sheets.map((s) => [s.sheet, s.appendix, s.headerRows, s.dataRows])).toEqual([
    ['Phụ lục 2', 'PL2', [4, 5], 1],
    ['Phụ lục 3', 'PL3', [4], 0],
  ]);
  expect(result.findings).toEqual([]);
});
