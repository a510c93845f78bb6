import type { ColumnDef, ColumnType } from '../templates/appendix';
import { formatIn, valueIn } from '../templates/row-cells';
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
 * A reading that finds its cell in the row again when asked: every number of a table is kept for
 * the checks across appendices, Compute and the merge, and a cell object kept beside each would
 * double what a large table holds.
 */
class Reading {
  constructor(
    readonly state: NumberCell['state'],
    readonly value: number,
    readonly decimals: number,
    private readonly cells: ReadonlyMap<string, Cell>,
    private readonly key: string,
  ) {}

  get cell(): Cell {
    return this.cells.get(this.key)!;
  }
}

/**
 * Reads the number cell of a row's column `key` and reports what is wrong with it on its own:
 * unreadable text, a range, an error value, a sign, a fraction in a count, a percent above 100.
 */
export function checkNumberCell(
  cells: ReadonlyMap<string, Cell>,
  key: string,
  column: ColumnDef,
  sink: FindingSink,
): NumberCell {
  const kind = kindOf[column.type]!;
  const reading = readNumber(valueIn(cells, key) ?? null, kind, formatIn(cells, key));
  const unusable = (): NumberCell => new Reading('invalid', NaN, 0, cells, key) as NumberCell;
  if (reading.kind === 'blank') return new Reading('blank', NaN, 0, cells, key) as NumberCell;
  // The cell itself is made only for a finding: most numbers are right.
  if (reading.kind === 'invalid') {
    sink.add(cells.get(key)!, reading.rule);
    return unusable();
  }
  const { value } = reading;
  if (reading.decimalComma) sink.add(cells.get(key)!, 'decimal-comma', { expected: value });
  if (value < 0) {
    sink.add(cells.get(key)!, 'negative-value', { actual: value });
    return unusable();
  }
  if (kind === 'count' && !Number.isInteger(value)) {
    sink.add(cells.get(key)!, 'not-integer', { actual: value });
    return unusable();
  }
  if (kind === 'percent' && value > 100) {
    sink.add(cells.get(key)!, 'percent-out-of-range', { actual: value });
    return unusable();
  }
  return new Reading('number', value, reading.decimalsShown, cells, key) as NumberCell;
}
