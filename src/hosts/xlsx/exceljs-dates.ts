/**
 * ExcelJS 4.4 turns every number in a date-formatted cell into a Date, and a formula's result too.
 * A serial out of the calendar (1e20) or an error result (#VALUE!) becomes an Invalid Date, and
 * the value the file holds is lost. This keeps the number or the error as the file has it, so
 * that the checks report `invalid-date` or `formula-error`. Applied once; a no-op where ExcelJS's
 * internals differ.
 */

interface CellModel {
  type?: number;
  value?: unknown;
  result?: unknown;
}
interface CellXform {
  prototype: { reconcile: (this: unknown, model: CellModel, options: unknown) => unknown };
}

const numberType = 2; // ExcelJS ValueType.Number

function isInvalidDate(value: unknown): boolean {
  return value instanceof Date && Number.isNaN(value.getTime());
}

/** Puts back what the file held wherever ExcelJS's date conversion produced no date. */
export function keepValueOfInvalidDate(model: CellModel, value: unknown, result: unknown): void {
  if (isInvalidDate(model.value)) {
    model.type = numberType;
    model.value = value;
  }
  if (isInvalidDate(model.result)) model.result = result;
}

let applied = false;

export function keepUnreadableDates(): void {
  if (applied) return;
  applied = true;
  let xform: CellXform | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    xform = require('exceljs/lib/xlsx/xform/sheet/cell-xform') as CellXform;
  } catch {
    return; // a bundled ExcelJS: leave it as it is
  }
  const reconcile = xform.prototype.reconcile;
  if (typeof reconcile !== 'function') return;
  xform.prototype.reconcile = function (this: unknown, model: CellModel, options: unknown): unknown {
    const { value, result } = model;
    const returned = reconcile.call(this, model, options);
    keepValueOfInvalidDate(model, value, result);
    return returned;
  };
}
