import type { CellValue, WorkbookSnapshot } from '../../core/snapshot';

/**
 * Unit workbooks travel from the sidebar to the server as JSON text in chunks: google.script.run
 * refuses Date arguments and large payloads, and a Sheets cell holds at most 50,000 characters.
 */

/** Characters per google.script.run call: well under what Apps Script accepts in one request. */
export const chunkChars = 900_000;
/** Characters per cell of the staging sheet (Sheets' limit is 50,000). */
export const cellChars = 45_000;

/** A file the sidebar could not read as a workbook, with the reader's reason in both languages. */
export interface UnreadableUpload {
  readonly file: string;
  /** The reader's reason: corrupt, encrypted, not-xlsx, empty. */
  readonly reason: string;
  readonly vi: string;
  readonly en: string;
}

export interface UploadPayload {
  readonly workbooks: readonly WorkbookSnapshot[];
  readonly unreadable: readonly UnreadableUpload[];
}

interface EncodedDate {
  readonly $date: string;
}

function encodeValue(value: CellValue): unknown {
  return value instanceof Date ? { $date: value.toISOString() } : value;
}

function decodeValue(value: unknown): CellValue {
  if (value !== null && typeof value === 'object' && '$date' in value) return new Date((value as EncodedDate).$date);
  return value as CellValue;
}

export function encodePayload(payload: UploadPayload): string {
  return JSON.stringify({
    unreadable: payload.unreadable,
    workbooks: payload.workbooks.map((wb) => ({
      ...wb,
      sheets: wb.sheets.map((s) => ({ ...s, values: s.values.map((row) => row.map(encodeValue)) })),
    })),
  });
}

export function decodePayload(text: string): UploadPayload {
  const raw = JSON.parse(text) as { workbooks?: WorkbookSnapshot[]; unreadable?: UnreadableUpload[] };
  return {
    unreadable: raw.unreadable ?? [],
    workbooks: (raw.workbooks ?? []).map((wb) => ({
      ...wb,
      sheets: wb.sheets.map((s) => ({ ...s, values: s.values.map((row) => row.map(decodeValue)) })),
    })),
  };
}

export function splitText(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts.length > 0 ? parts : [''];
}
