import type { Cell, DataRow, Table } from '../templates/table';
import type { Unit } from '../units/registry';
import type { UnitMatcher } from '../units/match';
import { cleanSpaces } from '../values/text';
import { readNumber } from '../values/number';
import type { FindingSink } from './sink';

/** The unit a data row speaks for: matched in the registry, or only named. */
export interface RowUnit {
  readonly name: string;
  readonly unit?: Unit;
  readonly cell: Cell;
}

function unitText(cell: Cell | undefined): string {
  const v = cell?.value;
  return typeof v === 'string' || typeof v === 'number' ? cleanSpaces(String(v)) : '';
}

/** The suggestion list of an unknown name, written once per answer: unknown names share answers. */
const closestWords = new WeakMap<readonly Unit[], string>();

function closestList(closest: readonly Unit[]): string {
  let words = closestWords.get(closest);
  if (words === undefined) closestWords.set(closest, (words = closest.map((u) => `"${u.name}"`).join(', ') || '—'));
  return words;
}

/**
 * Matches the unit column of a table against the registry. Returns each row's unit; a row with a
 * blank unit gets none (in Phụ lục 3 it continues the unit above, which the caller decides).
 */
export function checkUnits(table: Table, matcher: UnitMatcher, sink: FindingSink): Map<DataRow, RowUnit> {
  const units = new Map<DataRow, RowUnit>();
  const firstSeen = new Map<string, Cell>();
  // With several rows per unit a blank unit continues the unit above, except on the first row.
  const { shape, unitKey } = table.template;
  const continues = shape === 'rows-per-unit';
  const header = unitKey === undefined ? undefined : table.template.byKey.get(unitKey)?.title;
  for (const row of table.rows) {
    const cell = unitKey === undefined ? undefined : row.cells.get(unitKey);
    const name = unitText(cell);
    if (!cell) continue;
    if (name === '') {
      if (!continues || row === table.rows[0]) {
        sink.add(cell, 'missing-value', {
          detail: {
            header: header ?? { vi: 'Tên đơn vị', en: 'Unit' },
            reason: { vi: 'không biết dòng này của đơn vị nào', en: 'the row belongs to no unit' },
          },
        });
      }
      continue;
    }
    const match = matcher.match(name);
    if (match.kind === 'unknown') {
      sink.add(cell, 'unknown-unit', {
        detail: { closest: closestList(match.closest) },
      });
      units.set(row, { name, cell });
      continue;
    }
    if (match.kind === 'alias') sink.add(cell, 'unit-alias', { expected: match.unit.name });
    const first = firstSeen.get(match.unit.name);
    if (first) sink.add(cell, 'duplicate-unit', { detail: { first: first.address } });
    else firstSeen.set(match.unit.name, cell);
    units.set(row, { name, unit: match.unit, cell });
  }
  return units;
}

/**
 * STT must count 1, 2, 3 … A skipped number usually means a row was lost at a page break; a
 * repeated one, a row pasted twice. Phụ lục 1 restarts its count in each section.
 */
export function checkNumbering(table: Table, sink: FindingSink): void {
  let previous: number | undefined;
  let section: DataRow['section'];
  const { sttKey } = table.template;
  for (const row of table.rows) {
    const cell = sttKey === undefined ? undefined : row.cells.get(sttKey);
    if (!cell) return;
    if (row.section !== section) {
      section = row.section;
      previous = undefined;
    }
    const reading = readNumber(cell.value, 'count');
    if (reading.kind !== 'number' || !Number.isInteger(reading.value)) continue;
    const n = reading.value;
    const expected = (previous ?? 0) + 1;
    if (n !== expected) {
      const reason =
        previous !== undefined && n > expected
          ? { vi: `thiếu STT ${missingRange(expected, n - 1)}`, en: `no. ${missingRange(expected, n - 1)} is missing` }
          : previous !== undefined && n === previous
            ? { vi: 'STT bị lặp', en: 'the number repeats' }
            : { vi: `STT đúng ra là ${expected}`, en: `the number should be ${expected}` };
      sink.add(cell, 'numbering-gap', {
        actual: n,
        expected,
        detail: { previous: previous ?? '—', reason },
      });
    }
    previous = n;
  }
}

function missingRange(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}
