import { writeFile } from 'node:fs/promises';
import type * as ExcelJS from 'exceljs';
import { columnLetter, parseAddress } from '../../core/address';
import type { DraftCell, SheetDraft, ValidationDraft, WorkbookDraft } from '../../core/merge/output';
import { addChartsTo } from './draft-chart';
import { writeDraftNotes } from './draft-notes';
import { PackageParts } from './package/parts';
import { quoteFormulaLikeTextIn } from './package/quote-prefix';
import type { Compressor } from './package/zip-write';
import { zipParts } from './package/zip-write';

/**
 * Writes a host-neutral WorkbookDraft (the consolidated report, the unit template) as .xlsx.
 * Text goes in as a string value, which ExcelJS stores as a shared string: a unit's "=…" or
 * "+84…" stays text. Only `formula` cells are formulas.
 */

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Points per wrapped line of 11-pt Calibri. */
const lineHeight = 15;

/** One style object per distinct look, so that ExcelJS does not re-serialise 100 000 of them. */
class Styles {
  private readonly cache = new Map<string, Partial<ExcelJS.Style>>();

  of(cell: DraftCell): Partial<ExcelJS.Style> {
    const key = [cell.bold, cell.italic, cell.wrap, cell.align, cell.border, cell.fill, cell.numberFormat].join('|');
    let style = this.cache.get(key);
    if (!style) {
      style = {
        ...(cell.bold || cell.italic ? { font: { bold: cell.bold === true, italic: cell.italic === true } } : {}),
        alignment: {
          vertical: cell.bold && cell.align === 'center' ? 'middle' : 'top',
          ...(cell.align ? { horizontal: cell.align } : {}),
          ...(cell.wrap ? { wrapText: true } : {}),
        },
        ...(cell.border ? { border: box } : {}),
        ...(cell.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: cell.fill } } } : {}),
        ...(cell.numberFormat ? { numFmt: cell.numberFormat } : {}),
      };
      this.cache.set(key, style);
    }
    return style;
  }
}

function cellValue(cell: DraftCell): ExcelJS.CellValue {
  if (cell.formula !== undefined) {
    return cell.result === undefined
      ? { formula: cell.formula }
      : ({ formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue);
  }
  if (cell.number !== undefined) return cell.number;
  if (cell.text !== undefined) return cell.text;
  return null;
}

/** Width in characters of each merge's first cell: the whole merge. */
function mergedWidths(sheet: SheetDraft, widthOf: (col: number) => number): Map<string, number> {
  const widths = new Map<string, number>();
  for (const range of sheet.merges ?? []) {
    const [from, to = from] = range.split(':') as [string, string?];
    const a = parseAddress(from);
    const b = parseAddress(to);
    let width = 0;
    for (let c = a.col; c <= b.col; c++) width += widthOf(c);
    widths.set(from, width);
  }
  return widths;
}

/**
 * A height that shows wrapped text whole: row heights are not fitted when a file opens, so a
 * long model text would show one line. Estimated from the text length and the column width.
 */
function wrappedHeight(
  cells: readonly (DraftCell | null)[],
  rowNumber: number,
  widthOf: (col: number) => number,
  merged: Map<string, number>,
): number | undefined {
  let lines = 1;
  cells.forEach((cell, i) => {
    if (!cell?.wrap || cell.text === undefined) return;
    const width = merged.get(`${columnLetter(i + 1)}${rowNumber}`) ?? widthOf(i + 1);
    const perLine = Math.max(1, width * (cell.bold ? 0.8 : 0.95));
    const needed = cell.text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  return lines > 1 ? lines * lineHeight + 2 : undefined;
}

function validation(v: ValidationDraft): ExcelJS.DataValidation {
  const messages = {
    showErrorMessage: true,
    errorTitle: 'Soát',
    error: v.message,
    showInputMessage: true,
    prompt: v.message,
  };
  if (v.kind === 'list')
    return { type: 'list', allowBlank: true, formulae: [`"${(v.list ?? []).join(',')}"`], ...messages };
  const bounds =
    v.min !== undefined && v.max !== undefined
      ? { operator: 'between' as const, formulae: [v.min, v.max] }
      : v.max !== undefined
        ? { operator: 'lessThanOrEqual' as const, formulae: [v.max] }
        : { operator: 'greaterThanOrEqual' as const, formulae: [v.min ?? 0] };
  return { type: v.kind, allowBlank: true, ...bounds, ...messages };
}

function writeSheet(workbook: ExcelJS.Workbook, draft: SheetDraft, styles: Styles, notes: NotesByExcelJS): void {
  const sheet = workbook.addWorksheet(draft.name, {
    state: draft.hidden ? 'veryHidden' : 'visible',
    views: draft.frozenRows ? [{ state: 'frozen', ySplit: draft.frozenRows }] : [],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const widths = draft.columnWidths ?? [];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const widthOf = (col: number): number => widths[col - 1] ?? 9;
  const merged = mergedWidths(draft, widthOf);
  let noted = false;
  draft.rows.forEach((cells, r) => {
    if (cells.length === 0) return;
    const row = sheet.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = row.getCell(c + 1);
      target.value = cellValue(cell);
      target.style = styles.of(cell);
      if (cell.note !== undefined && (notes === 'all' || !noted)) target.note = cell.note;
      noted ||= cell.note !== undefined;
    });
    const height = wrappedHeight(cells, r + 1, widthOf, merged);
    if (height !== undefined) row.height = height;
  });
  for (const range of draft.merges ?? []) sheet.mergeCells(range);
  // ExcelJS has range validations (worksheet.dataValidations) but its typings do not declare them.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of draft.validations ?? []) validations.add(v.range, validation(v));
}

/**
 * What writes a package: ExcelJS's workbook class and the zip's deflate. The command line loads
 * ExcelJS's workbook alone and Node's zlib (native-writing.ts); elsewhere the whole of ExcelJS
 * and fflate (portable-writing.ts).
 */
export interface XlsxWriting {
  readonly Workbook: typeof ExcelJS.Workbook;
  readonly compressor: Compressor;
  /** ExcelJS writes the first note of each sheet only, the others are written after it (draft-notes.ts). */
  readonly notesAfter?: boolean;
}

/** Which notes ExcelJS writes: all, or the first of each sheet (see writeDraftNotes). */
type NotesByExcelJS = 'all' | 'first';

/** The draft as an ExcelJS workbook, charts aside (see draftToXlsx). */
export function workbookFromDraft(
  draft: WorkbookDraft,
  Workbook: typeof ExcelJS.Workbook,
  notes: NotesByExcelJS = 'all',
): ExcelJS.Workbook {
  const workbook = new Workbook();
  workbook.creator = 'Soát';
  // The cached results are Soát's; a spreadsheet program recomputes them on opening all the same.
  workbook.calcProperties.fullCalcOnLoad = true;
  const styles = new Styles();
  for (const sheet of draft.sheets) writeSheet(workbook, sheet, styles, notes);
  return workbook;
}

/**
 * The draft as .xlsx bytes, with its native charts, and text that looks like a formula kept text.
 * ExcelJS stores its parts without deflating them: they are opened once more here for the charts
 * and the quoting, and deflated once at the end.
 */
export async function draftToXlsx(draft: WorkbookDraft, writing?: XlsxWriting): Promise<Buffer> {
  const { Workbook, compressor, notesAfter } = writing ?? (await import('./portable-writing')).portableWriting;
  const workbook = workbookFromDraft(draft, Workbook, notesAfter === true ? 'first' : 'all');
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  const parts = await PackageParts.load(new Uint8Array(stored as ArrayBuffer));
  if (notesAfter === true) await writeDraftNotes(parts, draft);
  await addChartsTo(parts, draft);
  await quoteFormulaLikeTextIn(parts);
  return Buffer.from(zipParts(await parts.entries(), compressor));
}

export async function writeDraftFile(draft: WorkbookDraft, path: string, writing?: XlsxWriting): Promise<void> {
  await writeFile(path, await draftToXlsx(draft, writing));
}
