import { parseAddress } from '../../core/address';
import type { Resolution } from '../../core/annotate';
import { recordSheetName, resolveClear, resolvePlan } from '../../core/annotate';
import { definitionSheetName } from '../../core/definition';
import type { SpreadsheetHost } from '../../core/host';
import type { EditPlan } from '../../core/plan';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { GsSpreadsheet } from './apps-script';
import type { SheetGrid } from './grid';
import { gridSnapshot, readGrid } from './grid';
import type { PreviousContent, StoredRecord } from './record';
import { readRecord, writeRecord } from './record';
import type { GridWrite } from './write';
import { applySheetEdits, gridWrite, overwritten, restoreWrite } from './write';

/**
 * Sheets Soát keeps for itself ("_soat", "_soat_upload", any "_soat_…"): never read, never painted.
 * The definition a template carries ("_soat_mau") is the report's, and is read like a unit's sheet.
 */
export const uploadSheetName = '_soat_upload';
export function isOwnSheet(name: string): boolean {
  return name === recordSheetName || (name.startsWith(`${recordSheetName}_`) && name !== definitionSheetName);
}

interface Reading {
  readonly record: StoredRecord;
  readonly grids: ReadonlyMap<string, SheetGrid>;
  readonly snapshot: WorkbookSnapshot;
}

/** The furthest row and column the record names on each sheet, so that the read covers them. */
function recordedExtent(record: StoredRecord, sheet: string): { rows: number; columns: number } {
  const cells = [...Object.keys(record.fills.fills[sheet] ?? {}), ...Object.keys(record.values[sheet] ?? {})];
  let rows = 0;
  let columns = 0;
  for (const cell of cells) {
    const { row, col } = parseAddress(cell);
    rows = Math.max(rows, row);
    columns = Math.max(columns, col);
  }
  return { rows, columns };
}

/**
 * The Google Sheets host: the open spreadsheet through SpreadsheetApp. One read batch per sheet
 * (readGrid), writes to the changed cells only, in calls that do not grow with the rows
 * (applySheetEdits), and the record sheet.
 * A snapshot read by readSnapshot is the one the next applyPlan resolves against: Validate reads
 * each sheet once, not twice.
 */
export class GsheetsHost implements SpreadsheetHost {
  private reading: Reading | undefined;

  /** `skip` leaves more sheets out of the reading: Merge skips what an earlier merge wrote. */
  constructor(
    private readonly spreadsheet: GsSpreadsheet,
    private readonly skip: (sheet: string) => boolean = () => false,
  ) {}

  readSnapshot(): Promise<WorkbookSnapshot> {
    return Promise.resolve().then(() => this.snapshot());
  }

  applyPlan(plan: EditPlan): Promise<void> {
    return Promise.resolve().then(() => this.applyNow(plan));
  }

  clear(): Promise<void> {
    return Promise.resolve().then(() => this.clearNow());
  }

  // Apps Script server functions answer google.script.run synchronously: the work is done here.

  snapshot(): WorkbookSnapshot {
    return this.read().snapshot;
  }

  applyNow(plan: EditPlan): void {
    const reading = this.take();
    this.apply(reading, resolvePlan(reading.snapshot, reading.record.fills, plan));
  }

  clearNow(): void {
    const reading = this.take();
    this.apply(reading, resolveClear(reading.snapshot, reading.record.fills));
  }

  /** Writes only (Compute, an accepted suggestion): Soát's fills and notes stay as they are. */
  write(plan: EditPlan): number {
    const reading = this.take();
    const values = copyValues(reading.record);
    let count = 0;
    for (const edits of plan.sheets) {
      const grid = this.gridOf(reading, edits.sheet);
      const writes = edits.writes.map((write) => gridWrite(grid, write));
      remember(values, edits.sheet, overwritten(grid, writes));
      applySheetEdits(grid, { fills: [], notes: [] }, writes);
      count += writes.length;
    }
    if (count > 0) writeRecord(this.spreadsheet, { fills: reading.record.fills, values });
    return count;
  }

  /** Puts back every value Soát overwrote; resolves to the number of cells restored. */
  revert(): number {
    const reading = this.take();
    let count = 0;
    for (const [sheet, cells] of Object.entries(reading.record.values)) {
      const grid = reading.grids.get(sheet);
      if (grid === undefined) continue; // the sheet is gone: nothing left to put back
      const writes = Object.entries(cells).map(([cell, previous]) => restoreWrite(grid, cell, previous));
      applySheetEdits(grid, { fills: [], notes: [] }, writes);
      count += writes.length;
    }
    if (count > 0) writeRecord(this.spreadsheet, { fills: reading.record.fills, values: {} });
    return count;
  }

  selectCell(sheet: string, cell: string): void {
    const target = this.spreadsheet.getSheetByName(sheet);
    if (target === null) throw new RangeError(`No sheet named "${sheet}"`);
    target.getRange(cell).activate();
  }

  private read(): Reading {
    const record = readRecord(this.spreadsheet);
    const grids = new Map<string, SheetGrid>();
    for (const sheet of this.spreadsheet.getSheets()) {
      const name = sheet.getName();
      if (isOwnSheet(name) || this.skip(name)) continue;
      grids.set(name, readGrid(sheet, name, recordedExtent(record, name)));
    }
    const snapshot = { sheets: [...grids.values()].map(gridSnapshot) };
    this.reading = { record, grids, snapshot };
    return this.reading;
  }

  /** The pending reading, or a fresh one; either way it is used once. */
  private take(): Reading {
    const reading = this.reading ?? this.read();
    this.reading = undefined;
    return reading;
  }

  private gridOf(reading: Reading, sheet: string): SheetGrid {
    const grid = reading.grids.get(sheet);
    if (grid === undefined) throw new RangeError(`The plan names a sheet the spreadsheet does not have: "${sheet}"`);
    return grid;
  }

  private apply(reading: Reading, { edits, record }: Resolution): void {
    const values = copyValues(reading.record);
    for (const sheetEdits of edits) {
      const grid = this.gridOf(reading, sheetEdits.sheet);
      const writes: GridWrite[] = sheetEdits.writes.map((write) => gridWrite(grid, write));
      remember(values, sheetEdits.sheet, overwritten(grid, writes));
      applySheetEdits(grid, sheetEdits, writes);
    }
    if (!sameRecord(reading.record, record, values)) writeRecord(this.spreadsheet, { fills: record, values });
  }
}

type Values = Record<string, Record<string, PreviousContent>>;

function copyValues(record: StoredRecord): Values {
  const values: Values = {};
  for (const [sheet, cells] of Object.entries(record.values)) values[sheet] = { ...cells };
  return values;
}

/** Records what a write replaces; a cell written twice keeps its first original. */
function remember(values: Values, sheet: string, entries: readonly [string, PreviousContent][]): void {
  for (const [cell, previous] of entries) {
    const cells = (values[sheet] ??= {});
    cells[cell] ??= previous;
  }
}

/** Skips rewriting the record sheet when nothing in it changes (a re-run of Validate). */
function sameRecord(before: StoredRecord, fills: StoredRecord['fills'], values: Values): boolean {
  return canonical(before.fills) === canonical(fills) && canonical(before.values) === canonical(values);
}

/** JSON with keys sorted, so that the same record compares equal whatever order it was built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
