/// <reference types="office-js" />
import type { SoatRecord } from '../../core/annotate';
import { recordFromRows, recordSheetName, recordToRows } from '../../core/annotate';
import { callOverheadBytes, payloadBudget, utf8Bytes } from './batch';

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
 * written as text so that "FFFFC7CE" or "=F5/E5" stay what they are. A long record is written in
 * blocks of rows, each told to `spend` first, so that no request passes Excel's limit.
 */
export async function queueRecordWrite(
  context: Excel.RequestContext,
  record: StoredRecord,
  exists: boolean,
  spend: (bytes: number) => Promise<void>,
  budget = payloadBudget.request,
): Promise<void> {
  const fills = recordToRows(record.fills);
  const values = record.overwritten.map(encodeEntry);
  const outputs = record.mergeOutputs.map((id) => [id]);
  const sheets = context.workbook.worksheets;
  await spend(callOverheadBytes);
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
  // A quarter of the budget per block, so that a block always fits beside other calls.
  const blockBytes = budget / 4;
  await writeBlock(sheet, 'A', fills, spend, blockBytes);
  await writeBlock(sheet, 'E', values, spend, blockBytes);
  await writeBlock(sheet, 'J', outputs, spend, blockBytes);
}

const lastColumns = { A: 'C', E: 'H', J: 'J' } as const;

async function writeBlock(
  sheet: Excel.Worksheet,
  firstColumn: keyof typeof lastColumns,
  rows: string[][],
  spend: (bytes: number) => Promise<void>,
  blockBytes: number,
): Promise<void> {
  const lastColumn = lastColumns[firstColumn];
  let start = 0;
  while (start < rows.length) {
    // The values and, as large again at most, their "@" formats.
    let bytes = callOverheadBytes;
    let end = start;
    while (end < rows.length && (end === start || bytes + 2 * rowBytes(rows[end]!) <= blockBytes)) {
      bytes += 2 * rowBytes(rows[end]!);
      end++;
    }
    const block = rows.slice(start, end);
    await spend(bytes);
    const range = sheet.getRange(`${firstColumn}${start + 1}:${lastColumn}${end}`);
    range.numberFormat = block.map((row) => row.map(() => '@'));
    range.values = block;
    start = end;
  }
}

function rowBytes(row: readonly string[]): number {
  return utf8Bytes(JSON.stringify(row)) + 1;
}
