import type * as ExcelJS from 'exceljs';
import type { SoatRecord } from '../../core/annotate';
import { emptyRecord, recordFromRows, recordSheetName, recordToRows } from '../../core/annotate';

/**
 * The record of original fills lives in the workbook itself, in a very hidden sheet, so that
 * Clear works in a later session, on another machine, or after the file was mailed around.
 */

export function readRecord(workbook: ExcelJS.Workbook): SoatRecord {
  const sheet = workbook.getWorksheet(recordSheetName);
  if (sheet === undefined) return emptyRecord;
  const rows: unknown[][] = [];
  for (const row of sheet.findRows(1, sheet.rowCount) ?? []) {
    if (row === undefined) continue;
    rows.push([1, 2, 3].map((c) => row.findCell(c)?.value ?? null));
  }
  return recordFromRows(rows);
}

/** Rewrites the record sheet; an empty record removes it, leaving the workbook as it was. */
export function writeRecord(workbook: ExcelJS.Workbook, record: SoatRecord): void {
  const existing = workbook.getWorksheet(recordSheetName);
  if (existing !== undefined) workbook.removeWorksheet(existing.id);
  const rows = recordToRows(record);
  if (rows.length === 0) return;
  const sheet = workbook.addWorksheet(recordSheetName, { state: 'veryHidden' });
  // No fill is an empty cell rather than an empty string.
  for (const [name, cell, original] of rows) sheet.addRow([name, cell, original === '' ? null : original]);
}
