/**
 * Where a registry's columns are. A sheet made by hand may put a title and blank rows above its
 * header and its columns in any order, so they are found by their header text; a file without a
 * header has them in the order STT, name, kind, aliases.
 */
import { cleanSpaces } from '../values/text';
import { plainWord } from './kinds';

export type RegistryCell = string | number | null;

/** 0-based column indexes; a column the header does not have is absent. */
export interface RegistryColumns {
  readonly order?: number;
  readonly name: number;
  readonly kind?: number;
  readonly aliases?: number;
}

export interface RegistryLayout {
  /** 0-based index of the header row; -1 when the rows have no header. */
  readonly header: number;
  readonly columns: RegistryColumns;
}

const FIXED: RegistryColumns = { order: 0, name: 1, kind: 2, aliases: 3 };

const ORDER_HEADERS = new Set(['stt', 'tt', 'so thu tu', 'thu tu', 'order', 'no', 'number']);
const NAME_HEADERS = new Set(['ten don vi', 'ten', 'don vi', 'name', 'unit', 'unit name', 'canonical name']);
const KIND_HEADERS = new Set(['loai', 'loai don vi', 'phan loai', 'kind', 'type', 'unit kind', 'unit type']);

function isAliasHeader(word: string): boolean {
  return /^(ten khac|ten goi khac|ten viet tat|viet tat|alias|other name|abbreviation)/.test(word);
}

export function cellWord(cell: RegistryCell | undefined): string {
  return cell === null || cell === undefined ? '' : plainWord(String(cell));
}

/** The text of a cell, spaces folded; '' for an empty cell. */
export function cellText(cell: RegistryCell | undefined): string {
  return cell === null || cell === undefined ? '' : cleanSpaces(String(cell));
}

export function isBlankRow(row: readonly RegistryCell[]): boolean {
  return row.every((c) => cellText(c) === '');
}

/** A row with something in the name column of a file without header: it may be a unit. */
function isDataLike(row: readonly RegistryCell[]): boolean {
  return cellText(row[FIXED.name]) !== '';
}

/** The columns a header row names, or undefined when the row is no header. */
function headerColumns(row: readonly RegistryCell[]): RegistryColumns | undefined {
  const words = row.map(cellWord);
  const find = (test: (w: string) => boolean): number | undefined => {
    const at = words.findIndex(test);
    return at < 0 ? undefined : at;
  };
  const order = find((w) => ORDER_HEADERS.has(w));
  const name = find((w) => NAME_HEADERS.has(w));
  const kind = find((w) => KIND_HEADERS.has(w));
  const aliases = find(isAliasHeader);
  const roles = [order, name, kind, aliases].filter((i) => i !== undefined).length;
  // As before: "STT" first or a name header second is a header; elsewhere two roles are needed,
  // so that a unit whose alias happens to read "Đơn vị" is not taken for one.
  const isHeader = order === 0 || name === 1 || (name !== undefined && roles >= 2);
  if (!isHeader) return undefined;
  if (name === undefined) return FIXED;
  return {
    name,
    ...(order !== undefined ? { order } : {}),
    ...(kind !== undefined ? { kind } : {}),
    ...(aliases !== undefined ? { aliases } : {}),
  };
}

/**
 * The header and columns of a registry's rows. Rows above the header (a title, a date, blank
 * rows) are passed over; the search stops at the first row with a name where a file without
 * header has it, so a header repeated further down never makes real rows disappear.
 */
export function registryLayout(rows: readonly (readonly RegistryCell[])[]): RegistryLayout {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (isBlankRow(row)) continue;
    const columns = headerColumns(row);
    if (columns) return { header: i, columns };
    if (isDataLike(row)) break;
  }
  return { header: -1, columns: FIXED };
}
