import type { MergeInput } from '../../core/merge/inputs';
import type { PaneFile } from '../../taskpane/actions';
import { WorkbookReadError } from '../xlsx/errors';
import { readSnapshotBuffer } from '../xlsx/lean/read';

/** A unit's .xlsx chosen or dropped in the pane, read in the browser by the .xlsx host's reader. */
export async function readUnitFile(file: PaneFile): Promise<MergeInput> {
  const bytes = Uint8Array.from(atob(file.base64), (ch) => ch.charCodeAt(0));
  try {
    return { file: file.name, snapshot: readSnapshotBuffer(bytes, file.name) };
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    return { file: file.name, error: { reason: error.reason, message: { vi: error.vi, en: error.en } } };
  }
}
