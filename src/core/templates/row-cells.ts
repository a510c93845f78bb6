import type { CellValue } from '../snapshot';

/** One cell of a data row, as a rule reads it. */
export interface Cell {
  readonly address: string;
  readonly row: number;
  readonly column: string;
  readonly value: CellValue;
  readonly numberFormat: string | undefined;
  readonly formula: string | undefined;
}

/** A table's cell: its address is spelled only when asked for, mostly by a finding. */
export class TableCell implements Cell {
  constructor(
    readonly row: number,
    readonly column: string,
    readonly value: CellValue,
    readonly numberFormat: string | undefined,
    readonly formula: string | undefined,
  ) {}

  get address(): string {
    return `${this.column}${this.row}`;
  }
}

/** Where a table's columns sit in its sheet: worked out once per table, shared by all its rows. */
export interface RowLayout {
  /** Template column key → slot, in the table's column order. */
  readonly index: ReadonlyMap<string, number>;
  /** Slot → the sheet column (1-based) and its letters. */
  readonly columns: readonly number[];
  readonly letters: readonly string[];
}

/**
 * A data row's cells by template column key, read from the sheet's own row when asked. A table of
 * 100,000 rows would otherwise keep a cell object for each of its 1.7 million cells; a finding,
 * a number or a merge asks for the few it needs, and those are made then.
 */
export class RowCells implements ReadonlyMap<string, Cell> {
  constructor(
    readonly layout: RowLayout,
    readonly row: number,
    private readonly rowValues: readonly CellValue[],
    private readonly formats: readonly (string | undefined)[] | undefined,
    private readonly formulas: readonly (string | undefined)[] | undefined,
  ) {}

  get index(): ReadonlyMap<string, number> {
    return this.layout.index;
  }

  /** Every column of the table is a cell of every row, blank or not. */
  get size(): number {
    return this.layout.columns.length;
  }

  /** The cell in one of the table's slots. */
  at(slot: number): Cell {
    const col = this.layout.columns[slot]! - 1;
    return new TableCell(
      this.row,
      this.layout.letters[slot]!,
      this.rowValues[col] ?? null,
      this.formats?.[col],
      this.formulas?.[col],
    );
  }

  get(key: string): Cell | undefined {
    const slot = this.layout.index.get(key);
    return slot === undefined ? undefined : this.at(slot);
  }

  /** The value under `key` without making its cell; undefined when the table has no such column. */
  valueAt(key: string): CellValue | undefined {
    const slot = this.layout.index.get(key);
    return slot === undefined ? undefined : (this.rowValues[this.layout.columns[slot]! - 1] ?? null);
  }

  /** The number format under `key` without making its cell. */
  formatAt(key: string): string | undefined {
    const slot = this.layout.index.get(key);
    return slot === undefined ? undefined : this.formats?.[this.layout.columns[slot]! - 1];
  }

  has(key: string): boolean {
    return this.layout.index.has(key);
  }

  *entries(): MapIterator<[string, Cell]> {
    for (const [key, slot] of this.layout.index) yield [key, this.at(slot)];
  }

  *keys(): MapIterator<string> {
    yield* this.layout.index.keys();
  }

  *values(): MapIterator<Cell> {
    for (const slot of this.layout.index.values()) yield this.at(slot);
  }

  [Symbol.iterator](): MapIterator<[string, Cell]> {
    return this.entries();
  }

  forEach(visit: (value: Cell, key: string, map: ReadonlyMap<string, Cell>) => void, thisArg?: unknown): void {
    for (const [key, slot] of this.layout.index) visit.call(thisArg, this.at(slot), key, this);
  }
}

/** A row's value under `key`, read without making its cell where the row allows it. */
export function valueIn(cells: ReadonlyMap<string, Cell>, key: string): CellValue | undefined {
  return cells instanceof RowCells ? cells.valueAt(key) : cells.get(key)?.value;
}

/** A row's number format under `key`, read without making its cell where the row allows it. */
export function formatIn(cells: ReadonlyMap<string, Cell>, key: string): string | undefined {
  return cells instanceof RowCells ? cells.formatAt(key) : cells.get(key)?.numberFormat;
}

/**
 * A data row's values by template column key: its cells, its numbers. Every row of a table has
 * the same keys: they are indexed once per table and a row keeps only an array of its values,
 * where a Map of its own costs ~1 KB a row. An undefined slot is a key the row does not have.
 */
export class KeyedValues<V> implements ReadonlyMap<string, V> {
  constructor(
    /** Key → slot, in the table's column order; shared by all its rows. */
    readonly index: ReadonlyMap<string, number>,
    private readonly slots: (V | undefined)[] = new Array<V | undefined>(index.size),
  ) {}

  get size(): number {
    let size = 0;
    for (let at = 0; at < this.index.size; at++) if (this.slots[at] !== undefined) size++;
    return size;
  }

  get(key: string): V | undefined {
    const at = this.index.get(key);
    return at === undefined ? undefined : this.slots[at];
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Only the table's keys have a slot; a value is never undefined. */
  set(key: string, value: V): this {
    const at = this.index.get(key);
    if (at === undefined) throw new RangeError(`no column ${key} in this table`);
    this.slots[at] = value;
    return this;
  }

  *entries(): MapIterator<[string, V]> {
    for (const [key, at] of this.index) {
      const value = this.slots[at];
      if (value !== undefined) yield [key, value];
    }
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(visit: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    // A plain loop: checking a row visits every cell, and a generator's steps cost more.
    for (const [key, at] of this.index) {
      const value = this.slots[at];
      if (value !== undefined) visit.call(thisArg, value, key, this);
    }
  }
}
