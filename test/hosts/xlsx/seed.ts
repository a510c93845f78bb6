import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSeedWorkbooks } from '../../../scripts/seed-workbooks';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';

export const seedText = readFileSync(join(__dirname, '..', '..', 'fixtures', 'seed-9T-2024.txt'), 'utf8');

let books: Promise<Map<string, Buffer>> | undefined;

/** The generated seed workbooks, built once per test file. */
export function seedWorkbooks(): Promise<Map<string, Buffer>> {
  books ??= buildSeedWorkbooks(seedText);
  return books;
}

export async function seedFile(name: string): Promise<Buffer> {
  const bytes = (await seedWorkbooks()).get(name);
  if (bytes === undefined) throw new Error(`no generated workbook ${name}`);
  return bytes;
}

export function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetSnapshot {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Row `row` (1-based) padded with null to `width` columns. */
export function rowValues(sheet: SheetSnapshot, row: number, width: number): CellValue[] {
  const values = sheet.values[row - 1] ?? [];
  return Array.from({ length: width }, (_, i) => values[i] ?? null);
}

/** Merged areas as "A4:A5", sorted. */
export function mergeRanges(sheet: SheetSnapshot): string[] {
  const letter = (col: number): string => String.fromCharCode(64 + col);
  return (sheet.merges ?? []).map((m) => `${letter(m.left)}${m.top}:${letter(m.right)}${m.bottom}`).sort();
}
