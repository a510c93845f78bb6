/**
 * The unit registry: the units expected to report, in report order. It is data the user can edit
 * (a sheet, or a file for the command line) because administrative units change.
 */
import { cleanSpaces } from '../values/text';
import { cellText, isBlankRow, registryLayout, type RegistryCell } from './columns';
import { defaultRegistryRows } from './defaults';
import { inferKind, kindWordsHint, plainWord, readKindWord, unitGroup, type KindWord, type UnitKind } from './kinds';
import { nameKey } from './names';

export { parseCsv } from './csv';
export { defaultRegistryRows } from './defaults';
export { groupLabel, inferKind, unitGroup, unitGroups, unitKinds, type UnitKind } from './kinds';

export interface Unit {
  readonly order: number;
  readonly name: string;
  readonly kind: UnitKind;
  /** The group a summary counts the unit in, in Vietnamese ("Sở, ban, ngành", "Xã"…): `unitGroup(kind)`. */
  readonly group: string;
  readonly aliases: readonly string[];
}

export interface UnitRegistry {
  readonly units: readonly Unit[];
  /** Canonical name of the consolidating unit, which reports without being listed in Phụ lục 1. */
  readonly consolidator?: string;
}

/** A registry file that cannot be used: misuse, not a finding, so it throws. */
export class RegistryError extends Error {
  override readonly name: string = 'RegistryError';

  constructor(
    /** 1-based, as the sheet or file shows it. */
    readonly row: number,
    readonly vi: string,
    readonly en: string,
  ) {
    super(`Danh mục đơn vị, dòng ${row}: ${vi} (unit registry, row ${row}: ${en})`);
  }
}

/** A registry given as a list of units (a report definition's `units`): it names the entry. */
export class RegistryEntryError extends RegistryError {
  override readonly name: string = 'RegistryEntryError';

  constructor(
    /** 1-based position in the list; `row` holds the same number. */
    readonly entry: number,
    vi: string,
    en: string,
  ) {
    super(entry, vi, en);
    this.message = `Danh mục đơn vị, mục ${entry}: ${vi} (unit registry, entry ${entry}: ${en})`;
  }
}

/** One unit as written, before it is checked. */
interface Entry {
  /** Row or entry number, 1-based. */
  readonly at: number;
  readonly order: RegistryCell | undefined;
  readonly name: string;
  readonly kind: RegistryCell | undefined;
  readonly aliases: readonly string[];
}

/** How errors name the place of a unit: a sheet's row or a list's entry. */
interface Places {
  readonly vi: string;
  readonly en: string;
  readonly error: (at: number, vi: string, en: string) => RegistryError;
}

const ROWS: Places = { vi: 'dòng', en: 'row', error: (at, vi, en) => new RegistryError(at, vi, en) };
const ENTRIES: Places = { vi: 'mục', en: 'entry', error: (at, vi, en) => new RegistryEntryError(at, vi, en) };

function readOrder(cell: RegistryCell | undefined, previous: number, at: number, places: Places): number {
  if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
  const t = cellText(cell);
  if (t === '') return previous + 1;
  // "3." is how a numbered list writes 3; "2,5" slots a unit between 2 and 3.
  if (/^\d+(?:[.,]\d+)?\.?$/.test(t)) return Number(t.replace(/\.$/, '').replace(',', '.'));
  throw places.error(at, `STT "${t}" không phải là số`, `the order "${t}" is not a number`);
}

function readKind(cell: RegistryCell | undefined, name: string, at: number, places: Places): KindWord {
  const t = cellText(cell);
  if (plainWord(t) === '') return inferKind(name);
  const kind = readKindWord(t);
  if (kind) return kind;
  throw places.error(
    at,
    `loại đơn vị "${t}" không rõ (${kindWordsHint.vi})`,
    `unknown unit kind "${t}" (${kindWordsHint.en})`,
  );
}

function readAliases(written: readonly string[], name: string): string[] {
  const aliases: string[] = [];
  // Line breaks too: in a sheet cell, one alias a line is the natural way to list them.
  for (const part of written.flatMap((w) => w.split(/[;\r\n]+/))) {
    const alias = cleanSpaces(part);
    if (alias !== '' && alias !== name && !aliases.includes(alias)) aliases.push(alias);
  }
  return aliases;
}

/**
 * Checks the entries and builds the registry. Two names (or aliases) with the same matching key
 * are one unit written twice, so they are reported like an exact duplicate.
 */
function buildRegistry(entries: Iterable<Entry>, places: Places): UnitRegistry {
  const units: Unit[] = [];
  const seen = new Map<string, { name: string; at: number }>();
  let consolidator: { name: string; at: number } | undefined;
  let previous = 0;
  for (const entry of entries) {
    const { at, name } = entry;
    if (name === '') throw places.error(at, 'thiếu tên đơn vị', 'the unit has no name');
    const order = readOrder(entry.order, previous, at, places);
    const kind = readKind(entry.kind, name, at, places);
    const aliases = readAliases(entry.aliases, name);
    for (const written of [name, ...aliases]) {
      const key = nameKey(written).key;
      if (key === '') continue; // punctuation only: it can match nothing, so it clashes with nothing
      const before = seen.get(key);
      if (before && before.at !== at) {
        throw places.error(
          at,
          `"${written}" trùng với "${before.name}" ở ${places.vi} ${before.at}`,
          `"${written}" is the same unit as "${before.name}" on ${places.en} ${before.at}`,
        );
      }
      seen.set(key, { name, at });
    }
    if (kind === 'consolidator') {
      if (consolidator) {
        throw places.error(
          at,
          `đã có đơn vị tổng hợp "${consolidator.name}" ở ${places.vi} ${consolidator.at}`,
          `the consolidating unit is already "${consolidator.name}" on ${places.en} ${consolidator.at}`,
        );
      }
      consolidator = { name, at };
    }
    const unitKind = kind === 'consolidator' ? 'department' : kind;
    units.push(
      Object.freeze({ order, name, kind: unitKind, group: unitGroup(unitKind), aliases: Object.freeze(aliases) }),
    );
    previous = order;
  }
  // A stable sort: units given the same order keep the file's order.
  units.sort((a, b) => a.order - b.order);
  return Object.freeze({
    units: Object.freeze(units),
    ...(consolidator ? { consolidator: consolidator.name } : {}),
  });
}

/**
 * Parses a registry's rows: order, canonical name, kind, aliases separated by ";". A header row
 * (found by its text, below a title or blank rows if any) places the columns; without one they
 * are in that order. Blank rows are ignored; a blank order continues the previous one; a blank
 * kind is inferred from the name.
 */
export function registryFromRows(rows: readonly (readonly RegistryCell[])[]): UnitRegistry {
  const { header, columns } = registryLayout(rows);
  const at = (cells: readonly RegistryCell[], column: number | undefined) =>
    column === undefined ? undefined : cells[column];
  function* entries(): Generator<Entry> {
    for (let index = header + 1; index < rows.length; index++) {
      const cells = rows[index]!;
      if (isBlankRow(cells)) continue;
      const aliases = at(cells, columns.aliases);
      yield {
        at: index + 1,
        order: at(cells, columns.order),
        name: cellText(cells[columns.name]),
        kind: at(cells, columns.kind),
        aliases: aliases === null || aliases === undefined ? [] : [String(aliases)],
      };
    }
  }
  return buildRegistry(entries(), ROWS);
}

/** A unit as a report definition lists it. */
export interface UnitEntry {
  readonly name: string;
  readonly kind?: string;
  readonly aliases?: readonly string[];
}

/**
 * A registry from a list of units (a report definition's `units`), in list order, checked as a
 * sheet is; errors are RegistryEntryError naming the 1-based entry.
 */
export function registryFromUnits(units: readonly UnitEntry[]): UnitRegistry {
  // The list comes from JSON: fields of the wrong type are read as text rather than trusted.
  const written = (value: unknown): RegistryCell =>
    typeof value === 'string' || typeof value === 'number' ? value : null;
  return buildRegistry(
    units.map((unit: Partial<UnitEntry> | null, index) => {
      const aliases: unknown = unit?.aliases;
      return {
        at: index + 1,
        order: index + 1,
        name: cellText(written(unit?.name)),
        kind: written(unit?.kind),
        aliases: Array.isArray(aliases)
          ? aliases.map((a) => cellText(written(a)))
          : typeof aliases === 'string'
            ? [aliases]
            : [],
      };
    }),
    ENTRIES,
  );
}

/** The seed's Phụ lục 1 (9T/2024, Hải Phòng) and Sở Kế hoạch và Đầu tư, which consolidates. */
export const defaultRegistry: UnitRegistry = registryFromRows(defaultRegistryRows);
