import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { MergeInput } from '../core/merge/inputs';
import type { CellValue } from '../core/snapshot';
import { parseCsv } from '../core/units/registry';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { readSnapshotBuffer } from '../hosts/xlsx/lean/read';
import { UsageError } from './args';
import { sameFile } from './files';

/** What a folder may hold for a merge; .xls and .ods are taken too, so that they are reported, not ignored. */
const workbookExtensions = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.csv']);

/** Excel's lock files ("~$bao-cao.xlsx") and hidden files are not a unit's report. */
function isWorkbookFile(name: string): boolean {
  return workbookExtensions.has(extname(name).toLowerCase()) && !name.startsWith('~$') && !name.startsWith('.');
}

/**
 * The files named, with each folder replaced by its workbooks (not its subfolders), sorted and
 * without repeats. `exclude` (the output) is left out, so that merging a folder twice does not
 * merge the previous result. A path that does not exist is unusable input.
 */
export async function expandInputs(paths: readonly string[], exclude?: string): Promise<string[]> {
  const files = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`${path}: không tìm thấy tệp hoặc thư mục (no such file or folder)`);
    if (!info.isDirectory()) {
      files.add(path); // named on purpose: --out equal to it was refused or allowed by --in-place
      continue;
    }
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (!entry.isFile() || !isWorkbookFile(entry.name)) continue;
      const file = join(path, entry.name);
      if (exclude === undefined || !(await sameFile(file, exclude))) files.add(file);
    }
  }
  const list = [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (list.length === 0)
    throw new UsageError(`không có tệp bảng tính nào để tổng hợp (no workbook to merge): ${paths.join(' ')}`);
  return list;
}

/** A CSV as a one-sheet workbook named after the file; its texts are read by the engine's readers. */
function csvSnapshot(file: string, text: string): MergeInput {
  const values: CellValue[][] = parseCsv(text).map((row) => row.map((v) => (v.trim() === '' ? null : v)));
  return { file, snapshot: { file, sheets: [{ name: basename(file, extname(file)), values }] } };
}

/** Reads one file for the merge; a file that is no readable workbook becomes an error input. */
export async function readMergeInput(file: string): Promise<MergeInput> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const why = (error as { code?: unknown } | null)?.code ?? (error instanceof Error ? error.message : String(error));
    return { file, error: { reason: 'io', message: { vi: `lỗi đọc tệp (${why})`, en: `read error (${why})` } } };
  }
  if (extname(file).toLowerCase() === '.csv') return csvSnapshot(file, bytes.toString('utf8'));
  try {
    // No file name here: the finding names the file, the message need not repeat it.
    return { file, snapshot: { file, sheets: readSnapshotBuffer(bytes).sheets } };
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    return { file, error: { reason: error.reason, message: { vi: error.vi, en: error.en } } };
  }
}
