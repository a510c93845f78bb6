import type { GsSpreadsheet } from './apps-script';
import { uploadSheetName } from './host';
import { cellChars, splitText } from './transfer';

/**
 * The server's side of a chunked upload: each chunk is one row of a hidden staging sheet
 * [upload id, index, text parts…], read back whole when the upload is complete, then removed.
 */

export function storeChunk(spreadsheet: GsSpreadsheet, upload: string, index: number, chunk: string): void {
  let sheet = spreadsheet.getSheetByName(uploadSheetName);
  let row = 1;
  if (sheet === null) {
    const active = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(uploadSheetName);
    sheet.hideSheet();
    active.activate();
  } else {
    const used = sheet.getDataRange();
    row = used.getNumRows() + (used.getValues()[0]?.[0] === '' ? 0 : 1);
  }
  const cells = [upload, String(index), ...splitText(chunk, cellChars)];
  const range = sheet.getRange(row, 1, 1, cells.length);
  range.setNumberFormat('@');
  range.setValues([cells]);
}

/** The whole text of an upload, its chunks in order; the staging sheet is removed. */
export function takeUpload(spreadsheet: GsSpreadsheet, upload: string): string {
  const sheet = spreadsheet.getSheetByName(uploadSheetName);
  if (sheet === null) throw new Error('Không có dữ liệu tải lên (no uploaded data)');
  const rows = sheet
    .getDataRange()
    .getValues()
    .filter((row) => row[0] === upload)
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  spreadsheet.deleteSheet(sheet as never);
  return rows.map((row) => row.slice(2).map(String).join('')).join('');
}
