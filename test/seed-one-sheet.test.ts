/**
 * The whole report pasted from Word into one sheet: three appendices one under the other, with
 * their titles between. The checks must find the same things as on three sheets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { address, parseAddress } from '../src/core/address';
import { checkWorkbook } from '../src/core/check';
import type { SheetSnapshot, WorkbookSnapshot } from '../src/core/snapshot';
import { readWorkbookBuffer } from '../src/hosts/xlsx/read';
import { buildSeedWorkbooks } from '../scripts/seed-workbooks';

let threeSheets: WorkbookSnapshot;

beforeAll(async () => {
  const books = await buildSeedWorkbooks(readFileSync(join(__dirname, 'fixtures', 'seed-9T-2024.txt'), 'utf8'));
  threeSheets = (await readWorkbookBuffer(books.get('seed-report.xlsx')!, 'seed-report.xlsx')).snapshot;
}, 60_000); // building the seed workbooks takes seconds on a busy machine

/** The sheets stacked with one blank row between them; returns the row offset of each. */
function stacked(sheets: readonly SheetSnapshot[]): { sheet: SheetSnapshot; offsets: Map<string, number> } {
  const values: SheetSnapshot['values'][number][] = [];
  const numberFormats: (readonly (string | undefined)[])[] = [];
  const merges: NonNullable<SheetSnapshot['merges']>[number][] = [];
  const offsets = new Map<string, number>();
  for (const sheet of sheets) {
    const offset = values.length;
    offsets.set(sheet.name, offset);
    sheet.values.forEach((row, i) => {
      values.push(row);
      numberFormats.push(sheet.numberFormats?.[i] ?? []);
    });
    for (const m of sheet.merges ?? []) merges.push({ ...m, top: m.top + offset, bottom: m.bottom + offset });
    values.push([]);
    numberFormats.push([]);
  }
  return { sheet: { name: 'Báo cáo', values, numberFormats, merges }, offsets };
}

test('finds the three appendices on one sheet, and the same findings as on three sheets', () => {
  const { sheet, offsets } = stacked(threeSheets.sheets);
  const one = checkWorkbook({ file: 'seed-report.xlsx', sheets: [sheet] });
  const three = checkWorkbook(threeSheets);

  expect(one.sheets.map((s) => [s.appendix, s.headerRows, s.dataRows])).toEqual(
    three.sheets.map((s) => [s.appendix, s.headerRows.map((r) => r + offsets.get(s.sheet)!), s.dataRows]),
  );
  const moved = (sheetName: string, cell: string): string => {
    const { row, col } = parseAddress(cell);
    return address(row + offsets.get(sheetName)!, col);
  };
  expect(one.findings.map((f) => [f.cell, f.rule, f.severity])).toEqual(
    three.findings.map((f) => [moved(f.sheet, f.cell), f.rule, f.severity]),
  );
  expect(one.findings.length).toBe(57);
});
