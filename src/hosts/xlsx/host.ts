import type * as ExcelJS from 'exceljs';
import type { Resolution, ResolvedSheetEdits } from '../../core/annotate';
import { resolveClear, resolvePlan } from '../../core/annotate';
import type { SpreadsheetHost } from '../../core/host';
import type { CellWrite, EditPlan } from '../../core/plan';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { SheetChange, WorkbookChange, WrittenCell } from './package/patch';
import type { BrokenRecordRow } from './record';
import { readRecord, writeRecord } from './record';
import type { FormulaValue } from './formula-result';
import { decodeFill, readWorkbookSnapshot, sheetFormulaResult } from './snapshot';

/**
 * The .xlsx host: an ExcelJS workbook in memory. Reading and applying are synchronous here;
 * the promises keep the shape every host shares. Each applied change is also kept in `changes`,
 * for the caller to write into the input package (patchPackage) rather than re-save the model.
 */
export class XlsxHost implements SpreadsheetHost {
  /** Rows of the record sheet that were edited by hand into no fill, and left out. */
  readonly brokenRecordRows: BrokenRecordRow[] = [];
  /** What each applyPlan or clear changed, with formula results, in order. */
  readonly changes: WorkbookChange[] = [];

  /**
   * With `marksInModel: false` (a command that writes the patched package and reads nothing
   * back) fills, notes and the record are not copied into ExcelJS's model, which saves the
   * memory of a style and a note object per marked cell; writes still are, for formula results.
   */
  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly file?: string,
    private readonly options: { readonly marksInModel?: boolean } = {},
  ) {}

  readSnapshot(): Promise<WorkbookSnapshot> {
    return Promise.resolve().then(() => readWorkbookSnapshot(this.workbook, this.file));
  }

  applyPlan(plan: EditPlan): Promise<void> {
    return Promise.resolve().then(() =>
      this.apply(resolvePlan(this.marks(), readRecord(this.workbook, this.brokenRecordRows), plan)),
    );
  }

  clear(): Promise<void> {
    return Promise.resolve().then(() =>
      this.apply(resolveClear(this.marks(), readRecord(this.workbook, this.brokenRecordRows))),
    );
  }

  /** Notes and exact fills only: all that resolving a plan needs. */
  private marks(): WorkbookSnapshot {
    return readWorkbookSnapshot(this.workbook, this.file, { marksOnly: true, exactFills: true });
  }

  private apply({ edits, record }: Resolution): void {
    const marks = this.options.marksInModel !== false;
    const changed = edits.map((sheetEdits) => applySheetEdits(this.workbook, sheetEdits, marks));
    if (marks) writeRecord(this.workbook, record);
    this.changes.push({ edits: changed, record });
  }
}

function applySheetEdits(workbook: ExcelJS.Workbook, edits: ResolvedSheetEdits, marks: boolean): SheetChange {
  const sheet = workbook.getWorksheet(edits.sheet);
  if (sheet === undefined) throw new RangeError(`No sheet named "${edits.sheet}"`);
  for (const group of marks ? edits.fills : []) {
    const fill = decodeFill(group.color);
    for (const address of group.cells) setFill(sheet.getCell(address), fill);
  }
  for (const { cell, text } of marks ? edits.notes : []) setNote(sheet.getCell(cell), text);
  for (const write of edits.writes) {
    writeCell(sheet.getCell(write.cell), write);
    if (write.formula !== undefined) workbook.calcProperties.fullCalcOnLoad = true;
  }
  // Results once every value is in place, so that none is computed from a value about to change.
  const writes: WrittenCell[] = edits.writes.map((write) =>
    write.formula === undefined ? write : { ...write, result: cacheResult(sheet.getCell(write.cell)) },
  );
  return { ...edits, writes };
}

/** Cells loaded from a file share style objects: give the cell its own before changing it. */
function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | undefined): void {
  const style = { ...cell.style };
  if (fill === undefined) delete style.fill;
  else style.fill = fill;
  cell.style = style;
}

function setNote(cell: ExcelJS.Cell, text: string | null): void {
  if (text !== null) {
    cell.note = text;
    return;
  }
  // ExcelJS has no way to delete a note: `cell.note = undefined` leaves an empty note it cannot
  // write, and a loaded cell also keeps the note in its value's model, which is what gets saved.
  const internals = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internals._comment = undefined;
  if (internals._value?.model !== undefined) delete internals._value.model.comment;
}

/** A string is always written as a string: "=1+1" from a unit's file never becomes a formula. */
export function writeCell(cell: ExcelJS.Cell, write: CellWrite): void {
  if (write.formula !== undefined) {
    cell.value = { formula: write.formula.replace(/^=/, '') };
  } else {
    cell.value = write.value ?? null;
  }
  if (write.numberFormat !== undefined) cell.style = { ...cell.style, numFmt: write.numberFormat };
}

/** The result goes with the formula, so that a reader that does not calculate sees the value. */
function cacheResult(cell: ExcelJS.Cell): FormulaValue | undefined {
  const formula = cell.formula;
  const result = sheetFormulaResult(cell.worksheet, formula);
  if (result !== undefined && result !== null) cell.value = { formula, result } as ExcelJS.CellValue;
  return result;
}
