import type { GsSpreadsheet, GsUtilities } from './apps-script';
import { uploadSheetName } from './host';
import { cellChars } from './transfer';

/**
 * The server's side of a chunked upload: each chunk is one row of a hidden staging sheet
 * [upload id, index, base64 parts…], read back whole when the upload is complete, then removed.
 * Base64 keeps the JSON away from Sheets' entry rules ("'…" loses its apostrophe, "=…" and
 * "+…" become formulas), and each part is cut to begin with a letter or digit for the same reason.
 */

/** Base64 cut into cells of at most `size` characters, none starting with "+", "/" or "=". */
export function base64Cells(encoded: string, size: number): string[] {
  const cells: string[] = [];
  let start = 0;
  while (start < encoded.length) {
    let end = Math.min(start + size, encoded.length);
    while (end < encoded.length && end > start + 1 && !/[A-Za-z0-9]/.test(encoded[end]!)) end--;
    cells.push(encoded.slice(start, end));
    start = end;
  }
  return cells.length > 0 ? cells : [''];
}

export function storeChunk(
  spreadsheet: GsSpreadsheet,
  utilities: GsUtilities,
  upload: string,
  index: number,
  chunk: string,
): void {
  let sheet = spreadsheet.getSheetByName(uploadSheetName);
  if (sheet === null) {
    const active = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(uploadSheetName);
    sheet.hideSheet();
    active.activate();
  }
  const encoded = utilities.base64Encode(chunk, utilities.Charset.UTF_8);
  const cells = [upload, String(index), ...base64Cells(encoded, cellChars)];
  const range = sheet.getRange(sheet.getLastRow() + 1, 1, 1, cells.length);
  range.setNumberFormat('@');
  range.setValues([cells]);
}

/** The whole text of an upload, its chunks in order; the staging sheet is removed. */
export function takeUpload(spreadsheet: GsSpreadsheet, utilities: GsUtilities, upload: string): string {
  const sheet = spreadsheet.getSheetByName(uploadSheetName);
  if (sheet === null) throw new Error('Không có dữ liệu tải lên (no uploaded data)');
  const rows = sheet
    .getDataRange()
    .getValues()
    .filter((row) => row[0] === upload)
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  spreadsheet.deleteSheet(sheet as never);
  const decode = (encoded: string): string => utilities.newBlob(utilities.base64Decode(encoded)).getDataAsString();
  return rows.map((row) => decode(row.slice(2).map(String).join(''))).join('');
}
