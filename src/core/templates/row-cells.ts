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
 * A data row's cells by template column key. Every row of a table has the same keys: they are
 * indexed once per table and a row keeps only its cells, where a Map of its own costs ~1 KB a row.
 */
export class RowCells implements ReadonlyMap<string, Cell> {
  constructor(
    /** Key → position in `cells`, in the table's column order; shared by all its rows. */
    private readonly index: ReadonlyMap<string, number>,
    private readonly cells: readonly Cell[],
  ) {}

  get size(): number {
    return this.cells.length;
  }

  get(key: string): Cell | undefined {
    const at = this.index.get(key);
    return at === undefined ? undefined : this.cells[at];
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  *entries(): MapIterator<[string, Cell]> {
    let at = 0;
    for (const key of this.index.keys()) yield [key, this.cells[at++]!];
  }

  keys(): MapIterator<string> {
    return this.index.keys();
  }

  *values(): MapIterator<Cell> {
    yield* this.cells;
  }

  [Symbol.iterator](): MapIterator<[string, Cell]> {
    return this.entries();
  }

  forEach(visit: (value: Cell, key: string, map: ReadonlyMap<string, Cell>) => void, thisArg?: unknown): void {
    // A plain loop: checking a row visits every cell, and a generator's steps cost more.
    let at = 0;
    for (const key of this.index.keys()) visit.call(thisArg, this.cells[at++]!, key, this);
  }
}
