import type { SoatRecord } from '../../core/annotate';
import { recordFromRows, recordSheetName, recordToRows } from '../../core/annotate';
import type { GsSpreadsheet, GsValue } from './apps-script';

/**
 * Soát's memory in the spreadsheet itself, a hidden sheet "_soat" (document properties hold
 * 9 KB a value, too little for a large sheet's fills). Rows [sheet, cell, content, kind]:
 * kind "fill" keeps a painted cell's original fill (ARGB, "" for none), kind "value" what a
 * write overwrote, as JSON, so that Clear and Revert put both back exactly.
 */

/** What a cell held before Soát wrote into it. */
export type PreviousContent =
  { readonly formula: string } | { readonly value: string | number | boolean | null } | { readonly date: string };

export interface StoredRecord {
  readonly fills: SoatRecord;
  /** sheet → cell → previous content, the first original kept when a cell is written twice. */
  readonly values: Readonly<Record<string, Readonly<Record<string, PreviousContent>>>>;
}

export const emptyStoredRecord: StoredRecord = { fills: { fills: {} }, values: {} };

export function previousContent(value: GsValue, formula: string): PreviousContent {
  if (formula !== '') return { formula: formula.replace(/^=/, '') };
  if (value instanceof Date) return { date: value.toISOString() };
  return { value: value === '' ? null : value };
}

/** Reads the record in one batch; a missing or foreign sheet is an empty record. */
export function readRecord(spreadsheet: GsSpreadsheet): StoredRecord {
  const sheet = spreadsheet.getSheetByName(recordSheetName);
  if (sheet === null) return emptyStoredRecord;
  const rows = sheet.getDataRange().getValues();
  const fillRows = rows.filter((row) => row[3] === 'fill');
  const values: Record<string, Record<string, PreviousContent>> = {};
  for (const [name, cell, content, kind] of rows) {
    if (kind !== 'value' || typeof content !== 'string') continue;
    try {
      (values[String(name)] ??= {})[String(cell)] = JSON.parse(content) as PreviousContent;
    } catch {
      // a row a person edited by hand: nothing to restore from it
    }
  }
  return { fills: recordFromRows(fillRows), values };
}

/** Rewrites the record sheet in one write as text; an empty record removes the sheet. */
export function writeRecord(spreadsheet: GsSpreadsheet, record: StoredRecord): void {
  const rows: string[][] = recordToRows(record.fills).map(([sheet, cell, fill]) => [sheet!, cell!, fill!, 'fill']);
  for (const [sheet, cells] of Object.entries(record.values)) {
    for (const [cell, content] of Object.entries(cells)) rows.push([sheet, cell, JSON.stringify(content), 'value']);
  }
  let sheet = spreadsheet.getSheetByName(recordSheetName);
  if (rows.length === 0) {
    if (sheet !== null) spreadsheet.deleteSheet(sheet as never);
    return;
  }
  if (sheet === null) {
    const active = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(recordSheetName);
    sheet.hideSheet();
    active.activate(); // inserting a sheet makes it the active one
  } else {
    sheet.getDataRange().clear();
  }
  const range = sheet.getRange(1, 1, rows.length, 4);
  range.setNumberFormat('@'); // sheet names such as "2024" stay text
  range.setValues(rows);
}
