import type { ColumnDef, ColumnType } from '../templates/appendix';
import type { Cell } from '../templates/table';
import type { NumberKind } from '../values/number';
import { readNumber } from '../values/number';
import type { FindingSink } from './sink';

/** A numeric cell after reading: a usable number, blank, or unusable (already reported). */
export type NumberCell =
  | { readonly state: 'number'; readonly value: number; readonly decimals: number; readonly cell: Cell }
  | { readonly state: 'blank'; readonly cell: Cell }
  | { readonly state: 'invalid'; readonly cell: Cell };

const kindOf: Partial<Record<ColumnType, NumberKind>> = {
  count: 'count',
  decimal: 'decimal',
  percent: 'percent',
};

/**
 * Reads one number cell and reports what is wrong with it on its own: unreadable text, a range,
 * an error value, a sign, a fraction in a count, a percent above 100.
 */
export function checkNumberCell(cell: Cell, column: ColumnDef, sink: FindingSink): NumberCell {
  const kind = kindOf[column.type]!;
  const reading = readNumber(cell.value, kind, cell.numberFormat);
  if (reading.kind === 'blank') return { state: 'blank', cell };
  if (reading.kind === 'invalid') {
    sink.add(cell, reading.rule);
    return { state: 'invalid', cell };
  }
  const { value } = reading;
  if (reading.decimalComma) sink.add(cell, 'decimal-comma', { expected: value });
  if (value < 0) {
    sink.add(cell, 'negative-value', { actual: value });
    return { state: 'invalid', cell };
  }
  if (kind === 'count' && !Number.isInteger(value)) {
    sink.add(cell, 'not-integer', { actual: value });
    return { state: 'invalid', cell };
  }
  if (kind === 'percent' && value > 100) {
    sink.add(cell, 'percent-out-of-range', { actual: value });
    return { state: 'invalid', cell };
  }
  return { state: 'number', value, decimals: reading.decimalsShown, cell };
}
