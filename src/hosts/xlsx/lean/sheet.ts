import { address as a1, columnLetter, columnNumber, parseAddress } from '../../../core/address';
import type { CellValue, MergedArea, SheetSnapshot } from '../../../core/snapshot';
import type { FormulaValue } from '../formula-result';
import { formulaResult } from '../formula-result';
import type { ReadLimits } from '../limits';
import { tooLarge } from '../limits';
import type { SharedString } from './shared-strings';
import type { CellStyle } from './styles';
import { runText } from './runs';
import { decodeEntitiesAgain } from './text';
import { decimal, integer } from './number-text';
import { CellReference } from './reference';
import { XmlScanner, Token } from './xml';

/**
 * One pass over a worksheet part into the core's SheetSnapshot, reading each cell as ExcelJS 4.4
 * with Soát's two corrections (invalid dates keep their value, notes on cells the XML leaves
 * out are kept) would, so that both readers give the same snapshot.
 */

/** What the sheet part does not hold itself. */
export interface SheetContext {
  readonly name: string;
  /** Undefined when the package has no shared strings part. */
  readonly strings: readonly SharedString[] | undefined;
  /** Undefined when the package has no styles part. */
  readonly styles: readonly (CellStyle | undefined)[] | undefined;
  readonly date1904: boolean;
  readonly limits: ReadLimits;
  readonly fileName: string | undefined;
  /** Note text by the reference its comment names. */
  readonly comments: ReadonlyMap<string, string>;
  /** Targets of the sheet's relationships, by Id (hyperlinks name theirs). */
  readonly relationships: ReadonlyMap<string, unknown>;
}

/** A package part that ExcelJS would fail to load: the file is reported as corrupt. */
export class CorruptPartError extends Error {
  override readonly name = 'CorruptPartError';
}

const maxColumn = 16384;

/** The children of `<worksheet>` a snapshot reads; the others are skipped whole. */
const enum Section {
  None,
  SheetData,
  Cols,
  MergeCells,
  Hyperlinks,
}

function sectionOf(name: string): Section {
  if (name === 'sheetData') return Section.SheetData;
  if (name === 'cols') return Section.Cols;
  if (name === 'mergeCells') return Section.MergeCells;
  if (name === 'hyperlinks') return Section.Hyperlinks;
  return Section.None;
}

/** The attributes read of a `<row>` and of a `<c>`, by slot. */
const rowAttributes = ['r', 's'];
const cellAttributes = ['r', 's', 't'];
const R = 0;
const S = 1;
const T = 2;
/** The attributes read of an `<f>`, by slot. */
const formulaAttributes = ['t', 'si', 'ref'];
const SHARE_TYPE = 0;
const SHARED_INDEX = 1;
const SHARED_REF = 2;
const keyOf = (row: number, col: number): number => row * (maxColumn + 1) + col;

const excelDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

/** A value in a date-formatted cell becomes a Date, unless it makes no date: then it stays as it is. */
function asDate<T>(value: T, date1904: boolean): T | Date {
  const date = excelDate(Number(value), date1904);
  return Number.isNaN(date.getTime()) ? value : date;
}

/** ExcelJS's plainValue for what a hyperlink cell shows. */
function shownValue(value: CellValue | undefined): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !(value instanceof Date) && typeof value.error !== 'string') return null;
  return value;
}

/** ExcelJS's translation of a shared formula from its master cell to another. */
export function slideFormula(formula: string, from: string, to: string): string {
  const f = parseAddress(from);
  const t = parseAddress(to);
  return formula.replace(
    /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi,
    (match: string, sheet: string | undefined, _s: string, part: string, paren: string | undefined) => {
      if (paren) return match;
      const ref = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(part);
      if (!ref) return match;
      const letters = ref[2]!.toUpperCase();
      if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return match;
      let col = columnNumber(letters);
      let row = parseInt(ref[4]!, 10);
      if (!ref[1]) col += t.col - f.col;
      if (!ref[3]) row += t.row - f.row;
      if (col < 1 || col > maxColumn)
        throw new Error(`${col} is out of bounds. Excel supports columns from 1 to 16384`);
      return (sheet || '') + (ref[1] || '') + columnLetter(col) + (ref[3] || '') + row;
    },
  );
}

function place<T>(row: T[], index: number, item: T, gap: T): void {
  while (row.length < index) row.push(gap);
  row[index] = item;
}

interface ColumnStyle {
  readonly min: number;
  readonly max: number;
  readonly style: CellStyle;
}

/** The cell being read between `<c>` and `</c>`. */
class CellReader {
  /** Where the row element places it. */
  row = 0;
  col = 0;
  /** The row its own reference names, which its address shows. */
  addressRow = 0;
  /** The sheet's notes name it. */
  hasNote = false;
  type: string | undefined;
  styleId = 0;
  formula: string | undefined;
  shareType: string | undefined;
  sharedIndex: string | undefined;
  sharedRef: string | undefined;
  text: string | undefined;
  runs: string[] | undefined;

  /** A new cell; its type and style are set next. */
  reset(row: number, col: number, addressRow: number, hasNote: boolean): void {
    this.row = row;
    this.col = col;
    this.addressRow = addressRow;
    this.hasNote = hasNote;
    this.formula = undefined;
    this.shareType = undefined;
    this.sharedIndex = undefined;
    this.sharedRef = undefined;
    this.text = undefined;
    this.runs = undefined;
  }

  /** Built only for shared formulas and errors: most cells never need it. */
  address(): string {
    return a1(this.addressRow, this.col);
  }
}

export function readSheetPart(xml: string, context: SheetContext): SheetSnapshot {
  const { limits, date1904, strings, styles, comments } = context;
  const scanner = new XmlScanner(xml);
  const values: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  const formulas: (string | undefined)[][] = [];
  const fills = new Map<number, string>();
  /** Cells that hold a formula, by key. */
  const formulaKeys = new Set<number>();
  let maxRow = 0;
  let cells = 0;
  /** Formula cells saved without a result, worked out once the whole sheet is known. */
  const uncached = new Map<number, string | undefined>();
  /** Masters of shared formulas by their index: address and formula. */
  const masters = new Map<string, { address: string; formula: string | undefined }>();
  /** Cells the XML lists, by key, kept only for the addresses a note or a merge may need. */
  const listed = new Map<number, boolean>();
  const columnStyles: ColumnStyle[] = [];
  const rowStyles = new Map<number, CellStyle>();
  const mergeRefs: string[] = [];
  const hyperlinks: string[] = [];
  const cell = new CellReader();
  let previousCol = 0;

  const styleOf = (id: number): CellStyle | undefined => (id && styles !== undefined ? styles[id] : undefined);
  const marked = (style: CellStyle | undefined): boolean =>
    style !== undefined && (style.fill !== undefined || (style.numFmt !== undefined && style.numFmt !== 'General'));

  const count = (value: CellValue, row: number, col: number): void => {
    if (++cells > limits.cellsPerSheet) {
      throw tooLarge(
        `trang "${context.name}" có hơn ${limits.cellsPerSheet} ô có dữ liệu`,
        `sheet "${context.name}" has more than ${limits.cellsPerSheet} cells with data`,
        context.fileName,
      );
    }
    if (typeof value === 'string' && value.length > limits.charactersPerCell) {
      const where = `${context.name}!${a1(row, col)}`;
      throw tooLarge(
        `ô ${where} dài ${value.length} ký tự, vượt giới hạn ${limits.charactersPerCell}`,
        `cell ${where} holds ${value.length} characters, over the limit of ${limits.charactersPerCell}`,
        context.fileName,
      );
    }
  };

  const putValue = (row: number, col: number, value: CellValue): void => {
    count(value, row, col);
    const line = (values[row - 1] ??= []);
    place(line, col - 1, value, null);
  };

  const putStyle = (row: number, col: number, style: CellStyle | undefined): void => {
    if (style === undefined) return;
    if (style.fill !== undefined) fills.set(keyOf(row, col), style.fill);
    const format = style.numFmt;
    if (format !== undefined && format !== 'General') place((formats[row - 1] ??= []), col - 1, format, undefined);
  };

  /** A cell at `</c>`: its value, format, fill and formula, as ExcelJS's cell model holds them. */
  const finishCell = (): void => {
    const { type, row, col } = cell;
    const style = styleOf(cell.styleId);
    const isFormula = Boolean(cell.formula) || Boolean(cell.shareType);
    const content: string | string[] | undefined = cell.runs ?? cell.text;
    const key = keyOf(row, col);
    // Without a value, a styled cell still exists; an unstyled one is no cell at all for ExcelJS.
    const exists = isFormula || content !== undefined || Boolean(cell.styleId);
    if (cell.hasNote) listed.set(key, exists);
    else if (exists && (columnStyles.length > 0 || rowStyled) && !listed.has(key)) listed.set(key, true);
    if (!exists) return;
    previousCol = col; // a cell without its address follows the last cell that exists
    putStyle(row, col, style);
    if (!isFormula && content === undefined) return;
    if (isFormula) {
      let formula = cell.formula;
      if (cell.shareType === 'shared') {
        if (cell.sharedRef) masters.set(cell.sharedIndex as string, { address: cell.address(), formula });
        else if (!formula) {
          const master = masters.get(cell.sharedIndex as string);
          formula =
            master?.formula === undefined ? undefined : slideFormula(master.formula, master.address, cell.address());
        }
      }
      formulaKeys.add(key);
      place((formulas[row - 1] ??= []), col - 1, formula, undefined);
      let result: unknown;
      if (typeof content === 'string' && content) {
        if (type === 'str') result = decodeEntitiesAgain(content);
        else if (type === 'b') result = integer(content) !== 0;
        else if (type === 'e') result = { error: content };
        else result = decimal(content);
      } else if (content !== undefined && typeof content !== 'string') {
        if (type === 'str') throw new CorruptPartError(`cell ${cell.address()} holds rich text as a formula result`);
        result = type === 'b' ? true : type === 'e' ? { error: content } : NaN;
      }
      if (result === undefined) {
        uncached.set(key, formula);
        return;
      }
      if (style?.isDate === true) result = asDate(result, date1904);
      const value = shownValue(result as CellValue);
      if (value !== null) putValue(row, col, value);
      return;
    }
    let value: CellValue;
    if (typeof content !== 'string') {
      if (type === 'inlineStr' || type === 'str' || type === 's' || type === 'b' || type === 'e') {
        if (type === 'inlineStr') value = (content ?? []).join('');
        else if (type === 'b') value = true;
        else if (type === 'e') value = null;
        else throw new CorruptPartError(`cell ${cell.address()} holds rich text where a string index is due`);
      } else value = asDate(NaN, date1904) as number;
    } else if (type === 's') {
      const index = integer(content);
      if (strings === undefined) value = index;
      else if (Number.isNaN(index) && typeof content !== 'string') value = NaN;
      else {
        const shared = strings[index];
        if (shared === undefined) throw new CorruptPartError(`cell ${cell.address()} names shared string ${content}`);
        value = shared as CellValue;
      }
    } else if (type === 'str') value = decodeEntitiesAgain(content);
    else if (type === 'inlineStr') value = content;
    else if (type === 'b') value = integer(content) !== 0;
    else if (type === 'e') value = { error: content };
    else {
      const number = decimal(content);
      value = style?.isDate === true ? asDate(number, date1904) : number;
    }
    if (value !== null) putValue(row, col, value);
  };

  let depth = 0;
  let rowNumber = 0;
  let inRow = false;
  /** The current row's number has a format or fill (the same for all its cells: asked once per row). */
  let rowStyled = false;
  // Where text goes inside a cell: 1 into the formula, 2 into the value.
  let textTarget = 0;
  const reference = new CellReference(maxColumn);
  let inCell = false;
  let section = Section.None;

  for (let token = scanner.next(); token !== Token.End; token = scanner.next()) {
    if (token === Token.Text) {
      if (textTarget === 1) cell.formula = (cell.formula ?? '') + scanner.text();
      else if (textTarget === 2 && cell.runs === undefined) cell.text = (cell.text ?? '') + scanner.text();
      continue;
    }
    if (token === Token.Close) {
      depth--;
      const name = scanner.name;
      if (inCell) {
        if (name === 'c' && depth === 3) {
          inCell = false;
          textTarget = 0;
          finishCell();
        } else if (name === 'f' || name === 'v' || name === 't' || name === 'is') textTarget = 0;
      } else if (name === 'row' && depth === 2) inRow = false;
      else if (depth === 1) section = Section.None;
      continue;
    }
    depth++;
    const name = scanner.name;
    if (depth === 2) {
      section = sectionOf(name);
      if (section === Section.None) {
        scanner.skipElement();
        depth--;
      }
      continue;
    }
    if (inCell) {
      if (name === 'f') {
        scanner.readAttributes(formulaAttributes);
        cell.shareType = scanner.value(SHARE_TYPE);
        cell.sharedIndex = scanner.value(SHARED_INDEX);
        cell.sharedRef = scanner.value(SHARED_REF);
        textTarget = 1;
      } else if (name === 'v' || name === 't') textTarget = 2;
      else if (name === 'r') {
        if (cell.text !== undefined) throw new CorruptPartError(`cell ${cell.address()} mixes text and rich text`);
        (cell.runs ??= []).push(runText(scanner));
        depth--;
      } else if (name !== 'is') {
        scanner.skipElement();
        depth--;
      }
      continue;
    }
    if (section === Section.SheetData) {
      if (name === 'row' && depth === 3) {
        scanner.readAttributes(rowAttributes);
        rowNumber = scanner.integer(R);
        inRow = rowNumber > 0;
        previousCol = 0;
        if (!inRow) {
          scanner.skipElement(); // a row without its number: ExcelJS files it nowhere
          depth--;
          continue;
        }
        if (rowNumber > maxRow) maxRow = rowNumber;
        const rowStyle = styleOf(scanner.integer(S));
        if (marked(rowStyle)) rowStyles.set(rowNumber, rowStyle!);
        rowStyled = rowStyles.has(rowNumber);
      } else if (name === 'c' && inRow && depth === 4) {
        scanner.readAttributes(cellAttributes);
        if (scanner.given(R)) {
          const from = scanner.plainStart(R);
          const read =
            from >= 0
              ? reference.read(scanner.source, from, scanner.plainEnd(R))
              : readValue(reference, scanner.value(R)!);
          if (!read || reference.col > maxColumn) throw new CorruptPartError(`a cell named "${scanner.value(R)!}"`);
          cell.reset(rowNumber, reference.col, reference.row, comments.size > 0 && comments.has(scanner.value(R)!));
        } else if (previousCol > 0) cell.reset(rowNumber, previousCol + 1, rowNumber, false);
        else throw new CorruptPartError('a first cell without its address');
        cell.type = scanner.value(T);
        cell.styleId = scanner.integer(S) || 0;
        inCell = true;
        // Most cells hold just `<v>text</v>`: read it in one step rather than three tokens.
        const value = scanner.plainChildText('v');
        if (value !== undefined) cell.text = value;
      } else {
        scanner.skipElement();
        depth--;
      }
    } else if (section === Section.Cols && name === 'col') {
      const a = scanner.attributes();
      const style = a['style'] ? styleOf(parseInt(a['style'], 10)) : undefined;
      if (marked(style))
        columnStyles.push({
          min: parseInt(a['min'] as string, 10),
          max: parseInt(a['max'] as string, 10),
          style: style!,
        });
    } else if (section === Section.MergeCells && name === 'mergeCell') {
      const ref = scanner.attributes()['ref'];
      if (ref !== undefined) mergeRefs.push(ref);
    } else if (section === Section.Hyperlinks && name === 'hyperlink') {
      const a = scanner.attributes();
      const ref = a['ref'];
      const id = a['r:id'];
      if (id) {
        if (!context.relationships.has(id)) throw new CorruptPartError(`hyperlink ${ref ?? ''} names no relationship`);
        if (ref !== undefined) hyperlinks.push(ref);
      }
    }
  }

  /** Whether the pass recorded anything for the cell: then the XML listed it. */
  const recorded = (row: number, col: number, key: number): boolean =>
    (values[row - 1]?.[col - 1] ?? null) !== null ||
    formats[row - 1]?.[col - 1] !== undefined ||
    fills.has(key) ||
    formulaKeys.has(key);

  /** The cell is no formula cell any more (a hyperlink or a merge took it). */
  const dropFormula = (row: number, col: number, key: number): void => {
    uncached.delete(key);
    if (!formulaKeys.delete(key)) return;
    const line = formulas[row - 1];
    if (line === undefined || col - 1 >= line.length) return;
    line[col - 1] = undefined;
    while (line.length > 0 && line[line.length - 1] === undefined) line.pop();
  };

  // A hyperlink makes its cell show its text: a formula's cached result, and no formula.
  for (const ref of hyperlinks) {
    const match = /^([A-Z]+)(\d+)$/.exec(ref);
    if (match === null) continue;
    const row = Number(match[2]);
    const col = columnNumber(match[1]!);
    const key = keyOf(row, col);
    if (listed.get(key) === false) listed.set(key, true);
    dropFormula(row, col, key);
  }

  // Notes: on a listed cell, or on one the XML leaves out (Soát adds it); lost on an unstyled empty cell.
  const notes = new Map<number, [string, string]>();
  for (const [ref, text] of comments) {
    const match = /^([A-Z]+)(\d+)$/.exec(ref);
    if (match === null) continue;
    const row = Number(match[2]);
    const col = columnNumber(match[1]!);
    const key = keyOf(row, col);
    if (listed.get(key) === false) continue;
    if (!listed.has(key) && !recorded(row, col, key)) listed.set(key, true);
    if (row > maxRow) maxRow = row;
    notes.set(key, [ref, text]);
  }

  // Merged areas, in the order the sheet lists them; every cell but the first becomes part of it.
  const merges: MergedArea[] = [];
  for (const ref of mergeRefs) {
    const [from, to = from] = ref.split(':') as [string, string?];
    const fromMatch = /^\$?([A-Z]+)\$?(\d+)$/.exec(from);
    const toMatch = /^\$?([A-Z]+)\$?(\d+)$/.exec(to);
    if (fromMatch === null || toMatch === null) throw new CorruptPartError(`a merged area "${ref}"`);
    const r1 = Number(fromMatch[2]);
    const r2 = Number(toMatch[2]);
    const c1 = columnNumber(fromMatch[1]!);
    const c2 = columnNumber(toMatch[1]!);
    const area = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
    for (const other of merges) {
      if (other.bottom < area.top || other.top > area.bottom || other.right < area.left || other.left > area.right)
        continue;
      throw new CorruptPartError('Cannot merge already merged cells');
    }
    merges.push(area);
    if (area.bottom > maxRow) maxRow = area.bottom;
    for (let r = area.top; r <= area.bottom; r++) {
      const line = values[r - 1];
      for (let c = area.left; c <= area.right; c++) {
        const isMaster = r === area.top && c === area.left;
        const key = keyOf(r, c);
        const exists = listed.get(key) === true || recorded(r, c, key);
        if (!exists) {
          // A cell the merge creates takes its row's or its column's format and fill.
          const rowStyle = rowStyles.get(r);
          const colStyle = columnStyles.find((s) => s.min <= c && c <= s.max)?.style;
          if (rowStyle !== undefined || colStyle !== undefined) {
            const numFmt = rowStyle?.numFmt || colStyle?.numFmt;
            const fill = rowStyle?.fill ?? colStyle?.fill;
            putStyle(r, c, { numFmt, fill, isDate: false });
          }
          listed.set(key, true);
        }
        if (isMaster) continue;
        if (line !== undefined && c - 1 < line.length && line[c - 1] !== null) {
          line[c - 1] = null;
          cells--;
        }
        dropFormula(r, c, key);
      }
    }
  }

  // Formulas saved without a result are worked out from the cells they name, as Excel would.
  if (uncached.size > 0) {
    const excelEpoch = Date.UTC(1899, 11, 30);
    const valueAt = (row: number, col: number, seen: Set<number>): CellValue => {
      const key = keyOf(row, col);
      if (uncached.has(key)) {
        if (seen.has(key)) return null;
        seen.add(key);
        const result = formulaResult(uncached.get(key) as string, (ref) => lookup(ref, seen));
        seen.delete(key);
        return result === undefined ? null : result;
      }
      return values[row - 1]?.[col - 1] ?? null;
    };
    const lookup = (ref: string, seen: Set<number>): FormulaValue | undefined => {
      const { row, col } = parseAddress(ref);
      const value = valueAt(row, col, seen);
      if (value instanceof Date) return (value.getTime() - excelEpoch) / 86_400_000;
      return value;
    };
    const results: [number, number, CellValue][] = [];
    for (const key of uncached.keys()) {
      const row = Math.floor(key / (maxColumn + 1));
      const col = key % (maxColumn + 1);
      results.push([row, col, valueAt(row, col, new Set())]);
    }
    results.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    for (const [row, col, value] of results) if (value !== null) putValue(row, col, value);
  }

  let lastValueRow = values.length;
  while (lastValueRow > 0 && !values[lastValueRow - 1]?.some((v) => v !== null)) lastValueRow--;
  const valueRows: CellValue[][] = [];
  for (let r = 0; r < lastValueRow; r++) valueRows.push(trimmed(values[r]));
  const noteText: Record<string, string> = {};
  for (const key of [...notes.keys()].sort((x, y) => x - y)) noteText[addressOf(key)] = notes.get(key)![1];
  const fillColors: Record<string, string> = {};
  for (const key of [...fills.keys()].sort((x, y) => x - y)) fillColors[addressOf(key)] = fills.get(key)!;
  return {
    name: context.name,
    values: valueRows,
    ...(formats.length > 0 ? { numberFormats: rows(formats, maxRow) } : {}),
    ...(formulaKeys.size > 0 ? { formulas: rows(formulas, maxRow) } : {}),
    merges,
    notes: noteText,
    fills: fillColors,
  };
}

/** A reference in a decoded value (one the document wrote with a reference or a tab). */
function readValue(reference: CellReference, value: string): boolean {
  return reference.read(value, 0, value.length);
}

function addressOf(key: number): string {
  return a1(Math.floor(key / (maxColumn + 1)), key % (maxColumn + 1));
}

/** A row as `place` left it: null up to its last value, which merges may have cleared. */
function trimmed(line: CellValue[] | undefined): CellValue[] {
  if (line === undefined) return [];
  let end = line.length;
  while (end > 0 && line[end - 1] === null) end--;
  if (end < line.length) line.length = end;
  return line;
}

/** Every row from 1 to `count`, a missing one empty. */
function rows<T>(grid: T[][], count: number): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < Math.max(count, grid.length); r++) out.push(grid[r] ?? []);
  return out;
}
