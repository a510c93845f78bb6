import type { MergeInput } from '../../core/merge/inputs';
import type { CellValue } from '../../core/snapshot';
import { parseCsv } from '../../core/units/registry';
import { WorkbookReadError } from './errors';
import { extensionOf } from './file-names';
import { readSnapshotBuffer } from './lean/read';

/** A CSV as a one-sheet workbook named after the file; its texts are read by the engine's readers. */
function csvSnapshot(file: string, text: string): MergeInput {
  const values: CellValue[][] = parseCsv(text).map((row) => row.map((v) => (v.trim() === '' ? null : v)));
  const name = (file.split(/[\\/]/).pop() ?? file).slice(0, -extensionOf(file).length || undefined);
  return { file, snapshot: { file, sheets: [{ name, values }] } };
}

/** One unit file's bytes for the merge; bytes that are no readable workbook become an error input. */
export async function mergeInputOfBytes(file: string, bytes: Uint8Array): Promise<MergeInput> {
  if (extensionOf(file) === '.csv')
    return csvSnapshot(file, new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  try {
    // No file name here: the finding names the file, the message need not repeat it.
    return { file, snapshot: { file, sheets: readSnapshotBuffer(bytes).sheets } };
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    return { file, error: { reason: error.reason, message: { vi: error.vi, en: error.en } } };
  }
}
