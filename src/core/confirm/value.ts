import type { Lang } from '../report/finding';
import type { CellValue } from '../snapshot';
import { isCellError } from '../snapshot';
import { readNumber } from '../values/number';
import { cleanSpaces, foldText } from '../values/text';

/**
 * The `= VALUE` of a confirmation against what the cell holds, read as the value conventions
 * read cells: "39,32" and "39.32" are the number 39.32, text compares folded (NFC, case, spaces).
 */
export function valueMatches(written: string, value: CellValue, numberFormat?: string): boolean {
  const text = cleanSpaces(written);
  if (value === null || (typeof value === 'string' && cleanSpaces(value) === '')) return text === '';
  if (value instanceof Date) return dateTexts(value).includes(text);
  if (isCellError(value)) return foldText(value.error) === foldText(text);
  const typed = readNumber(text, 'decimal');
  const held = readNumber(value, 'decimal');
  if (typed.kind === 'number' && held.kind === 'number') {
    // A cell formatted "0.0%" holds 0.56 and shows 56%: a reviewer may write either.
    const shown = numberFormat?.includes('%') === true && text.endsWith('%') ? held.value * 100 : held.value;
    return sameNumber(typed.value, shown);
  }
  return foldText(String(value)) === foldText(text);
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function dateTexts(date: Date): string[] {
  const d = date.getUTCDate();
  const m = date.getUTCMonth() + 1;
  const y = date.getUTCFullYear();
  const two = (n: number) => String(n).padStart(2, '0');
  return [`${two(d)}/${two(m)}/${y}`, `${d}/${m}/${y}`, `${y}-${two(m)}-${two(d)}`];
}

/**
 * The value the pane writes after "=": what the cell holds, on one line, a number with the
 * reader's decimal mark and never grouped; undefined for a blank cell (nothing to hold on to).
 */
export function confirmationValue(value: CellValue, lang: Lang): string | undefined {
  if (value === null) return undefined;
  if (value instanceof Date) return dateTexts(value)[0];
  if (isCellError(value)) return value.error;
  if (typeof value === 'number') return lang === 'vi' ? String(value).replace('.', ',') : String(value);
  const text = cleanSpaces(String(value));
  return text === '' ? undefined : text;
}
