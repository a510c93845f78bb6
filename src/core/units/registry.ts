/**
 * The unit registry: the units expected to report, in report order. It is data the user can edit
 * (a sheet, or a file for the command line) because administrative units change.
 */
import { cleanSpaces, stripAccents } from '../values/text';
import { defaultRegistryRows } from './defaults';
import { nameKey } from './names';

export { parseCsv } from './csv';
export { defaultRegistryRows } from './defaults';

export type UnitKind = 'department' | 'district' | 'other';

export interface Unit {
  readonly order: number;
  readonly name: string;
  readonly kind: UnitKind;
  readonly aliases: readonly string[];
}

export interface UnitRegistry {
  readonly units: readonly Unit[];
  /** Canonical name of the consolidating unit, which reports without being listed in Phụ lục 1. */
  readonly consolidator?: string;
}

/** A registry file that cannot be used: misuse, not a finding, so it throws. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';

  constructor(
    /** 1-based, as the sheet or file shows it. */
    readonly row: number,
    readonly vi: string,
    readonly en: string,
  ) {
    super(`Danh mục đơn vị, dòng ${row}: ${vi} (unit registry, row ${row}: ${en})`);
  }
}

type Cell = string | number | null;

/** Lower case, no accents, punctuation as spaces: "Sở/Ban/Ngành" -> "so ban nganh". */
function word(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return stripAccents(String(cell))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : cleanSpaces(String(cell));
}

type KindWord = UnitKind | 'consolidator';

/** Kind words, English or Vietnamese. "Tổng hợp" marks the consolidating department. */
const KIND_WORDS: ReadonlyMap<string, KindWord> = new Map([
  ...['department', 'so', 'ban', 'nganh', 'so ban nganh'].map((w) => [w, 'department'] as const),
  ...['district', 'quan', 'huyen', 'quan huyen'].map((w) => [w, 'district'] as const),
  ...['other', 'khac'].map((w) => [w, 'other'] as const),
  ...['consolidator', 'tong hop', 'dau moi', 'dau moi tong hop', 'don vi tong hop'].map(
    (w) => [w, 'consolidator'] as const,
  ),
]);

const NAME_HEADERS = new Set(['ten don vi', 'ten', 'don vi', 'name', 'unit', 'unit name', 'canonical name']);
const ORDER_HEADERS = new Set(['stt', 'tt', 'so thu tu', 'thu tu', 'order', 'no']);

const DEPARTMENT_PREFIXES = ['so', 'ban', 'cuc', 'thanh tra', 'cong an', 'toa an', 'bao hiem', 'chi nhanh'];

/** The kind a name implies, for a row that leaves the kind blank. */
export function inferKind(name: string): UnitKind {
  const key = nameKey(name);
  if (key.district) return 'district';
  return DEPARTMENT_PREFIXES.some((p) => key.bare === p || key.bare.startsWith(`${p} `)) ? 'department' : 'other';
}

function readOrder(cell: Cell | undefined, previous: number, row: number): number {
  if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
  const t = text(cell);
  if (t === '') return previous + 1;
  // "3." is how a numbered list writes 3; "2,5" slots a unit between 2 and 3.
  if (/^\d+(?:[.,]\d+)?\.?$/.test(t)) return Number(t.replace(/\.$/, '').replace(',', '.'));
  throw new RegistryError(row, `STT "${t}" không phải là số`, `the order "${t}" is not a number`);
}

function readKind(cell: Cell | undefined, name: string, row: number): KindWord {
  const w = word(cell);
  if (w === '') return inferKind(name);
  const kind = KIND_WORDS.get(w);
  if (kind) return kind;
  const t = text(cell);
  throw new RegistryError(
    row,
    `loại đơn vị "${t}" không rõ (dùng sở/ban/ngành, quận/huyện hoặc khác)`,
    `unknown unit kind "${t}" (use department, district or other)`,
  );
}

function readAliases(cell: Cell | undefined, name: string): string[] {
  const aliases: string[] = [];
  const raw = cell === null || cell === undefined ? '' : String(cell);
  // Line breaks too: in a sheet cell, one alias a line is the natural way to list them.
  for (const part of raw.split(/[;\r\n]+/)) {
    const alias = cleanSpaces(part);
    if (alias !== '' && alias !== name && !aliases.includes(alias)) aliases.push(alias);
  }
  return aliases;
}

function isBlank(row: readonly Cell[]): boolean {
  return row.every((c) => text(c) === '');
}

function isHeader(row: readonly Cell[]): boolean {
  return NAME_HEADERS.has(word(row[1])) || ORDER_HEADERS.has(word(row[0]));
}

/**
 * Parses a registry's rows: order, canonical name, kind, aliases separated by ";". A header row is
 * skipped; blank rows are ignored; a blank order continues the previous one; a blank kind is
 * inferred from the name. Two names (or aliases) with the same matching key are one unit written
 * twice, so they are reported like an exact duplicate.
 */
export function registryFromRows(rows: readonly (readonly Cell[])[]): UnitRegistry {
  const units: Unit[] = [];
  const seen = new Map<string, { name: string; row: number }>();
  let consolidator: { name: string; row: number } | undefined;
  let previous = 0;
  let first = true;
  rows.forEach((cells, index) => {
    const row = index + 1;
    if (isBlank(cells)) return;
    const header = first && isHeader(cells);
    first = false;
    if (header) return;
    const name = text(cells[1]);
    if (name === '') throw new RegistryError(row, 'thiếu tên đơn vị', 'the unit has no name');
    const order = readOrder(cells[0], previous, row);
    const kind = readKind(cells[2], name, row);
    const aliases = readAliases(cells[3], name);
    for (const written of [name, ...aliases]) {
      const key = nameKey(written).key;
      if (key === '') continue; // punctuation only: it can match nothing, so it clashes with nothing
      const before = seen.get(key);
      if (before && before.row !== row) {
        throw new RegistryError(
          row,
          `"${written}" trùng với "${before.name}" ở dòng ${before.row}`,
          `"${written}" is the same unit as "${before.name}" on row ${before.row}`,
        );
      }
      seen.set(key, { name, row });
    }
    if (kind === 'consolidator') {
      if (consolidator) {
        throw new RegistryError(
          row,
          `đã có đơn vị tổng hợp "${consolidator.name}" ở dòng ${consolidator.row}`,
          `the consolidating unit is already "${consolidator.name}" on row ${consolidator.row}`,
        );
      }
      consolidator = { name, row };
    }
    units.push(
      Object.freeze({
        order,
        name,
        kind: kind === 'consolidator' ? 'department' : kind,
        aliases: Object.freeze(aliases),
      }),
    );
    previous = order;
  });
  // A stable sort: units given the same order keep the file's order.
  units.sort((a, b) => a.order - b.order);
  return Object.freeze({
    units: Object.freeze(units),
    ...(consolidator ? { consolidator: consolidator.name } : {}),
  });
}

/** The seed's Phụ lục 1 (9T/2024, Hải Phòng) and Sở Kế hoạch và Đầu tư, which consolidates. */
export const defaultRegistry: UnitRegistry = registryFromRows(defaultRegistryRows);
