import type { CellValue, SheetSnapshot } from '../snapshot';
import { isCellError } from '../snapshot';
import { stripAccents } from '../values/text';
import type { AppendixTemplate, ColumnDef, Report } from './appendix';

/**
 * Finds an appendix table by its header texts, not by position: blank lines and titles above,
 * extra columns, one or two header rows with merged cells, typos in tone marks all allowed.
 */

/** Header rows are looked for in the first rows only: a table starts near the top. */
const headerSearchRows = 60;

export interface HeaderMatch {
  readonly template: AppendixTemplate;
  /** 1-based rows that form the header (one or two). */
  readonly headerRows: readonly number[];
  /** Template column key → 1-based sheet column. */
  readonly columns: ReadonlyMap<string, number>;
}

/** Accent-free, lower-case words separated by single spaces. */
export function headerKey(text: string): string {
  return stripAccents(text)
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** A column's header alternatives, spelled out once: each text of a merge is held against them all. */
interface Alternative {
  readonly length: number;
  /** The phrase without spaces, for a one-phrase alternative; undefined for several phrases. */
  readonly spaceless: string | undefined;
  /** Each phrase between spaces, to find it as whole words in a key between spaces. */
  readonly padded: readonly string[];
}

const alternativesOf = new WeakMap<ColumnDef, readonly Alternative[]>();

function alternatives(column: ColumnDef): readonly Alternative[] {
  let found = alternativesOf.get(column);
  if (!found) {
    found = column.header.map((phrases) => ({
      length: phrases.reduce((n, p) => n + p.length, 0),
      spaceless: phrases.length === 1 ? phrases[0]!.replace(/ /g, '') : undefined,
      padded: phrases.map((p) => ` ${p} `),
    }));
    alternativesOf.set(column, found);
  }
  return found;
}

/**
 * How well a header text names a column: 0 when it does not; else the length of its longest
 * matching alternative, doubled when the whole text is that alternative ("ST T" is "STT").
 */
function matchStrength(column: ColumnDef, key: string, spaceless: string, padded: string): number {
  let best = 0;
  for (const alternative of alternatives(column)) {
    const { length } = alternative;
    if (spaceless === alternative.spaceless) best = Math.max(best, 2 * length + 1);
    else if (alternative.padded.every((p) => padded.includes(p))) best = Math.max(best, length);
  }
  return best;
}

/** The columns of a template that a header key names, the strongest first. */
function columnsNamed(template: AppendixTemplate, key: string): readonly ColumnDef[] {
  if (key === '') return [];
  const spaceless = key.replace(/ /g, '');
  const padded = ` ${key} `;
  return template.columns
    .map((column, order) => ({ column, order, strength: matchStrength(column, key, spaceless, padded) }))
    .filter((m) => m.strength > 0)
    .sort((a, b) => b.strength - a.strength || a.order - b.order)
    .map((m) => m.column);
}

/**
 * A header text's key, and the columns it names in each template (SPEC: the longest matching
 * alternative takes the cell; a whole-text match beats a containing one), worked out once: the
 * key alone decides them, and the same header texts come back on every sheet of a merge.
 */
class FoldedHeader {
  private readonly named = new Map<AppendixTemplate, readonly ColumnDef[]>();

  constructor(readonly key: string) {}

  columns(template: AppendixTemplate): readonly ColumnDef[] {
    let named = this.named.get(template);
    if (named === undefined) this.named.set(template, (named = columnsNamed(template, this.key)));
    return named;
  }
}

/** Bounded: a merge of many units brings many unit names, each folded once. */
const cacheLimit = 20_000;
const byKey = new Map<string, FoldedHeader>();
const byText = new Map<string, FoldedHeader>();

function foldedKey(key: string): FoldedHeader {
  let folded = byKey.get(key);
  if (folded === undefined) {
    if (byKey.size >= cacheLimit) byKey.clear();
    byKey.set(key, (folded = new FoldedHeader(key)));
  }
  return folded;
}

/** Folding Vietnamese text is the costly part: each distinct text is folded once. */
function foldedText(text: string): FoldedHeader {
  let folded = byText.get(text);
  if (folded === undefined) {
    if (byText.size >= cacheLimit) byText.clear();
    byText.set(text, (folded = foldedKey(text === '' ? '' : headerKey(text))));
  }
  return folded;
}

function namedColumns(template: AppendixTemplate, text: string): readonly ColumnDef[] {
  return foldedText(text).columns(template);
}

function textOf(value: CellValue): string {
  if (value === null || isCellError(value) || value instanceof Date) return '';
  return String(value);
}

/**
 * Reads header cells through merged areas: a cell inside a merge shows the merge's top-left
 * text, as a reader of the printed table sees it.
 */
export class HeaderReader {
  /** Covered cell → the merge's top-left cell, both as `cellKey` numbers. */
  private readonly mergeOwner = new Map<number, number>();

  constructor(private readonly sheet: SheetSnapshot) {
    for (const m of sheet.merges ?? []) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r !== m.top || c !== m.left) this.mergeOwner.set(cellKey(r, c), cellKey(m.top, m.left));
        }
      }
    }
  }

  /** Text at a cell, taken from the merge's top-left cell when the cell is covered by one. */
  text(row: number, col: number): string {
    // Asked for every cell of every data row (repeated headers): no pair is made for the answer.
    const owner = this.mergeOwner.size === 0 ? undefined : this.mergeOwner.get(cellKey(row, col));
    if (owner === undefined) return textOf(this.sheet.values[row - 1]?.[col - 1] ?? null);
    return textOf(this.sheet.values[Math.floor(owner / maxColumns) - 1]?.[(owner % maxColumns) - 1] ?? null);
  }

  /** The same merged cell, seen from two positions. */
  sameCell(a: [number, number], b: [number, number]): boolean {
    const keyA = cellKey(...a);
    const keyB = cellKey(...b);
    return (this.mergeOwner.get(keyA) ?? keyA) === (this.mergeOwner.get(keyB) ?? keyB);
  }

  width(row: number): number {
    return this.sheet.values[row - 1]?.length ?? 0;
  }
}

/** Excel's last column is XFD, 16,384: row and column fit in one number. */
const maxColumns = 16_384;

function cellKey(row: number, col: number): number {
  return row * maxColumns + col;
}

/**
 * Each column's header text in a one- or two-row header, folded, 1-based: a lower cell that
 * repeats the merge above it is read once. The key of texts joined by a space is their keys
 * joined by a space, so each cell's text is folded once however it is combined.
 */
function columnHeaders(reader: HeaderReader, rows: readonly number[]): FoldedHeader[] {
  const width = Math.max(...rows.map((r) => reader.width(r)));
  const blank = foldedKey('');
  const headers: FoldedHeader[] = [blank];
  for (let col = 1; col <= width; col++) {
    let header = blank;
    rows.forEach((row, i) => {
      const repeatsAbove = i > 0 && reader.sameCell([rows[i - 1]!, col], [row, col]);
      const part = repeatsAbove ? blank : foldedText(reader.text(row, col));
      if (part.key !== '') header = header.key === '' ? part : foldedKey(`${header.key} ${part.key}`);
    });
    headers.push(header);
  }
  return headers;
}

/** Assigns template columns to the sheet columns of a header, given its columns' folded texts. */
function matchHeaders(template: AppendixTemplate, headers: readonly FoldedHeader[]): Map<string, number> {
  const found = new Map<string, number>();
  for (let col = 1; col < headers.length; col++) {
    // The strongest column named that is not taken yet.
    for (const column of headers[col]!.columns(template)) {
      if (found.has(column.key)) continue;
      found.set(column.key, col);
      break;
    }
  }
  return found;
}

function isComplete(template: AppendixTemplate, columns: ReadonlyMap<string, number>): boolean {
  return template.requiredKeys.every((k) => columns.has(k));
}

function isBlankRow(values: readonly CellValue[]): boolean {
  return values.every((v) => textOf(v).trim() === '');
}

/** The best header that starts at `row`, one or two rows high, for any appendix. */
export function headerAt(reader: HeaderReader, row: number, report: Report): HeaderMatch | undefined {
  let best: HeaderMatch | undefined;
  // The texts are the sheet's, the same for every appendix: read and folded once.
  const candidates = [[row], [row, row + 1]].map((rows) => ({ rows, headers: columnHeaders(reader, rows) }));
  for (const template of report.appendices) {
    for (const { rows, headers } of candidates) {
      const columns = matchHeaders(template, headers);
      if (!isComplete(template, columns)) continue;
      // The best header names the most columns; at equal count the first, shortest one wins.
      if (!best || columns.size > best.columns.size) best = { template, headerRows: rows, columns };
    }
  }
  return best;
}

/** The best header among the rows from `from` on, for any appendix; undefined when none. */
export function findHeader(sheet: SheetSnapshot, report: Report, from = 1): HeaderMatch | undefined {
  const reader = new HeaderReader(sheet);
  const last = Math.min(sheet.values.length, from + headerSearchRows - 1);
  let best: HeaderMatch | undefined;
  for (let row = from; row <= last; row++) {
    if (reader.width(row) === 0 || isBlankRow(sheet.values[row - 1]!)) continue;
    const found = headerAt(reader, row, report);
    if (found && (!best || found.columns.size > best.columns.size)) best = found;
    if (best && row > best.headerRows[best.headerRows.length - 1]! + 1) break;
  }
  return best;
}

/** What names a unit column in some appendix of the report: whole texts ("ten don vi"). */
interface UnitHeaders {
  readonly texts: ReadonlySet<string>;
  readonly firstLetters: ReadonlySet<string>;
  readonly shortest: number;
  readonly longest: number;
}

const unitHeaders = new WeakMap<Report, UnitHeaders>();

function unitHeadersOf(report: Report): UnitHeaders {
  let found = unitHeaders.get(report);
  if (!found) {
    const all = report.appendices.flatMap((a) => a.columns.filter((c) => c.type === 'unit'));
    const texts = new Set(all.flatMap((c) => c.header.filter((h) => h.length === 1).map((h) => h[0]!)));
    const lengths = [...texts].map((t) => t.length);
    found = {
      texts,
      firstLetters: new Set([...texts].map((t) => t[0]!)),
      shortest: Math.min(...lengths),
      longest: Math.max(0, ...lengths),
    };
    unitHeaders.set(report, found);
  }
  return found;
}

/** The first letter of a text, lower case and without its accent ("Đ" → "d"). */
function bareFirstLetter(text: string): string | undefined {
  const letter = /\p{L}/u.exec(text)?.[0];
  return letter === undefined ? undefined : letter.normalize('NFD')[0]!.toLowerCase().replace('đ', 'd');
}

/**
 * A row that may start another table: one of its cells is the unit column's header, which
 * every appendix has. Only texts of a header's length whose first letter fits are folded: marks,
 * numbers and unit names cost nothing.
 */
export function namesUnitColumn(values: readonly CellValue[], report: Report): boolean {
  const { texts, firstLetters, shortest, longest } = unitHeadersOf(report);
  return values.some((v) => {
    if (typeof v !== 'string' || v.length < shortest || v.length > longest + 12) return false;
    const first = bareFirstLetter(v);
    return first !== undefined && firstLetters.has(first) && texts.has(headerKey(v));
  });
}

/**
 * A data row that repeats the header (a page break pasted from Word): most of its cells name
 * the column they stand in.
 */
export function isRepeatedHeader(header: HeaderMatch, reader: HeaderReader, row: number): boolean {
  // Most data rows are numbers and marks: too few words to be a header, no need to read them.
  let wordy = 0;
  for (const col of header.columns.values()) if (/\p{L}{2}/u.test(reader.text(row, col))) wordy += 1;
  if (wordy < 3) return false;
  let hits = 0;
  for (const [key, col] of header.columns) {
    if (namedColumns(header.template, reader.text(row, col)).some((c) => c.key === key)) hits += 1;
  }
  return hits >= 3 && hits >= header.columns.size * 0.4;
}

/** A row of column numbers "(1) (2) (3) …" under the header, as official templates have. */
export function isColumnNumberRow(values: readonly CellValue[]): boolean {
  const texts = values
    .map(textOf)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return texts.length >= 3 && texts.every((t) => /^\(?\d{1,2}\)?$/.test(t) || /^\(?\d{1,2}\s*=/.test(t));
}
