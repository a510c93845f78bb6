import { parseAddress } from '../address';
import type { HeaderBlock } from './layout';
import type { DraftCell, SheetDraft } from './output';

/**
 * A sheet being laid out row by row. The drafts it builds are plain data; this is only the
 * pencil, so that each sheet's code reads as the rows it writes.
 */
export class SheetBuilder {
  private readonly rows: (DraftCell | null)[][] = [];
  private readonly merges: string[] = [];

  constructor(readonly name: string) {}

  /** The row the next `add` writes, 1-based. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  /** Appends a row; returns its 1-based number. */
  add(cells: readonly (DraftCell | null)[] = []): number {
    this.rows.push([...cells]);
    return this.rows.length;
  }

  /** Appends the rows of a block (titles, a header) with their merges. */
  addBlock(block: HeaderBlock): number {
    const first = this.nextRow;
    for (const row of block.rows) this.add(row);
    this.merges.push(...block.merges);
    return first;
  }

  merge(range: string): void {
    this.merges.push(range);
  }

  cell(address: string): DraftCell | null {
    const { row, col } = parseAddress(address);
    return this.rows[row - 1]?.[col - 1] ?? null;
  }

  /** Changes the cell at `address` (it may be empty) by the given function. */
  update(address: string, change: (cell: DraftCell) => DraftCell): void {
    const { row, col } = parseAddress(address);
    const cells = this.rows[row - 1];
    if (!cells) return;
    while (cells.length < col) cells.push(null);
    cells[col - 1] = change(cells[col - 1] ?? {});
  }

  build(extra: Omit<SheetDraft, 'name' | 'rows' | 'merges'> = {}): SheetDraft {
    return { name: this.name, rows: this.rows, merges: this.merges, ...extra };
  }
}
