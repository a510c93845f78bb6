/// <reference types="office-js" />
import type { SoatRecord } from '../../core/annotate';
import { recordFromRows, recordSheetName, recordToRows } from '../../core/annotate';

/**
 * The very hidden sheet "_soat" keeps, in columns A:C, the original fill of every cell Soát
 * painted (the core's record, shared by every host), in E:H, what Compute and accepted
 * suggestions overwrote, so that Clear and Revert work in a later session too, and in J the ids
 * of the sheets merges wrote (see merge-outputs.ts). A record without column J (an older one)
 * reads as no merge outputs.
 */

/** A value Soát overwrote: put back by Revert. */
export interface Overwritten {
  readonly sheet: string;
  readonly cell: string;
  /** A formula (without "=") or a constant. */
  readonly formula?: string;
  readonly value: string | number | boolean | null;
}

export interface StoredRecord {
  readonly fills: SoatRecord;
  readonly overwritten: readonly Overwritten[];
  /** Excel.Worksheet ids of the sheets merges wrote. */
  readonly mergeOutputs: readonly string[];
}

/** Queue before a sync; read after it. */
export function queueRecordRead(context: Excel.RequestContext): () => StoredRecord {
  const used = context.workbook.worksheets
    .getItemOrNullObject(recordSheetName)
    .getUsedRangeOrNullObject(true)
    .load('values,rowIndex,columnIndex');
  return () => {
    if (used.isNullObject) return { fills: { fills: {} }, overwritten: [], mergeOutputs: [] };
    // The used range starts where the data does: pad it back to A1.
    const pad = (row: unknown[]): unknown[] => [...Array.from({ length: used.columnIndex }, () => null), ...row];
    const rows = [...Array.from({ length: used.rowIndex }, () => []), ...(used.values as unknown[][]).map(pad)];
    return {
      fills: recordFromRows(rows.map((row) => row.slice(0, 3))),
      overwritten: overwrittenFromRows(rows),
      mergeOutputs: rows.map((row) => row[9]).filter((id): id is string => typeof id === 'string' && id !== ''),
    };
  };
}

function overwrittenFromRows(rows: readonly (readonly unknown[])[]): Overwritten[] {
  const entries: Overwritten[] = [];
  for (const row of rows) {
    const [sheet, cell, kind, content] = row.slice(4, 8);
    if (typeof sheet !== 'string' || sheet === '' || typeof cell !== 'string' || cell === '') continue;
    if (kind === 'formula') entries.push({ sheet, cell, formula: String(content), value: null });
    else entries.push({ sheet, cell, value: decodeValue(kind, content) });
  }
  return entries;
}

function decodeValue(kind: unknown, content: unknown): Overwritten['value'] {
  const text = content === null || content === undefined ? '' : String(content);
  if (kind === 'number') return Number(text);
  if (kind === 'boolean') return text === 'true';
  return kind === 'text' ? text : null;
}

function encodeEntry(entry: Overwritten): string[] {
  if (entry.formula !== undefined) return [entry.sheet, entry.cell, 'formula', entry.formula];
  const kind = entry.value === null ? 'blank' : typeof entry.value === 'string' ? 'text' : typeof entry.value;
  return [entry.sheet, entry.cell, kind, entry.value === null ? '' : String(entry.value)];
}

/**
 * Rewrites the record sheet (`exists` from the read); an empty record removes it. Everything is
 * written as text so that "FFFFC7CE" or "=F5/E5" stay what they are.
 */
export function queueRecordWrite(context: Excel.RequestContext, record: StoredRecord, exists: boolean): void {
  const fills = recordToRows(record.fills);
  const values = record.overwritten.map(encodeEntry);
  const outputs = record.mergeOutputs.map((id) => [id]);
  const sheets = context.workbook.worksheets;
  if (fills.length === 0 && values.length === 0 && outputs.length === 0) {
    if (exists) {
      const sheet = sheets.getItem(recordSheetName);
      sheet.visibility = 'Hidden'; // in case Excel refuses to delete a very hidden sheet
      sheet.delete();
    }
    return;
  }
  let sheet: Excel.Worksheet;
  if (exists) {
    sheet = sheets.getItem(recordSheetName);
    sheet.getRange().clear();
  } else {
    sheet = sheets.add(recordSheetName);
    sheet.visibility = 'VeryHidden';
  }
  writeBlock(sheet, 'A', fills);
  writeBlock(sheet, 'E', values);
  writeBlock(sheet, 'J', outputs);
}

const lastColumns = { A: 'C', E: 'H', J: 'J' } as const;

function writeBlock(sheet: Excel.Worksheet, firstColumn: keyof typeof lastColumns, rows: string[][]): void {
  if (rows.length === 0) return;
  const lastColumn = lastColumns[firstColumn];
  const range = sheet.getRange(`${firstColumn}1:${lastColumn}${rows.length}`);
  range.numberFormat = rows.map((row) => row.map(() => '@'));
  range.values = rows;
}
