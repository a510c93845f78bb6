import { parseAddress } from '../../core/address';
import type { ResolvedSheetEdits } from '../../core/annotate';
import type { CellWrite } from '../../core/plan';
import type { GsValue } from './apps-script';
import type { SheetGrid } from './grid';
import { backgroundOf, noFill } from './grid';
import type { PreviousContent } from './record';
import { previousContent } from './record';

/**
 * Applies one sheet's resolved edits in at most three batched calls (setBackgrounds, setNotes,
 * setValues), each on the bounding rectangle of its changes. Cells inside a rectangle that Soát
 * does not change are written back as the read found them, so nothing else moves.
 */

interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function boxOf(cells: Iterable<string>): Box | undefined {
  let box: Box | undefined;
  for (const cell of cells) {
    const { row, col } = parseAddress(cell);
    box = box
      ? {
          top: Math.min(box.top, row),
          left: Math.min(box.left, col),
          bottom: Math.max(box.bottom, row),
          right: Math.max(box.right, col),
        }
      : { top: row, left: col, bottom: row, right: col };
  }
  return box;
}

/** A 2D array for `box`, each cell from `changes` (by "row:col") or else from `current`. */
function rectangle<T>(box: Box, changes: ReadonlyMap<string, T>, current: (r: number, c: number) => T): T[][] {
  const rows: T[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: T[] = [];
    for (let c = box.left; c <= box.right; c++) {
      const key = `${r}:${c}`;
      row.push(changes.has(key) ? (changes.get(key) as T) : current(r, c));
    }
    rows.push(row);
  }
  return rows;
}

function keyed<T>(entries: Iterable<[string, T]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [cell, item] of entries) {
    const { row, col } = parseAddress(cell);
    map.set(`${row}:${col}`, item);
  }
  return map;
}

/**
 * Text that Sheets must not parse: a leading apostrophe keeps "=…", "+84…", "1,5" as typed.
 * Sheets consumes that apostrophe in any format, so text that starts with one needs its own.
 */
export function asText(text: string, format: string | undefined): string {
  return text === '' || (format === '@' && !text.startsWith("'")) ? text : `'${text}`;
}

/** A cell's current content as setValues must be given it to leave the cell unchanged. */
function unchanged(grid: SheetGrid, r: number, c: number): GsValue {
  const formula = grid.formulas[r - 1]?.[c - 1] ?? '';
  if (formula !== '') return formula;
  const value = grid.values[r - 1]?.[c - 1] ?? '';
  return typeof value === 'string' ? asText(value, grid.formats[r - 1]?.[c - 1]) : value;
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
  const fills = keyed(
    edits.fills.flatMap((group) =>
      group.cells.map((cell): [string, string | null] => [cell, backgroundOf(group.color)]),
    ),
  );
  const fillBox = boxOf(edits.fills.flatMap((group) => group.cells));
  if (fillBox) {
    const current = (r: number, c: number): string | null => {
      const background = grid.backgrounds[r - 1]?.[c - 1] ?? noFill;
      return background.toLowerCase() === noFill ? null : background;
    };
    const box = grid.sheet.getRange(
      fillBox.top,
      fillBox.left,
      fillBox.bottom - fillBox.top + 1,
      fillBox.right - fillBox.left + 1,
    );
    box.setBackgrounds(rectangle(fillBox, fills, current));
  }

  const noteBox = boxOf(edits.notes.map((note) => note.cell));
  if (noteBox) {
    const notes = keyed(edits.notes.map((note): [string, string] => [note.cell, note.text ?? '']));
    const box = grid.sheet.getRange(
      noteBox.top,
      noteBox.left,
      noteBox.bottom - noteBox.top + 1,
      noteBox.right - noteBox.left + 1,
    );
    box.setNotes(rectangle(noteBox, notes, (r, c) => grid.notes[r - 1]?.[c - 1] ?? ''));
  }

  const writeBox = boxOf(writes.map((write) => write.cell));
  if (writeBox) {
    const values = keyed(writes.map((write): [string, GsValue] => [write.cell, write.content]));
    const box = grid.sheet.getRange(
      writeBox.top,
      writeBox.left,
      writeBox.bottom - writeBox.top + 1,
      writeBox.right - writeBox.left + 1,
    );
    const formats = writes.filter((write) => write.numberFormat !== undefined);
    if (formats.length > 0) {
      const changes = keyed(formats.map((write): [string, string] => [write.cell, write.numberFormat!]));
      box.setNumberFormats(rectangle(writeBox, changes, (r, c) => grid.formats[r - 1]?.[c - 1] ?? 'General'));
    }
    box.setValues(rectangle(writeBox, values, (r, c) => unchanged(grid, r, c)));
  }
}
