import * as ExcelJS from 'exceljs';
import type { MergeInput } from '../../../src/core/merge/inputs';
import type { DraftCell, SheetDraft, WorkbookDraft } from '../../../src/core/merge/output';
import { parseAddress } from '../../../src/core/address';
import type { CellValue } from '../../../src/core/snapshot';
import { loadWorkbookBuffer, readWorkbookSnapshot, WorkbookReadError } from '../../../src/hosts/xlsx';
import { seedWorkbooks } from '../../hosts/xlsx/seed';
import { pl2Header, pl3Header } from '../../support/grids';

/** A fixed "today", so that no date of the seed is in the future whatever day the tests run. */
export const today = new Date(Date.UTC(2024, 8, 30));

/** Bytes → a merge input, as the command line reads them (an unreadable file becomes an error input). */
export async function inputOf(file: string, bytes: Uint8Array): Promise<MergeInput> {
  try {
    return { file, snapshot: readWorkbookSnapshot(await loadWorkbookBuffer(bytes), file) };
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    return { file, error: { reason: error.reason, message: { vi: error.vi, en: error.en } } };
  }
}

let seedInputsCache: Promise<MergeInput[]> | undefined;

/** The seed's per-unit workbooks (unit-….xlsx), read once per test file. */
export function seedUnitInputs(): Promise<MergeInput[]> {
  seedInputsCache ??= (async () => {
    const inputs: MergeInput[] = [];
    for (const [name, bytes] of await seedWorkbooks())
      if (name.startsWith('unit-')) inputs.push(await inputOf(name, bytes));
    return inputs;
  })();
  return seedInputsCache;
}

export function sheetOf(draft: WorkbookDraft, name: string): SheetDraft {
  const sheet = draft.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

export function cellAt(sheet: SheetDraft, address: string): DraftCell | null {
  const { row, col } = parseAddress(address);
  return sheet.rows[row - 1]?.[col - 1] ?? null;
}

/** What a cell shows: its text or number, a formula's cached result, or null when empty. */
export function shown(cell: DraftCell | null | undefined): string | number | null {
  if (!cell) return null;
  if (cell.formula !== undefined) return cell.result ?? null;
  return cell.text ?? cell.number ?? null;
}

/** Rows from `first` on, as shown, `width` columns each. */
export function shownRows(sheet: SheetDraft, first: number, width: number): (string | number | null)[][] {
  return sheet.rows.slice(first - 1).map((row) => Array.from({ length: width }, (_, i) => shown(row[i])));
}

/** A unit's workbook as a unit would make it: Phụ lục 2 rows and Phụ lục 3 rows under one-row headers. */
export async function unitWorkbook(
  pl2Rows: CellValue[][],
  pl3Rows: CellValue[][] = [],
  extra?: (wb: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const add = (name: string, header: CellValue[], rows: CellValue[][]): void => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(header);
    for (const row of rows) sheet.addRow(row);
  };
  add('Phụ lục 2', pl2Header, pl2Rows);
  if (pl3Rows.length > 0) add('Phụ lục 3', pl3Header, pl3Rows);
  extra?.(workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
