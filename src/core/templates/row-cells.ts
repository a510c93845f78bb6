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
