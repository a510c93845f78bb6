import type { Stats } from 'node:fs';
import { readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MergeInput } from '../core/merge/inputs';
import { isWorkbookFile } from '../hosts/xlsx/file-names';
import { mergeInputOfBytes } from '../hosts/xlsx/merge-input';
import { UsageError } from './args';
import { sameInode } from './files';

/** The same file as `excluded` (both paths, one inode); a file that cannot be read is not it. */
function isExcluded(file: string, excluded: Stats | undefined): boolean {
  if (excluded === undefined) return false;
  try {
    return sameInode(statSync(file), excluded);
  } catch {
    return false;
  }
}

/**
 * The files named, with each folder replaced by its workbooks (not its subfolders), sorted and
 * without repeats. `exclude` (the output) is left out, so that merging a folder twice does not
 * merge the previous result. A path that does not exist is unusable input.
 */
export async function expandInputs(paths: readonly string[], exclude?: string): Promise<string[]> {
  const files = new Set<string>();
  // Looked up once, then held against each entry of a folder without a wait on the disk for each.
  const excluded = exclude === undefined ? undefined : await stat(exclude).catch(() => undefined);
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
      if (!isExcluded(file, excluded)) files.add(file);
    }
  }
  const list = [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (list.length === 0)
    throw new UsageError(`không có tệp bảng tính nào để tổng hợp (no workbook to merge): ${paths.join(' ')}`);
  return list;
}

/**
 * Reads one file for the merge; a file that is no readable workbook becomes an error input.
 * Read at once: unit files are small, and a round trip through the thread pool per file cost
 * more than the reading.
 */
export async function readMergeInput(file: string): Promise<MergeInput> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const why = (error as { code?: unknown } | null)?.code ?? (error instanceof Error ? error.message : String(error));
    return { file, error: { reason: 'io', message: { vi: `lỗi đọc tệp (${why})`, en: `read error (${why})` } } };
  }
  return mergeInputOfBytes(file, bytes);
}
