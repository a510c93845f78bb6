/**
 * The workbooks a consolidator would have, made from the real report (test/fixtures/
 * seed-9T-2024.txt: tab-separated text as Word gave it, page breaks and typos included).
 * Pure: the caller passes the text in and gets file name → .xlsx bytes back.
 */
import * as ExcelJS from 'exceljs';
import { toBuffer } from '../src/hosts/xlsx/write';

export type SeedValue = string | number | null;

export type AppendixSheet = 'Phụ lục 1' | 'Phụ lục 2' | 'Phụ lục 3';

/**
 * - `data`: a unit's row (Phụ lục 3 continuation rows have blank STT and unit);
 * - `section`: Phụ lục 1's "I." / "II" rows, the section title in B;
 * - `repeated-header`: the header Word repeated after a page break.
 */
export type SeedRowKind = 'data' | 'section' | 'repeated-header';

export interface SeedRow {
  readonly kind: SeedRowKind;
  /** One value per table column, `width` long. */
  readonly cells: readonly SeedValue[];
  /** 1-based line of the seed text, to trace a row back. */
  readonly line: number;
}

export interface SeedAppendix {
  readonly sheet: AppendixSheet;
  /** Lines above the table: "PHỤ LỤC 2" and the title. */
  readonly titles: readonly string[];
  /** Number of table columns. */
  readonly width: number;
  /** One or two header rows, "" where a cell is covered by a merge. */
  readonly header: readonly (readonly string[])[];
  readonly rows: readonly SeedRow[];
  /** Lines below the table ("Ghi chú: …"). */
  readonly footnotes: readonly string[];
}

export interface SeedReport {
  readonly pl1: SeedAppendix;
  readonly pl2: SeedAppendix;
  readonly pl3: SeedAppendix;
}

/** A plain decimal number as a unit would type it; "1,5", "2-3", "86-99" are not. */
const plainNumber = /^-?\d+(?:\.\d+)?$/;

/** Numeric-looking text becomes a number, everything else stays as typed; "" is an empty cell. */
export function seedValue(text: string, keepText = false): SeedValue {
  if (text.trim() === '') return null;
  if (!keepText && plainNumber.test(text.trim())) return Number(text.trim());
  return text;
}

const appendixHeading = /^PHỤ LỤC\s*([123])\b/u;
/** The STT header label, "STT" or Word's broken "ST T". */
const sttLabel = /^S\s*T\s*T$/iu;
const romanSection = /^[IVX]+\.?$/u;

interface Line {
  readonly text: string;
  readonly number: number;
}

function sectionLines(text: string): Map<AppendixSheet, Line[]> {
  const sections = new Map<AppendixSheet, Line[]>();
  let current: Line[] | undefined;
  text.split(/\r?\n/).forEach((line, index) => {
    const heading = appendixHeading.exec(line);
    if (heading) {
      current = [];
      sections.set(`Phụ lục ${heading[1]}` as AppendixSheet, current);
    }
    current?.push({ text: line, number: index + 1 });
  });
  return sections;
}

/** Title lines; Word's export glued PL1's title to its heading with bold markers ("1**DANH …**"). */
function titleLines(text: string): string[] {
  return text
    .split('**')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function padded(cells: readonly string[], width: number): string[] {
  return Array.from({ length: Math.max(width, cells.length) }, (_, i) => cells[i] ?? '');
}

function parseAppendix(sheet: AppendixSheet, lines: readonly Line[]): SeedAppendix {
  const titles: string[] = [];
  const footnotes: string[] = [];
  const header: string[][] = [];
  const rows: SeedRow[] = [];
  const tableLines = lines.filter((l) => l.text.includes('\t'));
  const first = tableLines[0];
  if (first === undefined) throw new Error(`${sheet}: no table in the seed`);
  const width = first.text.split('\t').length;
  /** Phụ lục 3's date column stays text as typed: "7/1/2020", "T10/2022", "2023". */
  const textColumn = sheet === 'Phụ lục 3' ? 3 : -1;

  for (const line of lines) {
    if (!line.text.includes('\t')) {
      if (line.text.trim() === '') continue;
      (rows.length === 0 && header.length === 0 ? titles : footnotes).push(...titleLines(line.text));
      continue;
    }
    const fields = padded(line.text.split('\t'), width);
    const stt = (fields[0] ?? '').trim();
    if (header.length === 0) {
      header.push(fields);
    } else if (rows.length === 0 && stt === '' && fields.every((f) => !plainNumber.test(f.trim()))) {
      // The header's lower row (sub-headers under merged group titles) comes before any data.
      header.push(fields);
    } else if (sttLabel.test(stt)) {
      rows.push({ kind: 'repeated-header', cells: fields.map((f) => seedValue(f, true)), line: line.number });
    } else if (sheet === 'Phụ lục 1' && romanSection.test(stt)) {
      rows.push({ kind: 'section', cells: fields.map((f) => seedValue(f, true)), line: line.number });
    } else {
      const cells = fields.map((f, i) => seedValue(f, i === textColumn));
      rows.push({ kind: 'data', cells, line: line.number });
    }
  }
  return { sheet, titles, width, header, rows, footnotes };
}

export function parseSeed(text: string): SeedReport {
  const sections = sectionLines(text);
  const appendix = (sheet: AppendixSheet): SeedAppendix => {
    const lines = sections.get(sheet);
    if (lines === undefined) throw new Error(`The seed has no ${sheet}`);
    return parseAppendix(sheet, lines);
  };
  return { pl1: appendix('Phụ lục 1'), pl2: appendix('Phụ lục 2'), pl3: appendix('Phụ lục 3') };
}

// ---------------------------------------------------------------------------------------------
// Units: one per Phụ lục 2 row or Phụ lục 3 group, the same unit matched across the two.

export interface SeedUnit {
  /** As written in Phụ lục 2, else as in Phụ lục 3. */
  readonly name: string;
  /** File-name slug of `name`: "so-du-lich". */
  readonly slug: string;
  readonly pl2?: SeedRow;
  /** The unit's Phụ lục 3 rows: the first names it, the rest continue it (blank STT and unit). */
  readonly pl3: readonly SeedRow[];
}

/** "Sở Du lịch" → "so-du-lich"; "Sở LĐ-TB&XH" → "so-ld-tb-xh". */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The abbreviations the seed itself uses for the same unit in different appendices. */
const abbreviations: readonly [RegExp, string][] = [
  [/^ubnd /u, 'ủy ban nhân dân '],
  [/^bql /u, 'ban quản lý '],
  [/ nhnn /u, ' ngân hàng nhà nước '],
  [/ lđ-tb&xh$/u, ' lao động - thương binh và xã hội'],
  [/ thông tin và tt$/u, ' thông tin và truyền thông'],
  [/ và ptnt$/u, ' và phát triển nông thôn'],
  [/ hp$/u, ' hải phòng'],
];

/** Same key for the same unit however the seed wrote it. */
export function unitKey(name: string): string {
  let key = name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [short, long] of abbreviations) key = key.replace(short, long);
  return key.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function unitName(row: SeedRow): string | undefined {
  const name = row.cells[1];
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

/** Phụ lục 3 data rows grouped by unit: a named row starts a group, blank-unit rows continue it. */
function pl3Groups(pl3: SeedAppendix): { name: string; rows: SeedRow[] }[] {
  const groups: { name: string; rows: SeedRow[] }[] = [];
  for (const row of pl3.rows) {
    if (row.kind !== 'data') continue;
    const name = unitName(row);
    if (name !== undefined) groups.push({ name, rows: [row] });
    else groups.at(-1)?.rows.push(row);
  }
  return groups;
}

/** Units in Phụ lục 2 order, then those found only in Phụ lục 3, in their order. */
export function seedUnits(seed: SeedReport): SeedUnit[] {
  const groups = new Map(pl3Groups(seed.pl3).map((g) => [unitKey(g.name), g]));
  const units: SeedUnit[] = [];
  const slugs = new Set<string>();
  const add = (name: string, pl2: SeedRow | undefined, pl3: readonly SeedRow[]): void => {
    let slug = slugOf(name);
    for (let n = 2; slugs.has(slug); n++) slug = `${slugOf(name)}-${n}`;
    slugs.add(slug);
    units.push(pl2 === undefined ? { name, slug, pl3 } : { name, slug, pl2, pl3 });
  };
  for (const row of seed.pl2.rows) {
    const name = row.kind === 'data' ? unitName(row) : undefined;
    if (name === undefined) continue;
    const key = unitKey(name);
    add(name, row, groups.get(key)?.rows ?? []);
    groups.delete(key);
  }
  for (const group of groups.values()) add(group.name, undefined, group.rows);
  return units;
}

// ---------------------------------------------------------------------------------------------
// Workbooks: the sheets laid out as the seed shows them, readable by a reviewer.

/** Column widths (characters) per appendix, for reading, not for any check. */
const columnWidths: Record<AppendixSheet, readonly number[]> = {
  'Phụ lục 1': [7, 48, 16],
  'Phụ lục 2': [5, 30, 13, 11, 12, 12, 13, 12, 13, 12, 16, 11, 11, 11, 16, 18, 22],
  'Phụ lục 3': [6, 34, 72, 14],
};

const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const headerStyle: Partial<ExcelJS.Style> = {
  font: { bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: box,
};
/** Names and model texts read left to right; numbers, flags and dates sit in the middle. */
const textStyle: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true }, border: box };
const centredStyle: Partial<ExcelJS.Style> = {
  alignment: { horizontal: 'center', vertical: 'top', wrapText: true },
  border: box,
};
const textColumns: Record<AppendixSheet, readonly number[]> = {
  'Phụ lục 1': [2],
  'Phụ lục 2': [2],
  'Phụ lục 3': [2, 3],
};

/** Points per wrapped line of 11-pt Calibri. */
const lineHeight = 15;

/**
 * A height that shows wrapped text whole: Excel does not fit row heights when it opens a file.
 * `fill` is how many characters of the text fit in one character of column width (bold fits fewer).
 */
function fitHeight(row: ExcelJS.Row, texts: readonly SeedValue[], widths: readonly number[], fill = 1): void {
  let lines = 1;
  texts.forEach((text, i) => {
    if (typeof text !== 'string') return;
    const perLine = Math.max(1, (widths[i] ?? 10) * fill);
    const needed = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  if (lines > 1) row.height = lines * lineHeight + 2;
}

/** Merges of a two-row header: a group title across its sub-headers, a lone title down both rows. */
export function headerMerges(
  header: readonly (readonly string[])[],
): { top: number; left: number; bottom: number; right: number }[] {
  const [upper, lower] = header;
  if (upper === undefined || lower === undefined) return [];
  const merges: { top: number; left: number; bottom: number; right: number }[] = [];
  for (let c = 0; c < upper.length; c++) {
    if ((upper[c] ?? '') === '') continue;
    let right = c;
    while (right + 1 < upper.length && (upper[right + 1] ?? '') === '' && (lower[right + 1] ?? '') !== '') right++;
    if (right > c) merges.push({ top: 1, left: c + 1, bottom: 1, right: right + 1 });
    else if ((lower[c] ?? '') === '') merges.push({ top: 1, left: c + 1, bottom: 2, right: c + 1 });
  }
  return merges;
}

interface SheetContent {
  readonly titles: readonly string[];
  readonly rows: readonly SeedRow[];
  readonly footnotes: readonly string[];
}

function addMergedLine(
  sheet: ExcelJS.Worksheet,
  text: string,
  widths: readonly number[],
  style: Partial<ExcelJS.Style>,
): void {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, widths.length);
  row.getCell(1).style = style;
  fitHeight(row, [text], [widths.reduce((a, b) => a + b, 0)], style.font?.bold === true ? 0.75 : 0.95);
}

function addAppendixSheet(workbook: ExcelJS.Workbook, appendix: SeedAppendix, content: SheetContent): void {
  const { width } = appendix;
  const widths = columnWidths[appendix.sheet];
  const sheet = workbook.addWorksheet(appendix.sheet, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: appendix.sheet === 'Phụ lục 1' ? 'portrait' : 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = widths.map((w) => ({ width: w }));
  /** `style` for every cell of the row, or undefined for the body style of each column. */
  const styleRow = (row: ExcelJS.Row, cells: readonly SeedValue[], style?: Partial<ExcelJS.Style>): void => {
    for (let c = 1; c <= width; c++) {
      const body = textColumns[appendix.sheet].includes(c) ? textStyle : centredStyle;
      row.getCell(c).style = style ?? body;
    }
    fitHeight(row, cells, widths, style === headerStyle ? 0.8 : 0.95);
  };

  for (const title of content.titles) {
    addMergedLine(sheet, title, widths, {
      font: { bold: true, size: 12 },
      alignment: { horizontal: 'center', wrapText: true },
    });
  }
  if (content.titles.length > 0) sheet.addRow([]);

  const headerTop = sheet.rowCount + 1;
  for (const fields of appendix.header)
    styleRow(sheet.addRow(fields.map((f) => seedValue(f, true))), fields, headerStyle);
  for (const m of headerMerges(appendix.header)) {
    sheet.mergeCells(headerTop + m.top - 1, m.left, headerTop + m.bottom - 1, m.right);
  }

  for (const row of content.rows) {
    const style = row.kind === 'repeated-header' ? headerStyle : undefined;
    styleRow(sheet.addRow([...row.cells]), row.cells, style);
  }

  if (content.footnotes.length > 0) sheet.addRow([]);
  for (const note of content.footnotes) {
    addMergedLine(sheet, note, widths, { font: { italic: true }, alignment: { vertical: 'top', wrapText: true } });
  }
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Soát seed fixtures';
  // Fixed dates keep the generated files the same from one run to the next.
  workbook.created = workbook.modified = new Date(Date.UTC(2024, 9, 15));
  return workbook;
}

export function buildReportWorkbook(seed: SeedReport): ExcelJS.Workbook {
  const workbook = newWorkbook();
  for (const appendix of [seed.pl1, seed.pl2, seed.pl3]) addAppendixSheet(workbook, appendix, appendix);
  return workbook;
}

/** The unit's own file: its Phụ lục 2 row as row 1, its Phụ lục 3 rows when it has any. */
export function buildUnitWorkbook(seed: SeedReport, unit: SeedUnit): ExcelJS.Workbook {
  const workbook = newWorkbook();
  const renumbered = (row: SeedRow): SeedRow => ({ ...row, cells: [1, ...row.cells.slice(1)] });
  const pl2Rows = unit.pl2 === undefined ? [] : [renumbered(unit.pl2)];
  addAppendixSheet(workbook, seed.pl2, { titles: seed.pl2.titles, rows: pl2Rows, footnotes: [] });
  if (unit.pl3.length > 0) {
    const [first, ...rest] = unit.pl3;
    const rows = first === undefined ? [] : [renumbered(first), ...rest];
    addAppendixSheet(workbook, seed.pl3, { titles: [], rows, footnotes: [] });
  }
  return workbook;
}

export const reportFileName = 'seed-report.xlsx';

export function unitFileName(unit: SeedUnit): string {
  return `unit-${unit.slug}.xlsx`;
}

/** File name → .xlsx bytes: "seed-report.xlsx", then one "unit-….xlsx" per unit. */
export async function buildSeedWorkbooks(text: string): Promise<Map<string, Buffer>> {
  const seed = parseSeed(text);
  const files = new Map<string, Buffer>();
  files.set(reportFileName, await toBuffer(buildReportWorkbook(seed)));
  for (const unit of seedUnits(seed)) files.set(unitFileName(unit), await toBuffer(buildUnitWorkbook(seed, unit)));
  return files;
}
