/// <reference types="office-js" />
import type { SoatRecord } from '../../core/annotate';
import { recordFromRows, recordSheetName, recordToRows } from '../../core/annotate';
import type { PayloadBudget } from './batch';
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

/** What a record cell may take in an answer: a sheet name, a cell, a fill or a value. */
const recordCellBytes = 64;
/** Columns A to J. */
const recordColumns = 10;

/**
 * Queue before a sync; call after it. The first rows come with that sync; a record longer than
 * a quarter of the response budget is read in further blocks of rows, a sync each.
 */
export function queueRecordRead(
  context: Excel.RequestContext,
  budget: PayloadBudget = payloadBudget,
): () => Promise<StoredRecord> {
  const blockRows = Math.max(1, Math.floor(budget.response / 4 / (recordColumns * recordCellBytes)));
  const sheet = context.workbook.worksheets.getItemOrNullObject(recordSheetName);
  const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
  const head = used.getIntersectionOrNullObject(`A1:J${blockRows}`).load('values,rowIndex,columnIndex,rowCount');
  return async () => {
    if (used.isNullObject) return { fills: { fills: {} }, overwritten: [], mergeOutputs: [] };
    const rows: unknown[][] = Array.from({ length: used.rowIndex + used.rowCount }, () => []);
    // Each block starts where its data does: its rows are padded back to column A.
    const place = (range: Excel.Range): void =>
      (range.values as unknown[][]).forEach((row, r) => {
        rows[range.rowIndex + r] = [...Array.from({ length: range.columnIndex }, () => null), ...row];
      });
    if (!head.isNullObject) place(head);
    const blocks: Excel.Range[] = [];
    let queued = 0;
    for (let top = blockRows + 1; top <= used.rowIndex + used.rowCount; top += blockRows) {
      // By name: the used range's proxy does not outlive the first sync.
      const bottom = Math.min(used.rowIndex + used.rowCount, top + blockRows - 1);
      const block = context.workbook.worksheets.getItem(recordSheetName).getRange(`A${top}:J${bottom}`);
      blocks.push(block.load('values,rowIndex,columnIndex'));
      queued += blockRows * recordColumns * recordCellBytes;
      if (queued + blockRows * recordColumns * recordCellBytes > budget.response) {
        await context.sync();
        queued = 0;
      }
    }
    if (queued > 0) await context.sync();
    for (const block of blocks) place(block);
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
  if (exists) sheets.getItem(recordSheetName).getRange().clear();
  else sheets.add(recordSheetName).visibility = 'VeryHidden';
  // By name for every block: a proxy from add() does not outlive the sync that created it.
  const sheet = { getRange: (range: string) => sheets.getItem(recordSheetName).getRange(range) };
  // A quarter of the budget per block, so that a block always fits beside other calls.
  const blockBytes = budget / 4;
  await writeBlock(sheet, 'A', fills, spend, blockBytes);
  await writeBlock(sheet, 'E', values, spend, blockBytes);
  await writeBlock(sheet, 'J', outputs, spend, blockBytes);
}

const lastColumns = { A: 'C', E: 'H', J: 'J' } as const;

async function writeBlock(
  sheet: Pick<Excel.Worksheet, 'getRange'>,
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
