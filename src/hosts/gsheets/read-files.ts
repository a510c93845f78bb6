import type { PaneFile } from '../../taskpane/actions';
import { WorkbookReadError } from '../xlsx/errors';
import { readSnapshotBuffer } from '../xlsx/lean/read';
import type { UploadPayload, UnreadableUpload } from './transfer';

/**
 * The sidebar reads unit .xlsx files with the .xlsx host's own reader, so a file gives the same
 * snapshot, and the same reasons when it cannot be read, in the browser as on the command line.
 */

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function readPaneFiles(files: readonly PaneFile[]): Promise<UploadPayload> {
  const workbooks: UploadPayload['workbooks'][number][] = [];
  const unreadable: UnreadableUpload[] = [];
  for (const file of files) {
    try {
      workbooks.push(readSnapshotBuffer(bytesOf(file.base64), file.name));
    } catch (error) {
      if (!(error instanceof WorkbookReadError)) throw error;
      unreadable.push({ file: file.name, reason: error.reason, vi: error.vi, en: error.en });
    }
  }
  return { workbooks, unreadable };
}
