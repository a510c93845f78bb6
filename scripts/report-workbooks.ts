/**
 * Unit workbooks of any report, made the way units make them: the consolidator's template
 * (`soat template`: the report's appendices, its unit list and, out of sight, its definition),
 * filled in row by row. Pure: the caller passes the report, the unit list and each unit's rows,
 * and gets file name → .xlsx bytes back.
 */
import * as ExcelJS from 'exceljs';
import { unitWorkbookDraft } from '../src/core/merge/template';
import type { SheetDraft } from '../src/core/merge/output';
import type { Lang } from '../src/core/report/finding';
import type { AppendixTemplate, ColumnDef, Report } from '../src/core/templates/appendix';
import type { UnitRegistry } from '../src/core/units/registry';
import { workbookFromDraft } from '../src/hosts/xlsx/draft';
import { toBuffer } from '../src/hosts/xlsx/write';

/** What a unit types in a cell: a number, text as typed ("2-3", "T7/2025"), a date, or nothing. */
export type UnitValue = string | number | Date | null;

/**
 * One row a unit fills in, by column key. A ratio column left out keeps the template's formula
 * (with the result Excel would save); given, even as null, it is what the unit typed over it.
 */
export type UnitRow = Readonly<Record<string, UnitValue>>;

export interface UnitFile {
  /** The file name the unit sends: "unit-so-tai-chinh.xlsx". */
  readonly file: string;
  /** The unit's rows of each appendix, by appendix id; an appendix left out stays blank. */
  readonly rows: Readonly<Record<string, readonly UnitRow[]>>;
}

/** Excel's ROUND: half away from zero, at 2 decimals here. */
function round2(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-9)) / 100;
}

/**
 * What Excel saves as the result of the template's ratio formula, `IF(total>0,ROUND(part/total*
 * 100,2),"")`: blank while the total is blank or not positive, #VALUE! when a count is text.
 */
export function ratioResult(part: UnitValue, total: UnitValue): number | string | ExcelJS.CellErrorValue {
  if (total === null || (typeof total === 'number' && total <= 0)) return '';
  if (typeof total !== 'number' || (part !== null && typeof part !== 'number')) return { error: '#VALUE!' };
  return round2(((part ?? 0) / total) * 100);
}

/** Writes one unit's row over the template's blank row `rowNumber`. */
function fillRow(sheet: ExcelJS.Worksheet, template: AppendixTemplate, rowNumber: number, row: UnitRow): void {
  for (const key of Object.keys(row)) {
    if (!template.byKey.has(key)) throw new Error(`${template.id} has no column ${key}`);
  }
  template.columns.forEach((column: ColumnDef, i) => {
    const cell = sheet.getCell(rowNumber, i + 1);
    if (column.key in row) {
      const value = row[column.key] ?? null;
      cell.value = value;
      // Excel formats a typed date as one; the template's style object is shared, so copy it.
      if (value instanceof Date) cell.style = { ...cell.style, numFmt: 'dd/mm/yyyy' };
    } else if (column.ratio && typeof cell.formula === 'string') {
      const result = ratioResult(row[column.ratio.part] ?? null, row[column.ratio.total] ?? null);
      cell.value = { formula: cell.formula, result } as ExcelJS.CellFormulaValue;
    }
  });
}

/** The first data row of a template sheet: the row under its frozen title and header. */
function firstDataRow(draft: SheetDraft): number {
  return (draft.frozenRows ?? 0) + 1;
}

/** The template as `soat template` writes it, with the unit's rows typed in. */
export function filledUnitWorkbook(
  report: Report,
  registry: UnitRegistry,
  unit: UnitFile,
  lang: Lang = 'vi',
): ExcelJS.Workbook {
  const draft = unitWorkbookDraft(report, registry, lang);
  const workbook = workbookFromDraft(draft, ExcelJS.Workbook);
  // Fixed dates keep the generated files the same from one run to the next.
  workbook.created = workbook.modified = new Date(Date.UTC(2025, 9, 10));
  for (const id of Object.keys(unit.rows)) {
    const template = report.appendices.find((a) => a.id === id);
    if (template === undefined) throw new Error(`${unit.file}: the report has no appendix ${id}`);
    const sheetDraft = draft.sheets.find((s) => s.name === template.sheetName);
    const sheet = workbook.getWorksheet(template.sheetName);
    if (sheetDraft === undefined || sheet === undefined)
      throw new Error(`${unit.file}: appendix ${id} has no sheet in the template`);
    const first = firstDataRow(sheetDraft);
    (unit.rows[id] ?? []).forEach((row, i) => fillRow(sheet, template, first + i, row));
  }
  return workbook;
}

/** File name → .xlsx bytes, one per unit file, in the order given. */
export async function unitWorkbookFiles(
  report: Report,
  registry: UnitRegistry,
  units: readonly UnitFile[],
  lang: Lang = 'vi',
): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const unit of units) {
    if (files.has(unit.file)) throw new Error(`${unit.file} is given twice`);
    files.set(unit.file, await toBuffer(filledUnitWorkbook(report, registry, unit, lang)));
  }
  return files;
}
