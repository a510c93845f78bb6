import * as ExcelJS from 'exceljs';
import type { CellValue, MergedArea, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { recordSheetName } from '../../core/annotate';
import { parseAddress } from '../../core/address';
import type { FormulaValue } from './formula-result';
import { formulaResult } from './formula-result';
import type { ReadLimits } from './limits';
import { defaultLimits, tooLarge } from './limits';
import { encodeFill, solidArgb } from './fill-code';

/**
 * Reads an ExcelJS workbook into the core's snapshot. One pass over the cells that exist
 * (Row.findCell never creates one), so that a large sheet costs little more than ExcelJS's own load.
 */

const { ValueType } = ExcelJS;

// The fill codes live apart so that writing a package need not load ExcelJS whole.
export { decodeFill, encodeFill, solidArgb } from './fill-code';

/** Plain text of a note: ExcelJS keeps a string, or rich text runs when the note was formatted. */
export function noteText(note: string | ExcelJS.Comment | undefined): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((run) => run.text).join('');
}

function richText(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((run) => run.text).join('');
}

/** Anything ExcelJS may hold as a value, reduced to what the core reads. */
function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return null;
  }
  if (value instanceof Date) return value;
  const object = value as Record<string, unknown>;
  if (Array.isArray(object['richText'])) return richText(object as unknown as ExcelJS.CellRichTextValue);
  if (typeof object['error'] === 'string') return { error: object['error'] };
  if ('formula' in object || 'sharedFormula' in object) return plainValue(object['result']);
  if ('text' in object) return plainValue(object['text']);
  return null;
}

const excelEpoch = Date.UTC(1899, 11, 30);

/** A cell as a formula sees it: dates are serials, a formula is its cached or computed result. */
function lookupValue(sheet: ExcelJS.Worksheet, address: string, seen: Set<string>): FormulaValue | undefined {
  const { row, col } = parseAddress(address);
  const cell = sheet.findCell(row, col);
  if (cell === undefined) return null;
  const value = cellValue(cell, seen);
  if (value instanceof Date) return (value.getTime() - excelEpoch) / 86_400_000;
  return value;
}

/** What a formula written into `sheet` would compute, as `formulaResult` reads the cells. */
export function sheetFormulaResult(sheet: ExcelJS.Worksheet, formula: string): FormulaValue | undefined {
  return formulaResult(formula, (address) => lookupValue(sheet, address, new Set()));
}

/**
 * A formula saved without its result (a program that does not calculate wrote it) is worked
 * out, not read as blank; undefined when Soát cannot tell what Excel would compute.
 */
function uncachedResult(cell: ExcelJS.Cell, seen: Set<string>): CellValue {
  const key = `${cell.worksheet.name}!${cell.address}`;
  if (seen.has(key)) return null; // a circular reference: Excel has no value for it either
  seen.add(key);
  const result = formulaResult(cell.formula, (address) => lookupValue(cell.worksheet, address, seen));
  seen.delete(key);
  return result === undefined ? null : result;
}

function cellValue(cell: ExcelJS.Cell, seen = new Set<string>()): CellValue {
  switch (cell.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return null;
    case ValueType.Number:
    case ValueType.String:
    case ValueType.Boolean:
    case ValueType.Date:
      return cell.value as CellValue;
    case ValueType.Formula:
      return cell.result === undefined ? uncachedResult(cell, seen) : plainValue(cell.result);
    default:
      return plainValue(cell.value);
  }
}

interface Merges {
  _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined>;
}

function mergedAreas(sheet: ExcelJS.Worksheet): MergedArea[] {
  // ExcelJS keeps merges by master cell; the public `model.merges` would serialise the whole sheet.
  const index = (sheet as unknown as Merges)._merges;
  if (index !== undefined) {
    return Object.values(index)
      .filter((m) => m !== undefined)
      .map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
  }
  return sheet.model.merges.map((range) => {
    const [from, to = from] = range.split(':') as [string, string?];
    const a = parseAddress(from);
    const b = parseAddress(to);
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
}

export interface SheetReadOptions {
  /** Only notes and fills (what applying a plan needs); values, formats, formulas are skipped. */
  readonly marksOnly?: boolean;
  /** Fills as `encodeFill` writes them (exact), instead of the ARGB of solid fills only. */
  readonly exactFills?: boolean;
  /** Cells per sheet and characters per cell; over them the workbook is refused. */
  readonly limits?: ReadLimits;
  /** Names the file in a refusal. */
  readonly fileName?: string;
}

/** Puts `item` at `index` of a row array, filling any gap before it with `gap`. */
function place<T>(row: T[], index: number, item: T, gap: T): void {
  while (row.length < index) row.push(gap);
  row[index] = item;
}

export function readSheet(sheet: ExcelJS.Worksheet, options: SheetReadOptions = {}): SheetSnapshot {
  const full = options.marksOnly !== true;
  const values: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  const formulas: (string | undefined)[][] = [];
  let hasFormats = false;
  let hasFormulas = false;
  let lastValueRow = 0;
  const notes: Record<string, string> = {};
  const fills: Record<string, string> = {};
  const limits = options.limits ?? defaultLimits;
  let cells = 0;

  const rows = sheet.findRows(1, sheet.rowCount) ?? [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const rowValues: CellValue[] = [];
    const rowFormats: (string | undefined)[] = [];
    const rowFormulas: (string | undefined)[] = [];
    if (full) {
      values.push(rowValues);
      numberFormats.push(rowFormats);
      formulas.push(rowFormulas);
    }
    if (row === undefined) continue;
    for (let c = 1, n = row.cellCount; c <= n; c++) {
      const cell = row.findCell(c);
      if (cell === undefined) continue;
      const style = cell.style;

      const note = noteText(cell.note);
      if (note !== undefined) notes[cell.address] = note;
      if (style.fill !== undefined) {
        const fill = options.exactFills === true ? encodeFill(style.fill) : solidArgb(style.fill);
        if (fill !== undefined) fills[cell.address] = fill;
      }
      if (!full) continue;

      const value = cellValue(cell);
      if (value !== null) {
        if (++cells > limits.cellsPerSheet) {
          throw tooLarge(
            `trang "${sheet.name}" có hơn ${limits.cellsPerSheet} ô có dữ liệu`,
            `sheet "${sheet.name}" has more than ${limits.cellsPerSheet} cells with data`,
            options.fileName,
          );
        }
        if (typeof value === 'string' && value.length > limits.charactersPerCell) {
          throw tooLarge(
            `ô ${sheet.name}!${cell.address} dài ${value.length} ký tự, vượt giới hạn ${limits.charactersPerCell}`,
            `cell ${sheet.name}!${cell.address} holds ${value.length} characters, over the limit of ${limits.charactersPerCell}`,
            options.fileName,
          );
        }
        place(rowValues, c - 1, value, null);
        lastValueRow = r + 1;
      }
      const format = style.numFmt;
      if (format !== undefined && format !== 'General') {
        place(rowFormats, c - 1, format, undefined);
        hasFormats = true;
      }
      if (cell.type === ValueType.Formula) {
        place(rowFormulas, c - 1, cell.formula, undefined);
        hasFormulas = true;
      }
    }
  }

  const merges = mergedAreas(sheet);
  if (!full) return { name: sheet.name, values: [], merges, notes, fills };
  values.length = lastValueRow;
  return {
    name: sheet.name,
    values,
    ...(hasFormats ? { numberFormats } : {}),
    ...(hasFormulas ? { formulas } : {}),
    merges,
    notes,
    fills,
  };
}

/** Every sheet but Soát's own record sheet. */
export function readWorkbookSnapshot(
  workbook: ExcelJS.Workbook,
  file?: string,
  options: SheetReadOptions = {},
): WorkbookSnapshot {
  const sheets = workbook.worksheets
    .filter((s) => s.name !== recordSheetName)
    .map((s) => readSheet(s, { ...options, fileName: file }));
  return file === undefined ? { sheets } : { file, sheets };
}
