/// <reference types="office-js" />
import { definitionSheetName } from '../../core/definition';
import type { SheetDraft } from '../../core/merge/output';
import type { CellValue, WorkbookSnapshot } from '../../core/snapshot';
import { isRegistrySheetName } from '../../core/units/sheet';

/**
 * The two sheets that say which report and which unit list a workbook is checked against: the
 * very hidden "_soat_mau" (a stored definition) and "Danh mục đơn vị". Two syncs to read them,
 * one to write one, whatever their size.
 */

function cellValue(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** The workbook's definition sheet and unit list sheet, those it has, with their values. */
export async function readReportSheets(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const names = worksheets.items.map((sheet) => sheet.name);
  const registry = names.find(isRegistrySheetName);
  const reads = names
    .filter((name) => name === definitionSheetName || name === registry)
    .map((name) => ({
      name,
      used: context.workbook.worksheets
        .getItem(name)
        .getUsedRangeOrNullObject(true)
        .load('values,rowIndex,columnIndex'),
    }));
  if (reads.length > 0) await context.sync();
  return {
    sheets: reads.map(({ name, used }) => {
      if (used.isNullObject) return { name, values: [] };
      const pad = <T>(n: number, fill: () => T): T[] => Array.from({ length: n }, fill);
      const values = [
        ...pad(used.rowIndex, (): CellValue[] => []),
        ...(used.values as unknown[][]).map((row) => [...pad(used.columnIndex, () => null), ...row.map(cellValue)]),
      ];
      return { name, values };
    }),
  };
}

/** Writes the definition sheet, replacing the one the workbook has; it stays very hidden. */
export async function writeDefinitionSheet(context: Excel.RequestContext, draft: SheetDraft): Promise<void> {
  const existing = context.workbook.worksheets.getItemOrNullObject(draft.name).load('name');
  await context.sync();
  let worksheet: Excel.Worksheet;
  if (existing.isNullObject) worksheet = context.workbook.worksheets.add(draft.name);
  else {
    worksheet = existing;
    worksheet.getRange().clear();
  }
  const { writeSheet } = await import('./draft');
  await writeSheet(worksheet, draft, new Map());
  await context.sync();
}

/** Adds the unit list sheet and shows it (the caller has checked the workbook has none). */
export async function addRegistrySheet(context: Excel.RequestContext, draft: SheetDraft): Promise<void> {
  const worksheet = context.workbook.worksheets.add(draft.name);
  const { writeSheet } = await import('./draft');
  await writeSheet(worksheet, draft, new Map());
  worksheet.activate();
  await context.sync();
}
