import type { CellWrite, EditPlan, FillKind, SheetEdits } from './plan';
import { emptyPlan } from './plan';
import { hasSoatBlock, mergeNote } from './report/annotation';
import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';

/**
 * The host-agnostic half of applying a plan: given what the workbook holds now and what Soát
 * painted last time, decide the few cell changes a host must make. Hosts only do the I/O.
 */

/**
 * Original fill of every cell Soát painted (null = the cell had no fill), per sheet.
 * Stored by hosts in a very hidden sheet "_soat" as rows [sheet, cell, originalFill].
 */
export interface SoatRecord {
  readonly fills: Readonly<Record<string, Readonly<Record<string, string | null>>>>;
}

export const emptyRecord: SoatRecord = { fills: {} };

/** The name of the sheet in which hosts keep the record. */
export const recordSheetName = '_soat';

export interface ResolvedFill {
  /** ARGB hex (or a host's own encoding of an original fill); null removes the fill. */
  readonly color: string | null;
  readonly cells: readonly string[];
}

export interface ResolvedNote {
  readonly cell: string;
  /** The whole note the cell should carry; null deletes the note. */
  readonly text: string | null;
}

export interface ResolvedSheetEdits {
  readonly sheet: string;
  /** One group per colour, so that a host paints each group in one call. */
  readonly fills: readonly ResolvedFill[];
  readonly notes: readonly ResolvedNote[];
  readonly writes: readonly CellWrite[];
}

export interface Resolution {
  readonly edits: readonly ResolvedSheetEdits[];
  readonly record: SoatRecord;
}

/** When a cell is in several groups the strongest colour wins. */
const kindStrength: Record<FillKind, number> = { error: 3, warning: 2, info: 1, row: 0 };

const hexColor = /^(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$/;

/** ARGB hex in upper case ("ffc7ce" → "FFFFC7CE"); a host's opaque encoding is kept as it is. */
function normalizeFill(fill: string | null | undefined): string | null {
  if (fill === null || fill === undefined || fill === '') return null;
  if (!hexColor.test(fill)) return fill;
  const upper = fill.toUpperCase();
  return upper.length === 6 ? `FF${upper}` : upper;
}

/** Planned colour per cell, in plan order. */
function plannedFills(edits: SheetEdits | undefined): Map<string, { color: string; strength: number }> {
  const cells = new Map<string, { color: string; strength: number }>();
  for (const group of edits?.fills ?? []) {
    const color = normalizeFill(group.color);
    if (color === null) continue; // info findings are not coloured
    const strength = kindStrength[group.kind];
    for (const cell of group.cells) {
      const previous = cells.get(cell);
      if (previous === undefined || previous.strength < strength) cells.set(cell, { color, strength });
    }
  }
  return cells;
}

/** Soát's note text per cell; several notes for one cell are kept as separate lines. */
function plannedNotes(edits: SheetEdits | undefined): Map<string, string> {
  const notes = new Map<string, string>();
  for (const note of edits?.notes ?? []) {
    const previous = notes.get(note.cell);
    notes.set(note.cell, previous === undefined ? note.text : `${previous}\n${note.text}`);
  }
  return notes;
}

class FillGroups {
  private readonly groups = new Map<string | null, string[]>();

  add(color: string | null, cell: string): void {
    const cells = this.groups.get(color);
    if (cells) cells.push(cell);
    else this.groups.set(color, [cell]);
  }

  toArray(): ResolvedFill[] {
    return [...this.groups].map(([color, cells]) => ({ color, cells }));
  }
}

function resolveSheet(
  sheet: SheetSnapshot,
  previous: Readonly<Record<string, string | null>>,
  edits: SheetEdits | undefined,
): { edits: ResolvedSheetEdits; record: Record<string, string | null> } {
  const currentFills = sheet.fills ?? {};
  const currentNotes = sheet.notes ?? {};
  const current = (cell: string): string | null => normalizeFill(currentFills[cell]);

  const fills = new FillGroups();
  const record: Record<string, string | null> = {};
  const painted = plannedFills(edits);
  for (const [cell, { color }] of painted) {
    // A cell painted by an earlier run keeps the original recorded then, not Soát's own colour.
    record[cell] = cell in previous ? normalizeFill(previous[cell]) : current(cell);
    if (current(cell) !== color) fills.add(color, cell);
  }
  for (const [cell, original] of Object.entries(previous)) {
    if (painted.has(cell)) continue;
    const restored = normalizeFill(original);
    if (current(cell) !== restored) fills.add(restored, cell);
  }

  const notes: ResolvedNote[] = [];
  const noted = plannedNotes(edits);
  const rewrite = (cell: string, soatText: string | undefined): void => {
    const existing = currentNotes[cell];
    const next = mergeNote(existing, soatText);
    if (next !== (existing === '' ? undefined : existing)) notes.push({ cell, text: next ?? null });
  };
  for (const [cell, text] of noted) rewrite(cell, text);
  for (const [cell, note] of Object.entries(currentNotes)) {
    if (!noted.has(cell) && hasSoatBlock(note)) rewrite(cell, undefined);
  }

  return {
    edits: { sheet: sheet.name, fills: fills.toArray(), notes, writes: [...(edits?.writes ?? [])] },
    record,
  };
}

/**
 * Which fills to set (previous Soát fills restored to their originals unless repainted; newly
 * painted cells record their current fill as original), which notes to rewrite (Soát's block
 * replaced or removed, human text kept, a note left empty is null = delete), and the new record.
 * Only cells that change appear; sheets are in workbook order.
 */
export function resolvePlan(snapshot: WorkbookSnapshot, record: SoatRecord, plan: EditPlan): Resolution {
  const bySheet = new Map<string, SheetEdits>();
  for (const edits of plan.sheets) {
    if (!snapshot.sheets.some((s) => s.name === edits.sheet)) {
      throw new RangeError(`The plan names a sheet the workbook does not have: "${edits.sheet}"`);
    }
    const merged = bySheet.get(edits.sheet);
    bySheet.set(
      edits.sheet,
      merged === undefined
        ? edits
        : {
            sheet: edits.sheet,
            fills: [...merged.fills, ...edits.fills],
            notes: [...merged.notes, ...edits.notes],
            writes: [...merged.writes, ...edits.writes],
          },
    );
  }

  const edits: ResolvedSheetEdits[] = [];
  const fills: Record<string, Record<string, string | null>> = {};
  // Sheets recorded but gone from the workbook have nothing left to restore: they drop out.
  for (const sheet of snapshot.sheets) {
    const resolved = resolveSheet(sheet, record.fills[sheet.name] ?? {}, bySheet.get(sheet.name));
    const { fills: f, notes, writes } = resolved.edits;
    if (f.length > 0 || notes.length > 0 || writes.length > 0) edits.push(resolved.edits);
    if (Object.keys(resolved.record).length > 0) fills[sheet.name] = resolved.record;
  }
  return { edits, record: { fills } };
}

/** Every Soát mark removed: original fills restored exactly, Soát's note blocks removed. */
export function resolveClear(snapshot: WorkbookSnapshot, record: SoatRecord): Resolution {
  return resolvePlan(snapshot, record, emptyPlan);
}

/** Rows [sheet, cell, originalFill] ("" for no fill), as hosts store them in "_soat". */
export function recordToRows(record: SoatRecord): string[][] {
  const rows: string[][] = [];
  for (const [sheet, cells] of Object.entries(record.fills)) {
    for (const [cell, original] of Object.entries(cells)) rows.push([sheet, cell, original ?? '']);
  }
  return rows;
}

const a1 = /^[A-Za-z]{1,3}[1-9]\d*$/;

/** The record back from stored rows; rows that are not [sheet, A1 cell, fill] are ignored. */
export function recordFromRows(rows: readonly (readonly unknown[])[]): SoatRecord {
  const fills: Record<string, Record<string, string | null>> = {};
  for (const row of rows) {
    const [sheet, cell, original] = row;
    if (sheet === null || sheet === undefined || sheet === '') continue;
    if (typeof cell !== 'string' || !a1.test(cell)) continue;
    const name = String(sheet);
    const fill = original === null || original === undefined || original === '' ? null : String(original);
    (fills[name] ??= {})[cell.toUpperCase()] = fill;
  }
  return { fills };
}
