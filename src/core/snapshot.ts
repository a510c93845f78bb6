/**
 * What a host reads from a workbook, once, before any check runs.
 * Rows and columns in addresses are as the spreadsheet shows them (1-based row, letters);
 * the `values` grid is 0-based: values[0][0] is A1.
 */

/** An Excel error value such as `#DIV/0!` or `#REF!`. */
export interface CellError {
  readonly error: string;
}

export type CellValue = string | number | boolean | Date | CellError | null;

export interface MergedArea {
  /** 1-based, inclusive. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetSnapshot {
  readonly name: string;
  /** Values as computed (a formula cell holds its result). Ragged rows are allowed. */
  readonly values: readonly (readonly CellValue[])[];
  /** Number formats, same shape as values; missing means "General". */
  readonly numberFormats?: readonly (readonly (string | undefined)[])[];
  /** Formulas without the leading `=`, same shape as values; missing means a constant. */
  readonly formulas?: readonly (readonly (string | undefined)[])[];
  readonly merges?: readonly MergedArea[];
  /** Existing note or comment text by address ("G12"), Soát's own blocks included. */
  readonly notes?: Readonly<Record<string, string>>;
  /** Existing fill colour (ARGB hex, e.g. "FFFFFF00") by address, for cells that have one. */
  readonly fills?: Readonly<Record<string, string>>;
}

export interface WorkbookSnapshot {
  /** File name or path as the user gave it; absent for the open workbook of a host. */
  readonly file?: string;
  readonly sheets: readonly SheetSnapshot[];
}

export function isCellError(value: CellValue | undefined): value is CellError {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'error' in value;
}

export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.values[row - 1]?.[col - 1] ?? null;
}

export function numberFormatAt(sheet: SheetSnapshot, row: number, col: number): string | undefined {
  return sheet.numberFormats?.[row - 1]?.[col - 1];
}

export function rowCount(sheet: SheetSnapshot): number {
  return sheet.values.length;
}
