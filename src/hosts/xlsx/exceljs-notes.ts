/**
 * ExcelJS 4.4 attaches a note only to a cell the sheet XML lists. Excel and LibreOffice do not
 * list an empty cell just because it carries a note, so a reviewer's note on a blank cell was lost
 * on load and dropped on save. Before ExcelJS reconciles a sheet, this adds an empty cell model
 * for every note whose cell is missing. Applied once; a no-op where ExcelJS's internals differ.
 */

interface CellModel {
  address?: string;
  type?: number;
}
interface RowModel {
  number: number;
  cells?: (CellModel | undefined)[];
  style?: unknown;
  hidden?: boolean;
}
interface SheetModel {
  relationships?: { Type?: string; Target?: string }[];
  rows?: (RowModel | undefined)[];
}
interface ReconcileOptions {
  comments?: Record<string, { comments?: { ref?: string }[] } | undefined>;
}
interface WorksheetXform {
  prototype: { reconcile: (this: unknown, model: SheetModel, options: ReconcileOptions) => unknown };
}

const commentsRelation = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const nullCell = 0; // ExcelJS ValueType.Null

function noteRefs(model: SheetModel, options: ReconcileOptions): string[] {
  const refs: string[] = [];
  for (const rel of model.relationships ?? []) {
    if (rel.Type !== commentsRelation || rel.Target === undefined) continue;
    for (const comment of options.comments?.[rel.Target]?.comments ?? []) {
      if (comment.ref !== undefined) refs.push(comment.ref);
    }
  }
  return refs;
}

/** Adds `{address, type: Null}` cells (and rows) for notes whose cell the sheet XML left out. */
export function addNotedCells(model: SheetModel, options: ReconcileOptions): void {
  const refs = noteRefs(model, options);
  if (refs.length === 0) return;
  model.rows ??= [];
  const rows = new Map<number, RowModel>();
  for (const row of model.rows) if (row !== undefined) rows.set(row.number, row);
  for (const ref of refs) {
    const match = /^\$?[A-Z]+\$?(\d+)$/i.exec(ref);
    if (match === null) continue;
    const number = Number(match[1]);
    let row = rows.get(number);
    if (row === undefined) {
      row = { number, cells: [], style: {}, hidden: false };
      rows.set(number, row);
      model.rows.push(row);
    }
    row.cells ??= [];
    const address = ref.replace(/\$/g, '').toUpperCase();
    if (!row.cells.some((cell) => cell?.address === address)) row.cells.push({ address, type: nullCell });
  }
}

let applied = false;

export function keepNotesOnEmptyCells(): void {
  if (applied) return;
  applied = true;
  let xform: WorksheetXform | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    xform = require('exceljs/lib/xlsx/xform/sheet/worksheet-xform') as WorksheetXform;
  } catch {
    return; // a bundled ExcelJS: leave it as it is
  }
  const reconcile = xform.prototype.reconcile;
  if (typeof reconcile !== 'function') return;
  xform.prototype.reconcile = function (this: unknown, model: SheetModel, options: ReconcileOptions): unknown {
    addNotedCells(model, options);
    return reconcile.call(this, model, options);
  };
}
