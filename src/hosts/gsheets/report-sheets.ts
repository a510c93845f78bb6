import { definitionSheetName } from '../../core/definition';
import type { SheetDraft } from '../../core/merge/output';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { isRegistrySheetName } from '../../core/units/sheet';
import type { GsSheet, GsSpreadsheet, GsValue } from './apps-script';
import { writeSheet } from './draft';

/**
 * The two sheets that say which report and which unit list a spreadsheet is checked against: the
 * hidden "_soat_mau" (a stored definition) and "Danh mục đơn vị". One read batch each; one write batch to write one.
 */

function cellValue(value: GsValue): CellValue {
  return value === '' ? null : value;
}

function sheetSnapshot(sheet: GsSheet, name: string): SheetSnapshot {
  return {
    name,
    values: sheet
      .getDataRange()
      .getValues()
      .map((row) => row.map(cellValue)),
  };
}

/** The spreadsheet's definition sheet and unit list sheet, those it has, with their values. */
export function readReportSheets(spreadsheet: GsSpreadsheet): WorkbookSnapshot {
  const sheets = spreadsheet.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
  const registry = sheets.find(({ name }) => isRegistrySheetName(name))?.name;
  return {
    sheets: sheets
      .filter(({ name }) => name === definitionSheetName || name === registry)
      .map(({ sheet, name }) => sheetSnapshot(sheet, name)),
  };
}

/** Writes the definition sheet, replacing the one the spreadsheet has; it stays hidden. */
export function writeDefinitionSheet(spreadsheet: GsSpreadsheet, draft: SheetDraft): void {
  let sheet = spreadsheet.getSheetByName(draft.name);
  if (sheet === null) {
    const active = spreadsheet.getActiveSheet();
    sheet = spreadsheet.insertSheet(draft.name);
    writeSheet(sheet, draft, new Map());
    active.activate(); // inserting a sheet makes it the active one
    return;
  }
  sheet.getDataRange().clear();
  writeSheet(sheet, draft, new Map());
}

/** Adds the unit list sheet, which Sheets shows as it inserts it (the caller checked there is none). */
export function addRegistrySheet(spreadsheet: GsSpreadsheet, draft: SheetDraft): void {
  writeSheet(spreadsheet.insertSheet(draft.name), draft, new Map());
}
