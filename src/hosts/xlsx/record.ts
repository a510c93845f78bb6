import type * as ExcelJS from 'exceljs';
import type { SoatRecord } from '../../core/annotate';
import { emptyRecord, recordFromRows, recordSheetName, recordToRows } from '../../core/annotate';
import { decodeFill } from './snapshot';

/**
 * The record of original fills lives in the workbook itself, in a very hidden sheet, so that
 * Clear works in a later session, on another machine, or after the file was mailed around.
 */

/** A record row someone edited by hand into something that is no fill; it is left out. */
export interface BrokenRecordRow {
  readonly row: number;
  readonly fill: string;
}

const argb = /^(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$/;

/** Whether a stored fill is one Soát wrote: none, an ARGB colour, or a whole fill as JSON. */
function isStoredFill(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (typeof value !== 'string') return false;
  if (argb.test(value)) return true;
  try {
    const fill = decodeFill(value) as { type?: unknown } | undefined;
    return value.startsWith('json:') && (fill?.type === 'pattern' || fill?.type === 'gradient');
  } catch {
    return false; // JSON that does not parse
  }
}

export function readRecord(workbook: ExcelJS.Workbook, broken: BrokenRecordRow[] = []): SoatRecord {
  const sheet = workbook.getWorksheet(recordSheetName);
  if (sheet === undefined) return emptyRecord;
  const rows: unknown[][] = [];
  for (const row of sheet.findRows(1, sheet.rowCount) ?? []) {
    if (row === undefined) continue;
    const cells = [1, 2, 3].map((c) => row.findCell(c)?.value ?? null);
    if (!isStoredFill(cells[2])) {
      broken.push({ row: row.number, fill: String(cells[2]) });
      continue;
    }
    rows.push(cells);
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
