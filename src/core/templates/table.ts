import { columnLetter } from '../address';
import type { CellValue, SheetSnapshot } from '../snapshot';
import { isCellError } from '../snapshot';
import { stripAccents } from '../values/text';
import type { AppendixTemplate, Report } from './appendix';
import type { HeaderMatch } from './header';
import type { Cell } from './row-cells';
import type { RowLayout } from './row-cells';
import { RowCells } from './row-cells';
import { findHeader, headerAt, HeaderReader, isColumnNumberRow, isRepeatedHeader, namesUnitColumn } from './header';

export type { Cell } from './row-cells';

export interface DataRow {
  readonly row: number;
  /** Template column key → cell; a column missing from the sheet is absent. */
  readonly cells: ReadonlyMap<string, Cell>;
  /** A submissions appendix (Phụ lục 1) only: the section the row belongs to. */
  readonly section?: 'submitted' | 'not-submitted';
}

/** An appendix table found on a sheet, its data rows typed by template column. */
export interface Table {
  readonly sheet: string;
  readonly template: AppendixTemplate;
  readonly header: HeaderMatch;
  readonly rows: readonly DataRow[];
  /** Rows that repeat the header inside the data (page breaks pasted from Word). */
  readonly repeatedHeaderRows: readonly number[];
}

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function plainText(value: CellValue | undefined): string {
  if (value === null || value === undefined || isCellError(value) || value instanceof Date) return '';
  return String(value);
}

/** A footnote or signature line after a table: not data, nothing to report. */
const notePrefixes = ['ghi chu', 'chu thich', 'chu y', 'noi nhan', 'nguoi lap', '(*)', 'dau (*)'];

function isNoteRow(values: readonly CellValue[]): boolean {
  const text = onlyText(values);
  if (text === undefined) return false;
  const key = stripAccents(text);
  return notePrefixes.some((p) => key.startsWith(p));
}

/** The text of a row that has exactly one non-blank cell; undefined for any other row. */
function onlyText(values: readonly CellValue[]): string | undefined {
  let found: string | undefined;
  for (const value of values) {
    if (isBlank(value)) continue;
    if (found !== undefined) return undefined; // a data row: stop at its second cell
    found = plainText(value);
  }
  return found !== undefined && found.trim() !== '' ? found : undefined;
}

/** Submissions section rows: "I. Các đơn vị đã gửi báo cáo", "II Các đơn vị chưa gửi báo cáo". */
function sectionOf(stt: CellValue | undefined, name: CellValue | undefined): DataRow['section'] | undefined {
  const roman = /^\s*(I{1,3}|IV|V)\s*[.)]?\s*$/i.test(plainText(stt));
  const key = stripAccents(plainText(name));
  if (key.includes('chua gui')) return 'not-submitted';
  if (key.includes('da gui')) return 'submitted';
  return roman ? 'submitted' : undefined;
}

/**
 * Reads the data rows under a header, up to the end of the sheet or to the header of another
 * appendix (a whole report pasted from Word into one sheet); `next` is that header.
 */
export function readTable(
  sheet: SheetSnapshot,
  header: HeaderMatch,
  report: Report,
): { table: Table; next?: HeaderMatch } {
  const reader = new HeaderReader(sheet);
  const rows: DataRow[] = [];
  const repeatedHeaderRows: number[] = [];
  const firstDataRow = header.headerRows[header.headerRows.length - 1]! + 1;
  const { sttKey, unitKey } = header.template;
  const isSubmissions = header.template.shape === 'submissions';
  let section: DataRow['section'] = isSubmissions ? 'submitted' : undefined;
  const columns = [...header.columns].map(([key, col]) => ({ key, col }));
  const layout: RowLayout = {
    index: new Map(columns.map(({ key }, slot) => [key, slot])),
    columns: columns.map(({ col }) => col),
    letters: columns.map(({ col }) => columnLetter(col)),
  };

  for (let row = firstDataRow; row <= sheet.values.length; row++) {
    const values = sheet.values[row - 1] ?? [];
    const at = (key: string | undefined): CellValue | undefined => {
      const col = key === undefined ? undefined : header.columns.get(key);
      return col === undefined ? undefined : values[col - 1];
    };
    if (columns.every(({ col }) => isBlank(values[col - 1]))) continue;
    if (row === firstDataRow && isColumnNumberRow(values)) continue;
    if (isNoteRow(values)) continue;
    if (isRepeatedHeader(header, reader, row)) {
      repeatedHeaderRows.push(row);
      continue;
    }
    const next = namesUnitColumn(values, report) ? headerAt(reader, row, report) : undefined;
    if (next) {
      dropTitles(rows, sheet);
      return { table: { sheet: sheet.name, template: header.template, header, rows, repeatedHeaderRows }, next };
    }
    if (isSubmissions) {
      const heading = sectionOf(at(sttKey), at(unitKey));
      if (heading && (/^\s*[IV]+\b/i.test(plainText(at(sttKey))) || isBlank(at(sttKey)))) {
        section = heading;
        continue;
      }
    }
    const cells = new RowCells(layout, row, values, sheet.numberFormats?.[row - 1], sheet.formulas?.[row - 1]);
    rows.push(section ? { row, cells, section } : { row, cells });
  }
  return { table: { sheet: sheet.name, template: header.template, header, rows, repeatedHeaderRows } };
}

/** "PHỤ LỤC 3" and the title under it, read as rows of the table above until its header came. */
function dropTitles(rows: DataRow[], sheet: SheetSnapshot): void {
  while (rows.length > 0 && isTitleRow(sheet.values[rows[rows.length - 1]!.row - 1] ?? [])) rows.pop();
}

function isTitleRow(values: readonly CellValue[]): boolean {
  const text = onlyText(values);
  if (text === undefined) return false;
  return stripAccents(text).startsWith('phu luc') || (/\p{Lu}/u.test(text) && text === text.toLocaleUpperCase('vi'));
}

/** The appendix tables of a sheet, top to bottom; none when the sheet holds no appendix. */
export function findTables(sheet: SheetSnapshot, report: Report): Table[] {
  const tables: Table[] = [];
  let header = findHeader(sheet, report);
  while (header) {
    const { table, next } = readTable(sheet, header, report);
    tables.push(table);
    header = next;
  }
  return tables;
}
