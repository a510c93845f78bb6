import type { SheetSnapshot } from './snapshot';
import { stripAccents } from './values/text';

/**
 * The end of the report period, read from the titles: "BÁO CÁO 9T/2024" is the nine months of
 * 2024, so models dated after 30/09/2024 are in the future. Undefined when no title says.
 * Only title rows count — those above the first row with two or more cells (the header) —
 * since a model's "Quý I/2023" in the first rows of a short Phụ lục 3 is no period.
 */
export function periodEndFromTitles(sheets: readonly SheetSnapshot[]): Date | undefined {
  for (const sheet of sheets) {
    for (const row of titleRows(sheet)) {
      for (const value of row) {
        if (typeof value !== 'string') continue;
        const end = periodEndFromText(value);
        if (end) return end;
      }
    }
  }
  return undefined;
}

function titleRows(sheet: SheetSnapshot): SheetSnapshot['values'] {
  const filled = (v: unknown): boolean => v !== null && v !== undefined && v !== '';
  const header = sheet.values.findIndex((row) => row.filter(filled).length > 1);
  return sheet.values.slice(0, header === -1 ? 12 : Math.min(header, 12));
}

const quarterNumbers: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

export function periodEndFromText(text: string): Date | undefined {
  const key = stripAccents(text);
  const months = /\b(\d{1,2})\s*(?:t|thang)\s*(?:\/|nam\s*)?\s*(\d{4})\b/.exec(key);
  if (months && Number(months[1]) >= 1 && Number(months[1]) <= 12) {
    return endOfMonth(Number(months[2]), Number(months[1]));
  }
  const quarter = /\bquy\s*(i{1,3}|iv|[1-4])\s*(?:\/|nam\s*)\s*(\d{4})\b/.exec(key);
  if (quarter) return endOfMonth(Number(quarter[2]), quarterNumbers[quarter[1]!]! * 3);
  const year = /\bbao cao\b.*\bnam\s*(\d{4})\b/.exec(key);
  if (year) return endOfMonth(Number(year[1]), 12);
  return undefined;
}

function endOfMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 0));
}
