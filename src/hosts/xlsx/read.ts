import { readFile } from 'node:fs/promises';
import * as ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { WorkbookReadError, sniffWorkbook } from './errors';
import { keepUnreadableDates } from './exceljs-dates';
import { keepNotesOnEmptyCells } from './exceljs-notes';
import type { ReadLimits } from './limits';
import { checkPartSizes, defaultLimits } from './limits';
import { readWorkbookSnapshot } from './snapshot';

export interface LoadedWorkbook {
  readonly workbook: ExcelJS.Workbook;
  readonly snapshot: WorkbookSnapshot;
}

/**
 * Loads .xlsx bytes. A file that is not a readable workbook throws WorkbookReadError with the
 * reason (empty, encrypted, not-xlsx, corrupt); `fileName` names it in the message and snapshot.
 */
export async function loadWorkbookBuffer(
  bytes: Uint8Array,
  fileName?: string,
  limits: ReadLimits = defaultLimits,
): Promise<ExcelJS.Workbook> {
  const kind = sniffWorkbook(bytes);
  if (kind !== undefined) throw new WorkbookReadError(kind, fileName);
  checkPartSizes(bytes, limits, fileName);
  keepNotesOnEmptyCells();
  keepUnreadableDates();
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its own `Buffer` type; a Uint8Array is what it actually reads.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (cause) {
    throw new WorkbookReadError('corrupt', fileName, { cause });
  }
  return workbook;
}

export async function readWorkbookBuffer(
  bytes: Uint8Array,
  fileName?: string,
  limits: ReadLimits = defaultLimits,
): Promise<LoadedWorkbook> {
  const workbook = await loadWorkbookBuffer(bytes, fileName, limits);
  return { workbook, snapshot: readWorkbookSnapshot(workbook, fileName, { limits }) };
}

/** Reads a file from disk; errors of the file system itself (missing file…) pass through as they are. */
export async function readWorkbookFile(path: string): Promise<LoadedWorkbook> {
  const bytes = await readFile(path);
  const workbook = await loadWorkbookBuffer(bytes, path);
  return { workbook, snapshot: readWorkbookSnapshot(workbook, path) };
}

/** Reading and writing are used together by callers; writing lives in write.ts. */
export { toBuffer, writeWorkbookFile } from './write';
