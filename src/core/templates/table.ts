import { columnLetter } from '../address';
import type { CellValue, SheetSnapshot } from '../snapshot';
import { isCellError } from '../snapshot';
import { stripAccents } from '../values/text';
import type { AppendixTemplate } from './appendix';
import type { HeaderMatch } from './header';
import { findHeader, HeaderReader, isColumnNumberRow, isRepeatedHeader } from './header';

/** One cell of a data row, as a rule reads it. */
export interface Cell {
  readonly address: string;
  readonly row: number;
  readonly column: string;
  readonly value: CellValue;
  readonly numberFormat: string | undefined;
  readonly formula: string | undefined;
}

export interface DataRow {
  readonly row: number;
  /** Template column key → cell; a column missing from the sheet is absent. */
  readonly cells: ReadonlyMap<string, Cell>;
  /** Phụ lục 1 only: the section the row belongs to. */
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
  const texts = values.map(plainText).filter((t) => t.trim() !== '');
  if (texts.length !== 1) return false;
  const key = stripAccents(texts[0]!);
  return notePrefixes.some((p) => key.startsWith(p));
}

/** Phụ lục 1 section rows: "I. Các đơn vị đã gửi báo cáo", "II Các đơn vị chưa gửi báo cáo". */
function sectionOf(stt: CellValue | undefined, name: CellValue | undefined): DataRow['section'] | undefined {
  const roman = /^\s*(I{1,3}|IV|V)\s*[.)]?\s*$/i.test(plainText(stt));
  const key = stripAccents(plainText(name));
  if (key.includes('chua gui')) return 'not-submitted';
  if (key.includes('da gui')) return 'submitted';
  return roman ? 'submitted' : undefined;
}

export function readTable(sheet: SheetSnapshot, header: HeaderMatch): Table {
  const reader = new HeaderReader(sheet);
  const rows: DataRow[] = [];
  const repeatedHeaderRows: number[] = [];
  const firstDataRow = header.headerRows[header.headerRows.length - 1]! + 1;
  const isPhuLuc1 = header.template.id === 'PL1';
  let section: DataRow['section'] = isPhuLuc1 ? 'submitted' : undefined;
  const columns = [...header.columns].map(([key, col]) => ({ key, col, letter: columnLetter(col) }));

  for (let row = firstDataRow; row <= sheet.values.length; row++) {
    const values = sheet.values[row - 1] ?? [];
    const at = (key: string): CellValue | undefined => {
      const col = header.columns.get(key);
      return col === undefined ? undefined : values[col - 1];
    };
    if ([...header.columns.values()].every((col) => isBlank(values[col - 1]))) continue;
    if (row === firstDataRow && isColumnNumberRow(values)) continue;
    if (isNoteRow(values)) continue;
    if (isRepeatedHeader(header, reader, row)) {
      repeatedHeaderRows.push(row);
      continue;
    }
    if (isPhuLuc1) {
      const heading = sectionOf(at('A'), at('B'));
      if (heading && (/^\s*[IV]+\b/i.test(plainText(at('A'))) || isBlank(at('A')))) {
        section = heading;
        continue;
      }
    }
    const cells = new Map<string, Cell>();
    for (const { key, col, letter } of columns) {
      cells.set(key, {
        address: `${letter}${row}`,
        row,
        column: letter,
        value: values[col - 1] ?? null,
        numberFormat: sheet.numberFormats?.[row - 1]?.[col - 1],
        formula: sheet.formulas?.[row - 1]?.[col - 1],
      });
    }
    rows.push(section ? { row, cells, section } : { row, cells });
  }
  return { sheet: sheet.name, template: header.template, header, rows, repeatedHeaderRows };
}

/** The appendix table of a sheet, or undefined when the sheet holds none. */
export function findTable(sheet: SheetSnapshot): Table | undefined {
  const header = findHeader(sheet);
  return header ? readTable(sheet, header) : undefined;
}
