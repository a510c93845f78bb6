import { columnLetter } from '../address';
import { percentFormula } from '../compute/percentages';
import { definitionSheetDraft } from '../definition/carried';
import { builtinReport } from '../definition/builtin';
import type { UnitRegistry } from '../units/registry';
import { registrySheetName, registrySheetRows } from '../units/sheet';
import type { Lang } from '../report/finding';
import type { AppendixTemplate, ColumnDef, Report } from '../templates/appendix';
import { boxedBlank, formulaCell, headerCell, numberCell, textCell } from './cells';
import { appendixHeader, appendixWidths, outputColumns, titleRows } from './layout';
import type { DraftCell, SheetDraft, ValidationDraft, WorkbookDraft } from './output';
import { SheetBuilder } from './sheet';

/**
 * The blank unit workbook a consolidator sends out (`soat template`): each data appendix of the
 * report laid out as it prints, with drop-downs for the marks, number validation on counts and
 * percentages, and ratios already computed, so that most mistakes cannot be typed at all.
 */

/** Enough for a unit with sub-units; one row is the usual. */
export const templateRows = 50;

const messages = {
  flag: { vi: 'Chọn "x" (có) hoặc "0" (không), hoặc để trống.', en: 'Choose "x" (yes) or "0" (no), or leave blank.' },
  count: { vi: 'Nhập số nguyên không âm (0, 1, 2 …).', en: 'Enter a whole number, 0 or more.' },
  decimal: { vi: 'Nhập số không âm; dùng dấu phẩy hoặc dấu chấm thập phân.', en: 'Enter a number, 0 or more.' },
  percent: {
    vi: 'Nhập tỷ lệ phần trăm từ 0 đến 100 (56 nghĩa là 56%).',
    en: 'Enter a percentage from 0 to 100 (56 means 56%).',
  },
} as const;

export function unitTemplateDraft(
  lang: Lang = 'vi',
  rows: number = templateRows,
  report: Report = builtinReport,
): WorkbookDraft {
  return {
    sheets: report.appendices.filter((a) => a.shape !== 'submissions').map((a) => appendixTemplate(a, lang, rows)),
  };
}

/**
 * The whole workbook a unit is sent: the data appendices, the unit list as a sheet the unit can
 * read (and a consolidator edit), and the definition itself, out of sight, so that any host that
 * checks the filled-in workbook checks it against this report.
 */
export function unitWorkbookDraft(
  report: Report,
  registry: UnitRegistry,
  lang: Lang = 'vi',
  rows: number = templateRows,
): WorkbookDraft {
  return {
    sheets: [
      ...unitTemplateDraft(lang, rows, report).sheets,
      registrySheetDraft(registry, lang),
      definitionSheetDraft(report),
    ],
  };
}

/** "Danh mục đơn vị", pre-filled from a unit list, to be edited in place. */
export function registrySheetDraft(registry: UnitRegistry, lang: Lang): SheetDraft {
  const [header = [], ...units] = registrySheetRows(registry, lang);
  return {
    name: registrySheetName,
    rows: [
      header.map((h) => headerCell(String(h))),
      ...units.map((row) => row.map((v) => (typeof v === 'number' ? numberCell(v) : textCell(v)))),
    ],
    columnWidths: [7, 52, 14, 48],
    frozenRows: 1,
  };
}

/** The validation a column's type asks for; ratio columns hold formulas instead. */
function validationKind(column: ColumnDef): keyof typeof messages | undefined {
  if (column.ratio) return undefined;
  if (column.type === 'flag' || column.type === 'count' || column.type === 'decimal' || column.type === 'percent')
    return column.type;
  return undefined;
}

function validation(kind: keyof typeof messages, range: string, lang: Lang): ValidationDraft {
  const message = messages[kind][lang];
  switch (kind) {
    case 'flag':
      return { range, kind: 'list', list: ['x', '0'], message };
    case 'count':
      return { range, kind: 'whole', min: 0, message };
    case 'decimal':
      return { range, kind: 'decimal', min: 0, message };
    case 'percent':
      return { range, kind: 'decimal', min: 0, max: 100, message };
  }
}

function appendixTemplate(template: AppendixTemplate, lang: Lang, rows: number): SheetDraft {
  const sheet = new SheetBuilder(template.sheetName);
  sheet.addBlock(titleRows(template, 1, template.columns.length));
  sheet.add();
  sheet.addBlock(appendixHeader(template, sheet.nextRow));
  const first = sheet.nextRow;
  const letters = outputColumns(template);
  const ratios = template.columns.flatMap((c, i) => (c.ratio ? [{ index: i, ...c.ratio }] : []));
  for (let r = first; r < first + rows; r++) {
    const cells: DraftCell[] = template.columns.map(() => boxedBlank);
    // The result stays blank until the unit types its counts, as the formula says.
    for (const { index, part, total } of ratios)
      cells[index] = formulaCell(percentFormula(`${letters.get(part)}${r}`, `${letters.get(total)}${r}`), '');
    sheet.add(cells);
  }
  const last = first + rows - 1;
  // Neighbouring columns of one kind share one validation, as a person would set them up.
  const validations: ValidationDraft[] = [];
  let run: { kind: keyof typeof messages; from: number; to: number } | undefined;
  const flush = () => {
    if (!run) return;
    const range = `${columnLetter(run.from)}${first}:${columnLetter(run.to)}${last}`;
    validations.push(validation(run.kind, range, lang));
    run = undefined;
  };
  template.columns.forEach((column, i) => {
    const kind = validationKind(column);
    if (run && kind === run.kind && run.to === i) run.to = i + 1;
    else {
      flush();
      if (kind) run = { kind, from: i + 1, to: i + 1 };
    }
  });
  flush();
  return sheet.build({ columnWidths: appendixWidths(template), frozenRows: first - 1, validations });
}
