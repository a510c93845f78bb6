import { address } from '../../core/address';
import type { CellValue, SheetSnapshot } from '../../core/snapshot';
import type { GsSheet, GsValue } from './apps-script';

/**
 * One sheet as one read batch gave it: the rectangle from A1 and the five grids Apps Script
 * returns for it. Writes take formats and previous contents from it, and a column of notes
 * written in one call takes the notes Soát does not change from it.
 */
export interface SheetGrid {
  readonly sheet: GsSheet;
  readonly name: string;
  readonly rows: number;
  readonly columns: number;
  readonly values: GsValue[][];
  readonly formulas: string[][];
  readonly formats: string[][];
  readonly notes: string[][];
  readonly backgrounds: string[][];
}

/** Sheets' "no fill": getBackgrounds reports white for a cell that never had a colour. */
export const noFill = '#ffffff';

/** "#rrggbb" → "FFRRGGBB"; white (Sheets' default) is no fill. */
export function argbOf(background: string): string | undefined {
  const match = /^#([0-9a-f]{6})$/i.exec(background);
  if (match === null || background.toLowerCase() === noFill) return undefined;
  return `FF${match[1]!.toUpperCase()}`;
}

/** "FFRRGGBB" or "RRGGBB" → "#rrggbb"; null resets the cell to no fill. */
export function backgroundOf(argb: string | null): string | null {
  if (argb === null || argb === '') return null;
  const hex = /^(?:[0-9a-f]{2})?([0-9a-f]{6})$/i.exec(argb);
  return hex === null ? null : `#${hex[1]!.toLowerCase()}`;
}

/** What Sheets reports for a cell nobody formatted: the core's "General". */
const automaticFormats = new Set(['', 'General', '0.###############']);

const errorLiteral = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!|SPILL!|CALC!)$/;

export function cellValue(value: GsValue, formula: string): CellValue {
  if (value === '') return null;
  // Apps Script gives an error value as its text; only a formula can produce one.
  if (typeof value === 'string' && formula !== '' && errorLiteral.test(value)) return { error: value };
  return value;
}

/**
 * Reads a sheet in one batch: the data range, grown to `atLeast` when Soát recorded cells
 * beyond it, then values, formulas, formats, notes and backgrounds of that one range.
 */
export function readGrid(
  sheet: GsSheet,
  name: string,
  atLeast: { rows: number; columns: number } = { rows: 0, columns: 0 },
): SheetGrid {
  let range = sheet.getDataRange();
  const used = { rows: range.getNumRows(), columns: range.getNumColumns() };
  const rows = Math.max(used.rows, atLeast.rows);
  const columns = Math.max(used.columns, atLeast.columns);
  if (rows !== used.rows || columns !== used.columns) range = sheet.getRange(1, 1, rows, columns);
  return {
    sheet,
    name,
    rows,
    columns,
    values: range.getValues(),
    formulas: range.getFormulas(),
    formats: range.getNumberFormats(),
    notes: range.getNotes(),
    backgrounds: range.getBackgrounds(),
  };
}

/** The core's snapshot of a grid: empty cells null, trailing empty rows dropped, fills as ARGB. */
export function gridSnapshot(grid: SheetGrid): SheetSnapshot {
  const values: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  const formulas: (string | undefined)[][] = [];
  const notes: Record<string, string> = {};
  const fills: Record<string, string> = {};
  let lastRow = 0;
  let hasFormats = false;
  let hasFormulas = false;
  for (let r = 0; r < grid.rows; r++) {
    const rowValues: CellValue[] = [];
    const rowFormats: (string | undefined)[] = [];
    const rowFormulas: (string | undefined)[] = [];
    for (let c = 0; c < grid.columns; c++) {
      const formula = grid.formulas[r]?.[c] ?? '';
      const value = cellValue(grid.values[r]?.[c] ?? '', formula);
      rowValues.push(value);
      if (value !== null) lastRow = r + 1;
      const format = grid.formats[r]?.[c] ?? '';
      rowFormats.push(automaticFormats.has(format) ? undefined : format);
      hasFormats ||= !automaticFormats.has(format);
      rowFormulas.push(formula === '' ? undefined : formula.replace(/^=/, ''));
      hasFormulas ||= formula !== '';
      const note = grid.notes[r]?.[c] ?? '';
      if (note !== '') notes[address(r + 1, c + 1)] = note;
      const fill = argbOf(grid.backgrounds[r]?.[c] ?? noFill);
      if (fill !== undefined) fills[address(r + 1, c + 1)] = fill;
    }
    values.push(rowValues);
    numberFormats.push(rowFormats);
    formulas.push(rowFormulas);
  }
  values.length = lastRow;
  return {
    name: grid.name,
    values,
    ...(hasFormats ? { numberFormats } : {}),
    ...(hasFormulas ? { formulas } : {}),
    notes,
    fills,
  };
}
