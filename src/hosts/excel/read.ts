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

/** What applying a plan needs to know of the workbook: Soát's record, comments, protection. */
export interface ExcelMarks {
  readonly sheets: readonly { readonly name: string; readonly id: string; readonly protected: boolean }[];
  readonly record: StoredRecord;
  readonly recordExists: boolean;
  readonly comments: CommentMarks;
}

interface UsedRead {
  readonly name: string;
  readonly used: Excel.Range;
  readonly merged?: Excel.RangeAreas;
}

/**
 * Two syncs whatever the size: (1) the sheets, Soát's record and every note or comment; (2) the
 * used range of every sheet (values, formats, formulas, merges) and where the comments sit. Until
 * the list separator is known, (2) starts with a probe of ","; where Excel refuses it, (2) is
 * sent again with ";" (one more request, once per session).
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  store: CommentStore,
  withValues: boolean,
  separator: ListSeparator | undefined,
): Promise<{ marks: ExcelMarks; snapshot: WorkbookSnapshot; separator: ListSeparator }> {
  const worksheets = context.workbook.worksheets.load('items/name,items/id,items/protection/protected');
  const readRecord = queueRecordRead(context);
  const comments = queueCommentRead(context, store);
  await context.sync();

  const sheets = worksheets.items
    .filter((sheet) => sheet.name !== recordSheetName)
    .map((sheet) => ({ name: sheet.name, id: sheet.id, protected: sheet.protection.protected }));
  const recordExists = worksheets.items.some((sheet) => sheet.name === recordSheetName);
  const queueSecond = (probe: ListSeparator | undefined) => {
    const probed = probe === undefined ? undefined : queueSeparatorProbe(worksheets.items[0]!, probe);
    const located = comments.locate();
    const reads: UsedRead[] = [];
    if (withValues) {
      for (const sheet of worksheets.items) {
        if (sheet.name === recordSheetName) continue;
        const used = sheet
          .getUsedRangeOrNullObject(true)
          .load('values,valueTypes,numberFormat,formulas,rowIndex,columnIndex');
        const merged = features.mergedAreas ? used.getMergedAreasOrNullObject().load('address') : undefined;
        reads.push({ name: sheet.name, used, ...(merged ? { merged } : {}) });
      }
    }
    return { located, reads, probed };
  };
  let second = queueSecond(separator === undefined ? ',' : undefined);
  let learnt: ListSeparator = separator ?? ',';
  try {
    await context.sync();
  } catch (error) {
    if (separator !== undefined || errorCode(error) !== 'InvalidArgument') throw error;
    second = queueSecond(';');
    learnt = ';';
    await context.sync();
  }
  if (second.probed?.() === false) throw new ExcelHostError('other', `getRanges: "${learnt}"`);

  const marks: ExcelMarks = { sheets, record: readRecord(), recordExists, comments: second.located.collect() };
  const snapshot = { sheets: withValues ? second.reads.map((read) => sheetSnapshot(read, marks.comments)) : [] };
  return { marks, snapshot, separator: learnt };
}

function sheetSnapshot({ name, used, merged }: UsedRead, comments: CommentMarks): SheetSnapshot {
  const notes: Record<string, string> = {};
  for (const [cell, comment] of comments.get(name) ?? []) notes[cell] = comment.text;
  if (used.isNullObject) return { name, values: [], notes };
  const top = used.rowIndex;
  const left = used.columnIndex;
  const values: CellValue[][] = Array.from({ length: top }, () => []);
  const numberFormats: (string | undefined)[][] = Array.from({ length: top }, () => []);
  const formulas: (string | undefined)[][] = Array.from({ length: top }, () => []);
  used.values.forEach((row, r) => {
    const pad = <T>(cells: T[]): T[] => [...Array.from({ length: left }, () => undefined as T), ...cells];
    values.push(pad(row.map((value, c) => cellValue(value, used.valueTypes[r]?.[c]))).map((v) => v ?? null));
    numberFormats.push(pad(used.numberFormat[r]!.map((f: string) => (f === 'General' ? undefined : f))));
    formulas.push(
      pad(used.formulas[r]!.map((f: unknown) => (typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined))),
    );
  });
  const merges: MergedArea[] =
    merged === undefined || merged.isNullObject ? [] : splitAreas(merged.address).map(areaBounds);
  return { name, values, numberFormats, formulas, merges, notes };
}

/** Excel gives "" for an empty cell and the error's text ("#DIV/0!") for an error. */
function cellValue(value: unknown, type: Excel.RangeValueType | `${Excel.RangeValueType}` | undefined): CellValue {
  if (type === 'Error') return { error: String(value) };
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}
