import { writeFile } from 'node:fs/promises';
import type * as ExcelJS from 'exceljs';
import { signSoatNotes } from './note-authors';

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(await signSoatNotes(data as unknown as Uint8Array));
}

export async function writeWorkbookFile(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  await writeFile(path, await toBuffer(workbook));
}
