import { address, parseAddress } from '../../core/address';
import type { ResolvedSheetEdits } from '../../core/annotate';
import type { CellWrite } from '../../core/plan';
import type { GsValue } from './apps-script';
import type { SheetGrid } from './grid';
import { backgroundOf } from './grid';
import type { PreviousContent } from './record';
import { previousContent } from './record';

/**
 * Applies one sheet's resolved edits to the cells that change and no others, so that a cell Soát
 * leaves alone keeps its rich text and links, a protected range elsewhere is not touched, and a
 * collaborator's edit made since the read stays. One RangeList.setBackground per colour, one
 * RangeList.setNumberFormat per format, one setValues per run of adjacent written cells in a
 * column (Compute's column of percentages is one run), one setNotes per column: Apps Script sets
 * different notes only over a range, so the notes between a column's first and last changed note
 * are written back as read (a note holds no value, style or link).
 */

/** A stretch of adjacent rows in one column, top to bottom. */
interface Run<T> {
  readonly column: number;
  readonly top: number;
  readonly items: T[];
}

/** Cells grouped by column, then into runs of consecutive rows; a cell given twice keeps the last. */
function columnRuns<T>(entries: Iterable<[string, T]>): Run<T>[] {
  const columns = new Map<number, Map<number, T>>();
  for (const [cell, item] of entries) {
    const { row, col } = parseAddress(cell);
    let rows = columns.get(col);
    if (rows === undefined) columns.set(col, (rows = new Map()));
    rows.set(row, item);
  }
  const runs: Run<T>[] = [];
  for (const [column, rows] of [...columns].sort(([a], [b]) => a - b)) {
    let run: Run<T> | undefined;
    for (const [row, item] of [...rows].sort(([a], [b]) => a - b)) {
      if (run === undefined || row !== run.top + run.items.length) runs.push((run = { column, top: row, items: [] }));
      run.items.push(item);
    }
  }
  return runs;
}

/** "E3:E9" (or "E3") for each run, as getRangeList takes them. */
function runAddresses(cells: Iterable<string>): string[] {
  return columnRuns([...cells].map((cell): [string, null] => [cell, null])).map(({ column, top, items }) => {
    const start = address(top, column);
    return items.length === 1 ? start : `${start}:${address(top + items.length - 1, column)}`;
  });
}

/** Items grouped by a key, each group in the order given. */
function groupBy<K, T>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * Text that Sheets must not parse: a leading apostrophe keeps "=…", "+84…", "1,5" as typed.
 * Sheets consumes that apostrophe in any format, so text that starts with one needs its own.
 */
export function asText(text: string, format: string | undefined): string {
  return text === '' || (format === '@' && !text.startsWith("'")) ? text : `'${text}`;
}

/** A write as setValues takes it: the content exactly as it must land in the cell. */
export interface GridWrite {
  readonly cell: string;
  readonly content: GsValue;
  readonly numberFormat?: string;
}

/** A plan's write: formulas get their "=", text is kept as text. */
export function gridWrite(grid: SheetGrid, write: CellWrite): GridWrite {
  const format = write.numberFormat === undefined ? {} : { numberFormat: write.numberFormat };
  if (write.formula !== undefined)
    return { cell: write.cell, content: `=${write.formula.replace(/^=/, '')}`, ...format };
  const value = write.value ?? '';
  if (typeof value !== 'string') return { cell: write.cell, content: value, ...format };
  const { row, col } = parseAddress(write.cell);
  return {
    cell: write.cell,
    content: asText(value, write.numberFormat ?? grid.formats[row - 1]?.[col - 1]),
    ...format,
  };
}

/** What Revert writes to put a recorded cell back. */
export function restoreWrite(grid: SheetGrid, cell: string, previous: PreviousContent): GridWrite {
  if ('formula' in previous) return { cell, content: `=${previous.formula}` };
  if ('date' in previous) return { cell, content: new Date(previous.date) };
  const { row, col } = parseAddress(cell);
  const value = previous.value ?? '';
  return { cell, content: typeof value === 'string' ? asText(value, grid.formats[row - 1]?.[col - 1]) : value };
}

/** What the writes overwrite, to be recorded before they run. */
export function overwritten(
  grid: SheetGrid,
  writes: readonly { readonly cell: string }[],
): [string, PreviousContent][] {
  return writes.map(({ cell }) => {
    const { row, col } = parseAddress(cell);
    return [cell, previousContent(grid.values[row - 1]?.[col - 1] ?? '', grid.formulas[row - 1]?.[col - 1] ?? '')];
  });
}

export function applySheetEdits(
  grid: SheetGrid,
  edits: Pick<ResolvedSheetEdits, 'fills' | 'notes'>,
  writes: readonly GridWrite[],
): void {
  const fills = edits.fills.flatMap((group) => group.cells.map((cell) => ({ cell, color: backgroundOf(group.color) })));
  for (const [color, cells] of groupBy(fills, (fill) => fill.color)) {
    grid.sheet.getRangeList(runAddresses(cells.map((fill) => fill.cell))).setBackground(color);
  }

  const notes = new Map(edits.notes.map((note) => [note.cell, note.text ?? ''] as const));
  for (const strip of noteStrips(grid, notes)) {
    grid.sheet.getRange(strip.top, strip.column, strip.notes.length, 1).setNotes(strip.notes.map((note) => [note]));
  }

  const formatted = writes.filter((write) => write.numberFormat !== undefined);
  for (const [format, group] of groupBy(formatted, (write) => write.numberFormat!)) {
    grid.sheet.getRangeList(runAddresses(group.map((write) => write.cell))).setNumberFormat(format);
  }
  for (const { column, top, items } of columnRuns(
    writes.map((write): [string, GsValue] => [write.cell, write.content]),
  )) {
    grid.sheet.getRange(top, column, items.length, 1).setValues(items.map((content) => [content]));
  }
}

/** Per column, the notes from its first to its last changed note: changes, and between them the notes read. */
function noteStrips(
  grid: SheetGrid,
  notes: ReadonlyMap<string, string>,
): { column: number; top: number; notes: string[] }[] {
  const bounds = new Map<number, { top: number; bottom: number }>();
  const changed = new Map<string, string>();
  for (const [cell, text] of notes) {
    const { row, col } = parseAddress(cell);
    changed.set(`${row}:${col}`, text);
    const b = bounds.get(col);
    bounds.set(
      col,
      b === undefined ? { top: row, bottom: row } : { top: Math.min(b.top, row), bottom: Math.max(b.bottom, row) },
    );
  }
  return [...bounds]
    .sort(([a], [b]) => a - b)
    .map(([column, { top, bottom }]) => ({
      column,
      top,
      notes: Array.from(
        { length: bottom - top + 1 },
        (_, i) => changed.get(`${top + i}:${column}`) ?? grid.notes[top + i - 1]?.[column - 1] ?? '',
      ),
    }));
}
