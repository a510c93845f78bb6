/**
 * The registry as a sheet "Danh mục đơn vị" in the workbook: found by its name however it is
 * typed, read like a registry file, and written pre-filled from a registry for the user to edit.
 */
import type { Lang } from '../report/finding';
import { isCellError, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import type { RegistryCell } from './columns';
import { kindWordOf, plainWord } from './kinds';
import { registryFromRows, type UnitRegistry } from './registry';

export const registrySheetName = 'Danh mục đơn vị';

/** Names the sheet may have, as `sheetNameKey` gives them. */
const SHEET_NAMES = new Set([registrySheetName, 'Unit registry'].map(sheetNameKey));

/** "DANH MỤC ĐƠN VỊ", "Danh muc don vi" and "DanhMục_ĐơnVị" are one name. */
function sheetNameKey(name: string): string {
  return plainWord(name).replace(/ /g, '');
}

/** A sheet name that reads "Danh mục đơn vị" (or "Unit registry"), however it is typed. */
export function isRegistrySheetName(name: string): boolean {
  return SHEET_NAMES.has(sheetNameKey(name));
}

/** The workbook's registry sheet, the first whose name reads "Danh mục đơn vị". */
export function findRegistrySheet(workbook: WorkbookSnapshot): SheetSnapshot | undefined {
  return workbook.sheets.find((sheet) => isRegistrySheetName(sheet.name));
}

/** A sheet's value as a registry reads it: a date or an error cell as the text it shows. */
function registryCell(value: CellValue | undefined): RegistryCell {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number') {
    return value ?? null;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isCellError(value)) return value.error;
  return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
}

/**
 * The registry a "Danh mục đơn vị" sheet holds (STT | Tên đơn vị | Loại | Tên khác, viết tắt,
 * columns found by their header). Errors are RegistryError naming the sheet's row.
 */
export function registryFromSheet(sheet: SheetSnapshot): UnitRegistry {
  return registryFromRows(sheet.values.map((row) => Array.from(row, registryCell)));
}

const HEADERS: Readonly<Record<Lang, readonly [string, string, string, string]>> = {
  vi: ['STT', 'Tên đơn vị', 'Loại', 'Tên khác, viết tắt'],
  en: ['No.', 'Unit name', 'Kind', 'Other names, abbreviations'],
};

/**
 * The rows of a "Danh mục đơn vị" sheet holding the registry, header first: order, name, kind
 * word ("tổng hợp" for the consolidating unit), aliases joined by "; ". Read back, they give the
 * same registry. Names are data: a host writes them as text, never as formulas.
 */
export function registrySheetRows(registry: UnitRegistry, lang: Lang): (string | number)[][] {
  return [
    [...HEADERS[lang]],
    ...registry.units.map((unit) => [
      unit.order,
      unit.name,
      kindWordOf(unit.name === registry.consolidator ? 'consolidator' : unit.kind, unit.name, lang),
      unit.aliases.join('; '),
    ]),
  ];
}
