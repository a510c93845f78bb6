import type { CellValue, WorkbookSnapshot } from '../core/snapshot';
import { isCellError } from '../core/snapshot';
import type { SheetPreview } from './protocol';

/** A cell as the preview shows it: what the sheet holds, dates day first as Vietnamese read them. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const two = (n: number): string => String(n).padStart(2, '0');
    return `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  if (isCellError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Every sheet of the workbook as rows of text, for the read-only preview. */
export function sheetPreviews(workbook: WorkbookSnapshot): SheetPreview[] {
  return workbook.sheets
    .filter((sheet) => !sheet.name.startsWith('_soat')) // Soát's very hidden record and definition
    .map((sheet) => ({
      name: sheet.name,
      rows: sheet.values.map((row) => row.map(cellText)),
    }));
}
