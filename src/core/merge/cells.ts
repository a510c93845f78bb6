import { isCellError } from '../snapshot';
import type { CellValue } from '../snapshot';
import type { DraftCell } from './output';

/**
 * Draft cells as the consolidated report prints them. Everything a unit typed goes through
 * `textCell` or `sourceCell`: a string is always text, so "=HYPERLINK(…)" or "+84 …" from a
 * unit's file can never become a formula.
 */

type Style = Omit<DraftCell, 'text' | 'number' | 'formula' | 'result'>;

/** Body cells of an appendix table: boxed, top-aligned, like the printed report. */
const body: Style = { border: true, wrap: true };

export function textCell(text: string, style: Style = body): DraftCell {
  return { text, ...style };
}

export function numberCell(number: number, style: Style = { border: true, align: 'center' }): DraftCell {
  return { number, ...style };
}

export function formulaCell(
  formula: string,
  result: number | string | undefined,
  style: Style = { border: true, align: 'center' },
): DraftCell {
  return result === undefined ? { formula, ...style } : { formula, result, ...style };
}

/** An empty cell that still carries the table's box. */
export const boxedBlank: DraftCell = { border: true };

export const headerStyle: Style = { bold: true, wrap: true, align: 'center', border: true };

/** A header cell covered by a merge: no text of its own, the box still drawn. */
export const headerBlank: DraftCell = headerStyle;

export function headerCell(text: string): DraftCell {
  return { text, ...headerStyle };
}

export function titleCell(text: string): DraftCell {
  return { text, bold: true, align: 'center', wrap: true };
}

/** Days from Excel's day zero (30 Dec 1899, which absorbs the 1900 leap-year bug) to `date`. */
export function excelSerial(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * A cell value copied from a unit's file as it was: numbers stay numbers (in their own format,
 * so a 0.56 shown as 56% still reads 56%), dates become date serials, and everything else
 * (text, error values, true/false) becomes text.
 */
export function sourceCell(
  value: CellValue,
  numberFormat: string | undefined,
  style: Style = { border: true, align: 'center' },
): DraftCell {
  if (value === null) return boxedBlank;
  if (typeof value === 'number')
    return numberFormat === undefined ? numberCell(value, style) : { number: value, numberFormat, ...style };
  if (value instanceof Date) return { number: excelSerial(value), numberFormat: 'dd/mm/yyyy', ...style };
  if (isCellError(value)) return textCell(value.error, style);
  return textCell(String(value), style);
}
