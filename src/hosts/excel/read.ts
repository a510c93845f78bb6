/// <reference types="office-js" />
import { recordSheetName } from '../../core/annotate';
import type { CellValue, MergedArea, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import type { ExcelFeatures } from './api';
import { areaBounds, splitAreas } from './addresses';
import type { CommentMarks, CommentStore } from './comments';
import { queueCommentRead } from './comments';
import type { StoredRecord } from './record';
import { queueRecordRead } from './record';
import type { ListSeparator } from './separator';
import { queueSeparatorProbe } from './separator';
import { ExcelHostError, errorCode } from './errors';
import type { PayloadBudget } from './batch';
import { ReadBatch, callOverheadBytes, payloadBudget } from './batch';
import type { Block, BlockRead } from './blocks';
import {
  assumedCellBytes,
  firstBlock,
  measuredCellBytes,
  queueFirstBlockRead,
  readBlocks,
  remainingBlocks,
} from './blocks';

/** What applying a plan needs to know of the workbook: Soát's record, comments, protection. */
export interface ExcelMarks {
  readonly sheets: readonly { readonly name: string; readonly id: string; readonly protected: boolean }[];
  readonly record: StoredRecord;
  readonly recordExists: boolean;
  readonly comments: CommentMarks;
}

interface UsedRead {
  readonly name: string;
  readonly worksheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly first: BlockRead;
  readonly merged?: Excel.RangeAreas;
}

/** Text further down a sheet can be longer than in its first rows: blocks are sized with a margin. */
const cellBytesMargin = 1.5;

/**
 * Two syncs for an ordinary workbook: (1) the sheets, Soát's record and every note or comment;
 * (2) each sheet's used range, its first block of cells (see blocks.ts), merges, and where the
 * comments sit. A sheet larger than its first block takes ceil(rest / budget) more syncs, the rest
 * being its remaining cells × the bytes per cell measured in (2). Until the list separator is
 * known, (2) starts with a probe of ","; where Excel refuses it, (2) is sent again with ";"
 * (one more request, once per session).
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  store: CommentStore,
  withValues: boolean,
  separator: ListSeparator | undefined,
  budget: PayloadBudget = payloadBudget,
): Promise<{ marks: ExcelMarks; snapshot: WorkbookSnapshot; separator: ListSeparator }> {
  const worksheets = context.workbook.worksheets.load('items/name,items/id,items/protection/protected');
  const readRecord = queueRecordRead(context, budget);
  const comments = queueCommentRead(context, store, budget);
  await context.sync();
  const record = await readRecord();

  const sheets = worksheets.items
    .filter((sheet) => sheet.name !== recordSheetName)
    .map((sheet) => ({ name: sheet.name, id: sheet.id, protected: sheet.protection.protected }));
  const recordExists = worksheets.items.some((sheet) => sheet.name === recordSheetName);
  const first = firstBlock(sheets.length, budget);
  const firstBytes = (first.bottom - first.top + 1) * (first.right - first.left + 1) * assumedCellBytes;
  // The probe goes first: where Excel refuses it, nothing after it ran and all is queued again.
  const readSecond = async (probe: ListSeparator | undefined) => {
    const batch = new ReadBatch(context, budget);
    const probed = probe === undefined ? undefined : queueSeparatorProbe(worksheets.items[0]!, probe);
    await batch.spend(callOverheadBytes, 0);
    const located = await comments.locate(batch);
    const reads: UsedRead[] = [];
    if (withValues) {
      for (const worksheet of worksheets.items) {
        if (worksheet.name === recordSheetName) continue;
        await batch.spend(3 * callOverheadBytes, firstBytes);
        const used = worksheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
        const merged = features.mergedAreas ? used.getMergedAreasOrNullObject().load('address') : undefined;
        const head = queueFirstBlockRead(used, first);
        reads.push({ name: worksheet.name, worksheet, used, first: head, ...(merged ? { merged } : {}) });
      }
    }
    await batch.finish();
    return { located, reads, probed };
  };
  let second: Awaited<ReturnType<typeof readSecond>>;
  let learnt: ListSeparator = separator ?? ',';
  try {
    second = await readSecond(separator === undefined ? ',' : undefined);
  } catch (error) {
    if (separator !== undefined || errorCode(error) !== 'InvalidArgument') throw error;
    learnt = ';';
    second = await readSecond(';');
  }
  if (second.probed?.() === false) throw new ExcelHostError('other', `getRanges: "${learnt}"`);

  const rest = await readRest(context, second.reads, first, budget);
  const marks: ExcelMarks = { sheets, record, recordExists, comments: second.located.collect() };
  const snapshot = {
    sheets: withValues
      ? second.reads.map((read, i) => sheetSnapshot(read, [read.first, ...rest[i]!], marks.comments))
      : [],
  };
  return { marks, snapshot, separator: learnt };
}

function usedBlock(used: Excel.Range): Block | undefined {
  if (used.isNullObject) return undefined;
  return {
    top: used.rowIndex + 1,
    left: used.columnIndex + 1,
    bottom: used.rowIndex + used.rowCount,
    right: used.columnIndex + used.columnCount,
  };
}

/** What the first blocks left of each sheet, read in syncs under the response budget. */
async function readRest(
  context: Excel.RequestContext,
  reads: readonly UsedRead[],
  first: Block,
  budget: PayloadBudget,
): Promise<BlockRead[][]> {
  const measured = reads.map((read) => measuredCellBytes(read.first)).filter((b): b is number => b !== undefined);
  const cellBytes = Math.max(assumedCellBytes / 4, ...measured) * cellBytesMargin;
  const planned = reads.map((read) => {
    const used = usedBlock(read.used);
    return used === undefined ? [] : remainingBlocks(used, first, cellBytes, budget.response / 2);
  });
  const all = await readBlocks(
    context,
    planned.flatMap((blocks, i) => blocks.map((block) => ({ worksheet: reads[i]!.worksheet, block, cellBytes }))),
    budget,
  );
  let next = 0;
  return planned.map((blocks) => all.slice(next, (next += blocks.length)));
}

/** A sheet's grid from its blocks: rows and columns before the used range are padded, as in a file. */
function sheetSnapshot(read: UsedRead, blocks: readonly BlockRead[], comments: CommentMarks): SheetSnapshot {
  const { name, used, merged } = read;
  const notes: Record<string, string> = {};
  for (const [cell, comment] of comments.get(name) ?? []) notes[cell] = comment.text;
  const bounds = usedBlock(used);
  if (bounds === undefined) return { name, values: [], notes };
  const values: CellValue[][] = Array.from({ length: bounds.top - 1 }, () => []);
  const numberFormats: (string | undefined)[][] = Array.from({ length: bounds.top - 1 }, () => []);
  const formulas: (string | undefined)[][] = Array.from({ length: bounds.top - 1 }, () => []);
  for (let r = bounds.top; r <= bounds.bottom; r++) {
    values.push(Array.from({ length: bounds.right }, () => null));
    numberFormats.push(Array.from({ length: bounds.right }, () => undefined));
    formulas.push(Array.from({ length: bounds.right }, () => undefined));
  }
  for (const block of blocks) {
    const at = block.at();
    if (at === undefined) continue;
    const { range } = block;
    range.values.forEach((row, r) => {
      const top = at.top - 1 + r;
      row.forEach((value: unknown, c) => {
        const col = at.left - 1 + c;
        values[top]![col] = cellValue(value, range.valueTypes[r]?.[c]);
        const format = range.numberFormat[r]?.[c] as unknown;
        numberFormats[top]![col] = typeof format === 'string' && format !== 'General' ? format : undefined;
        const formula = range.formulas[r]?.[c] as unknown;
        formulas[top]![col] = typeof formula === 'string' && formula.startsWith('=') ? formula.slice(1) : undefined;
      });
    });
  }
  const merges: MergedArea[] =
    merged === undefined || merged.isNullObject ? [] : splitAreas(merged.address).map(areaBounds);
  return { name, values, numberFormats, formulas, merges, notes };
}

/** Excel gives "" for an empty cell and the error's text ("#DIV/0!") for an error. */
export function cellValue(
  value: unknown,
  type: Excel.RangeValueType | `${Excel.RangeValueType}` | undefined,
): CellValue {
  if (type === 'Error') return { error: String(value) };
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}
