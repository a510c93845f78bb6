import { roundTo } from '../rules/ratio';
import { foldText } from '../values/text';
import type { DraftCell } from './output';

/**
 * The values of the few spreadsheet formulas the merge writes, computed over the cells it wrote.
 * They are stored as the formulas' cached results (what a file viewer shows before any
 * recalculation, and what the chart caches) and they are what the tests hold against hand
 * computations; computing them from the written cells keeps cache and formula in agreement.
 * `undefined` stands for an error value (#VALUE!), which has no cache.
 */
export type FormulaResult = number | string | undefined;

type Cells = readonly (DraftCell | null | undefined)[];

/** What a cell holds to a formula: a number, text, or blank (""). */
function valueOf(cell: DraftCell | null | undefined): FormulaResult {
  if (!cell) return '';
  if (cell.number !== undefined) return cell.number;
  if (cell.formula !== undefined) return cell.result;
  return cell.text ?? '';
}

function numbers(cells: Cells): number[] {
  return cells.flatMap((c) => {
    const v = valueOf(c);
    return typeof v === 'number' ? [v] : [];
  });
}

/** SUM: text and blanks are skipped. */
export function sumOf(cells: Cells): number {
  return roundTo(
    numbers(cells).reduce((a, b) => a + b, 0),
    10,
  );
}

/** COUNT: how many cells hold a number. */
export function countNumbers(cells: Cells): number {
  return numbers(cells).length;
}

/** COUNTA: how many cells are not blank. */
export function countFilled(cells: Cells): number {
  return cells.filter((c) => valueOf(c) !== '').length;
}

/** COUNTIF(range, "x"): Excel compares text without case. */
export function countYes(cells: Cells): number {
  return cells.filter((c) => {
    const v = valueOf(c);
    return typeof v === 'string' && foldText(v) === 'x';
  }).length;
}

/** IF(COUNT(r)>0, ROUND(AVERAGE(r),2), "") */
export function averageOf(cells: Cells): FormulaResult {
  const list = numbers(cells);
  return list.length === 0 ? '' : roundTo(list.reduce((a, b) => a + b, 0) / list.length, 2);
}

/** IF(COUNT(r)>0, ROUND(MEDIAN(r),2), "") */
export function medianOf(cells: Cells): FormulaResult {
  const list = numbers(cells).sort((a, b) => a - b);
  if (list.length === 0) return '';
  const mid = Math.floor(list.length / 2);
  const median = list.length % 2 === 1 ? list[mid]! : (list[mid - 1]! + list[mid]!) / 2;
  return roundTo(median, 2);
}

/** percentFormula: IF(total>0, ROUND(part/total*100, 2), ""); a blank part counts as 0. */
export function percentOf(part: DraftCell | null | undefined, total: DraftCell | null | undefined): FormulaResult {
  const t = valueOf(total);
  if (t === undefined || (typeof t === 'string' && t !== '')) return undefined; // text > 0 is true, then #VALUE!
  if (typeof t !== 'number' || t <= 0) return '';
  const p = valueOf(part);
  if (p === '') return 0;
  return typeof p === 'number' ? roundTo((p / t) * 100, 2) : undefined;
}

/** A formula's reference to a range of another sheet: 'Phụ lục 2'!E6:E40. */
export function sheetRange(sheet: string, range: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}
