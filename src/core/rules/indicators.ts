import type { Suggestion } from '../report/finding';
import { columnByKey, phuLuc2 } from '../templates/appendix';
import type { Cell, DataRow } from '../templates/table';
import { readFlag } from '../values/flag';
import type { NumberCell } from './numbers';
import { checkNumberCell, isNumberColumn } from './numbers';
import { exactRatio, ratioAccepted, ratioSeverity, roundTo } from './ratio';
import type { RepairKey, ServiceCounts } from './repair';
import { suggestServiceRepair } from './repair';
import type { FindingSink } from './sink';

/** A Phụ lục 2 row after its checks: what other appendices and the merge need to know. */
export interface IndicatorRow {
  readonly row: DataRow;
  readonly numbers: ReadonlyMap<string, NumberCell>;
  /** Flag columns read as yes (true), no (false) or unusable (undefined). */
  readonly flags: ReadonlyMap<string, boolean | undefined>;
}

const serviceKeys = ['E', 'F', 'G', 'H', 'I'] as const;
const flagKeys = ['L', 'N', 'O', 'P', 'Q'] as const;

function title(key: string): { vi: string; en: string } {
  return columnByKey(phuLuc2, key).title;
}

function value(numbers: ReadonlyMap<string, NumberCell>, key: string): number | undefined {
  const n = numbers.get(key);
  return n?.state === 'number' ? n.value : undefined;
}

function shown(numbers: ReadonlyMap<string, NumberCell>, key: string) {
  const n = numbers.get(key);
  return n?.state === 'number' ? { value: n.value, decimals: n.decimals } : undefined;
}

export function checkIndicatorRow(row: DataRow, sink: FindingSink): IndicatorRow {
  const numbers = new Map<string, NumberCell>();
  for (const [key, cell] of row.cells) {
    const column = columnByKey(phuLuc2, key);
    if (isNumberColumn(column.type)) numbers.set(key, checkNumberCell(cell, column, sink));
  }
  const flags = new Map<string, boolean | undefined>();
  for (const key of flagKeys) {
    const cell = row.cells.get(key);
    if (!cell) continue;
    const flag = readFlag(cell.value);
    if (flag.kind === 'invalid') sink.add(cell, 'invalid-flag');
    flags.set(key, flag.kind === 'invalid' ? undefined : flag.kind === 'yes');
  }

  checkAverageDays(numbers, sink);
  checkServices(numbers, sink);
  checkMeetingRooms(row, numbers, flags, sink);
  return { row, numbers, flags };
}

/** D, the average days shortened, is needed as soon as some procedure was shortened. */
function checkAverageDays(numbers: ReadonlyMap<string, NumberCell>, sink: FindingSink): void {
  const shortened = value(numbers, 'C');
  const days = numbers.get('D');
  if (shortened !== undefined && shortened > 0 && days?.state === 'blank') {
    sink.add(days.cell, 'missing-value', {
      detail: {
        header: title('D'),
        reason: {
          vi: `đã rút ngắn thời gian ${shortened} thủ tục thì cần số ngày trung bình được rút ngắn`,
          en: `${shortened} procedures were shortened, so the average days shortened is needed`,
        },
      },
    });
  }
}

function checkServices(numbers: ReadonlyMap<string, NumberCell>, sink: FindingSink): void {
  const given = (key: string): boolean => (numbers.get(key)?.state ?? 'blank') !== 'blank';
  if (!serviceKeys.some(given)) return;
  const noTotal = value(numbers, 'E') === 0;
  for (const key of serviceKeys) {
    const n = numbers.get(key);
    // With no service at all there is no ratio to give: a blank G or I is right.
    if (n?.state !== 'blank' || (noTotal && (key === 'G' || key === 'I'))) continue;
    sink.add(n.cell, 'missing-value', {
      detail: {
        header: title(key),
        reason: {
          vi: 'các ô dịch vụ công trực tuyến khác của dòng đã có số liệu',
          en: 'the other online-service cells of the row are filled',
        },
      },
    });
  }
  const counts: ServiceCounts = {
    E: value(numbers, 'E'),
    F: value(numbers, 'F'),
    H: value(numbers, 'H'),
    G: shown(numbers, 'G'),
    I: shown(numbers, 'I'),
  };
  const repair = suggestServiceRepair(counts);
  const suggestion = repair && toSuggestion(numbers, repair.key, repair.value);
  const { E, F, H } = counts;
  if (E === undefined) return;

  let countsWrong = false;
  for (const part of ['F', 'H'] as const) {
    const partValue = counts[part];
    if (partValue === undefined || partValue <= E) continue;
    countsWrong = true;
    sink.add(numbers.get(part)!.cell, 'part-exceeds-total', {
      actual: partValue,
      expected: E,
      ...(suggestion ? { suggestion } : {}),
      detail: { part: title(part), total: title('E') },
    });
  }
  if (!countsWrong && F !== undefined && H !== undefined && F + H !== E) {
    countsWrong = true;
    sink.add(numbers.get('E')!.cell, 'sum-mismatch', {
      actual: E,
      expected: F + H,
      ...(suggestion ? { suggestion } : {}),
      detail: { sum: F + H },
    });
  }
  if (countsWrong) return;
  checkRatio(numbers, 'G', 'F', E, suggestion, sink);
  checkRatio(numbers, 'I', 'H', E, suggestion, sink);
}

function toSuggestion(
  numbers: ReadonlyMap<string, NumberCell>,
  key: RepairKey,
  repaired: number,
): Suggestion | undefined {
  const cell = numbers.get(key)?.cell;
  return cell ? { cell: cell.address, value: repaired } : undefined;
}

function checkRatio(
  numbers: ReadonlyMap<string, NumberCell>,
  ratioKey: 'G' | 'I',
  partKey: 'F' | 'H',
  total: number,
  rowRepair: Suggestion | undefined,
  sink: FindingSink,
): void {
  const ratio = numbers.get(ratioKey);
  const part = value(numbers, partKey);
  if (ratio?.state !== 'number') return;
  if (total === 0) {
    sink.add(ratio.cell, 'ratio-undefined', { actual: ratio.value });
    return;
  }
  if (part === undefined) return;
  const exact = exactRatio(part, total);
  const typed = { value: ratio.value, decimals: ratio.decimals };
  if (ratioAccepted(typed, exact)) return;
  // The row's own repair when it fixes this cell; otherwise this cell's value, rounded as typed.
  const suggestion: Suggestion =
    rowRepair?.cell === ratio.cell.address
      ? rowRepair
      : { cell: ratio.cell.address, value: roundTo(exact, typed.decimals) };
  sink.add(ratio.cell, 'ratio-mismatch', {
    severity: ratioSeverity(typed, exact),
    actual: ratio.value,
    expected: roundTo(exact, 2),
    suggestion,
    detail: { part: partKey, total: 'E' },
  });
}

/** L says whether the unit has an online meeting room; M how many. They must agree. */
function checkMeetingRooms(
  row: DataRow,
  numbers: ReadonlyMap<string, NumberCell>,
  flags: ReadonlyMap<string, boolean | undefined>,
  sink: FindingSink,
): void {
  const hasRoom = flags.get('L');
  const rooms = numbers.get('M');
  const roomCell: Cell | undefined = row.cells.get('M');
  if (hasRoom === undefined || !rooms || !roomCell || rooms.state === 'invalid') return;
  const count = rooms.state === 'number' ? rooms.value : 0;
  if (hasRoom && count === 0) {
    sink.add(roomCell, 'flag-count-mismatch', {
      detail: {
        reason: {
          vi: `Đã đánh dấu có phòng họp trực tuyến (${row.cells.get('L')!.address}) nhưng số lượng phòng họp là ${rooms.state === 'blank' ? 'trống' : '0'}.`,
          en: `An online meeting room is marked (${row.cells.get('L')!.address}) but the number of rooms is ${rooms.state === 'blank' ? 'blank' : '0'}.`,
        },
      },
    });
  } else if (!hasRoom && count >= 1) {
    sink.add(roomCell, 'flag-count-mismatch', {
      detail: {
        reason: {
          vi: `Có ${count} phòng họp trực tuyến nhưng ô ${row.cells.get('L')!.address} không đánh dấu x.`,
          en: `${count} online meeting rooms are given but ${row.cells.get('L')!.address} is not marked x.`,
        },
      },
    });
  }
}
