import { percentFormula } from '../compute/percentages';
import type { Lang } from '../report/finding';
import { phuLuc2, phuLuc3 } from '../templates/appendix';
import { boxedBlank, formulaCell } from './cells';
import { appendixHeader, appendixWidths, titleRows } from './layout';
import type { DraftCell, ValidationDraft, WorkbookDraft } from './output';
import { SheetBuilder } from './sheet';

/**
 * The blank unit workbook a consolidator sends out (`soat template`): Phụ lục 2 and 3 laid out
 * as the report prints them, with drop-downs for the marks, number validation on counts and
 * percentages, and G and I already computed, so that most mistakes cannot be typed at all.
 */

/** Enough for a unit with sub-units; one row is the usual. */
export const templateRows = 50;

const messages = {
  flag: { vi: 'Chọn "x" (có) hoặc "0" (không), hoặc để trống.', en: 'Choose "x" (yes) or "0" (no), or leave blank.' },
  count: { vi: 'Nhập số nguyên không âm (0, 1, 2 …).', en: 'Enter a whole number, 0 or more.' },
  days: { vi: 'Nhập số không âm; dùng dấu phẩy hoặc dấu chấm thập phân.', en: 'Enter a number, 0 or more.' },
  percent: {
    vi: 'Nhập tỷ lệ phần trăm từ 0 đến 100 (56 nghĩa là 56%).',
    en: 'Enter a percentage from 0 to 100 (56 means 56%).',
  },
} as const;

export function unitTemplateDraft(lang: Lang = 'vi', rows: number = templateRows): WorkbookDraft {
  return { sheets: [phuLuc2Template(lang, rows), phuLuc3Template(rows)] };
}

function phuLuc2Template(lang: Lang, rows: number) {
  const sheet = new SheetBuilder(phuLuc2.sheetName);
  sheet.addBlock(titleRows('PL2', 1, phuLuc2.columns.length));
  sheet.add();
  sheet.addBlock(appendixHeader('PL2', sheet.nextRow));
  const first = sheet.nextRow;
  for (let r = first; r < first + rows; r++) {
    const cells: DraftCell[] = phuLuc2.columns.map(() => boxedBlank);
    // The result stays blank until the unit types its counts, as the formula says.
    cells[6] = formulaCell(percentFormula(`F${r}`, `E${r}`), '');
    cells[8] = formulaCell(percentFormula(`H${r}`, `E${r}`), '');
    sheet.add(cells);
  }
  const last = first + rows - 1;
  const range = (from: string, to: string = from): string => `${from}${first}:${to}${last}`;
  const validations: ValidationDraft[] = [
    ...[range('C'), range('E', 'F'), range('H'), range('M')].map((r) => ({
      range: r,
      kind: 'whole' as const,
      min: 0,
      message: messages.count[lang],
    })),
    { range: range('D'), kind: 'decimal', min: 0, message: messages.days[lang] },
    { range: range('J', 'K'), kind: 'decimal', min: 0, max: 100, message: messages.percent[lang] },
    ...[range('L'), range('N', 'Q')].map((r) => ({
      range: r,
      kind: 'list' as const,
      list: ['x', '0'],
      message: messages.flag[lang],
    })),
  ];
  return sheet.build({ columnWidths: [...appendixWidths.PL2], frozenRows: first - 1, validations });
}

function phuLuc3Template(rows: number) {
  const sheet = new SheetBuilder(phuLuc3.sheetName);
  sheet.addBlock(titleRows('PL3', 1, phuLuc3.columns.length));
  sheet.add();
  sheet.addBlock(appendixHeader('PL3', sheet.nextRow));
  const first = sheet.nextRow;
  for (let r = 0; r < rows; r++) sheet.add(phuLuc3.columns.map(() => boxedBlank));
  return sheet.build({ columnWidths: [...appendixWidths.PL3], frozenRows: first - 1 });
}
