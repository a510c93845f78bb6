import type { Suggestion, DetailValue } from '../report/finding';
import type { AppendixTemplate, ColumnDef, SumDef, Text } from '../templates/appendix';
import { columnByKey, isNumberType } from '../templates/appendix';
import type { Cell, DataRow } from '../templates/table';
import { KeyedValues, RowCells, valueIn } from '../templates/row-cells';
import type { CellValue } from '../snapshot';
import { readFlag } from '../values/flag';
import type { NumberCell } from './numbers';
import { checkNumberCell } from './numbers';
import { exactRatio, ratioAccepted, ratioSeverity, roundTo } from './ratio';
import type { RowNumbers } from './relations';
import { partsSum, sumState, suggestRepair } from './relations';
import type { FindingSink } from './sink';

/**
 * The checks of one data row, as its appendix's definition declares them: each cell by its
 * column's type, then the relations between cells (required when, filled together, sums,
 * ratios, a count for a mark).
 */

/** A data row after its checks: what other appendices, Compute and the merge need to know. */
export interface CheckedRow {
  readonly row: DataRow;
  readonly numbers: ReadonlyMap<string, NumberCell>;
  /** Flag columns read as yes (true) or no (false); an unusable mark has no entry. */
  readonly flags: ReadonlyMap<string, boolean>;
}

function isBlankValue(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** What a template's rows are checked for, worked out once per template rather than per row. */
interface RowPlan {
  readonly requiredWhen: readonly ColumnDef[];
  /** The required number columns and the ratios between them: filled together or not at all. */
  readonly together: readonly ColumnDef[];
  readonly required: readonly ColumnDef[];
  readonly ratios: readonly ColumnDef[];
  readonly countFor: readonly ColumnDef[];
}

const plans = new WeakMap<AppendixTemplate, RowPlan>();

function planOf(template: AppendixTemplate): RowPlan {
  let plan = plans.get(template);
  if (!plan) {
    const required = (key: string) => template.requiredKeys.includes(key);
    plan = {
      requiredWhen: template.columns.filter((c) => c.requiredWhen),
      together: template.columns.filter(
        (c) =>
          isNumberType(c.type) && (required(c.key) || (c.ratio && required(c.ratio.part) && required(c.ratio.total))),
      ),
      required: template.columns.filter((c) => c.required),
      ratios: template.columns.filter((c) => c.ratio),
      countFor: template.columns.filter((c) => c.countFor),
    };
    plans.set(template, plan);
  }
  return plan;
}

export function checkRow(row: DataRow, template: AppendixTemplate, sink: FindingSink): CheckedRow {
  // A table's rows share one key index: their numbers take it too rather than a Map each.
  const shared = row.cells instanceof RowCells || row.cells instanceof KeyedValues;
  const numbers = shared ? new KeyedValues<NumberCell>(row.cells.index) : new Map<string, NumberCell>();
  // An unusable mark is no entry: flags are only ever asked for yes, no or neither.
  const flags = shared ? new KeyedValues<boolean>(row.cells.index) : new Map<string, boolean>();
  for (const key of shared ? row.cells.index.keys() : row.cells.keys()) {
    const column = columnByKey(template, key);
    if (isNumberType(column.type)) numbers.set(key, checkNumberCell(row.cells, key, column, sink));
    else if (column.type === 'flag') {
      const flag = readFlag(valueIn(row.cells, key) ?? null);
      if (flag.kind === 'invalid') sink.add(row.cells.get(key)!, 'invalid-flag');
      else flags.set(key, flag.kind === 'yes');
    }
  }
  const checked: CheckedRow = { row, numbers, flags };
  if (template.shape === 'submissions') return checked;
  const plan = planOf(template);
  checkRequired(checked, template, plan, sink);
  if (template.sums.length > 0 || plan.ratios.length > 0) checkRelations(checked, template, plan, sink);
  for (const column of plan.countFor) checkCountFor(checked, template, column, sink);
  return checked;
}

function value(numbers: ReadonlyMap<string, NumberCell>, key: string): number | undefined {
  const n = numbers.get(key);
  return n?.state === 'number' ? n.value : undefined;
}

function fill(template: Text | undefined, value: string): Text | undefined {
  return template && { vi: template.vi.replace(/\{value\}/g, value), en: template.en.replace(/\{value\}/g, value) };
}

function missing(cell: Cell, column: ColumnDef, reason: Text, sink: FindingSink): void {
  sink.add(cell, 'missing-value', { detail: { header: column.title, reason } });
}

/** missing-value: required when another cell says so, filled together, required on a row with data. */
function checkRequired(checked: CheckedRow, template: AppendixTemplate, plan: RowPlan, sink: FindingSink): void {
  const { row, numbers, flags } = checked;
  for (const column of plan.requiredWhen) {
    const when = column.requiredWhen!;
    if (!row.cells.has(column.key) || !isBlankValue(valueIn(row.cells, column.key))) continue;
    const cell = row.cells.get(column.key)!;
    const other = columnByKey(template, when.column);
    const otherCell = row.cells.get(when.column);
    if (when.above !== undefined) {
      const n = value(numbers, when.column);
      if (n === undefined || n <= when.above) continue;
      const reason = fill(when.reason, String(n)) ?? {
        vi: `ô ${otherCell?.address ?? when.column} ("${other.title.vi}") là ${n}, lớn hơn ${when.above}`,
        en: `${otherCell?.address ?? when.column} ("${other.title.en}") is ${n}, above ${when.above}`,
      };
      missing(cell, column, reason, sink);
    } else if (flags.get(when.column) === true) {
      const reason = fill(when.reason, 'x') ?? {
        vi: `ô ${otherCell?.address ?? when.column} ("${other.title.vi}") đã đánh dấu x`,
        en: `${otherCell?.address ?? when.column} ("${other.title.en}") is marked x`,
      };
      missing(cell, column, reason, sink);
    }
  }

  // The required number columns, and the ratios between them, are filled together or not at all.
  const { together } = plan;
  const given = (key: string): boolean => (numbers.get(key)?.state ?? 'blank') !== 'blank';
  if (together.length > 1 && together.some((c) => given(c.key))) {
    for (const column of together) {
      const n = numbers.get(column.key);
      // With a total of 0 there is no ratio to give: a blank ratio is right.
      if (n?.state !== 'blank' || (column.ratio && value(numbers, column.ratio.total) === 0)) continue;
      missing(n.cell, column, template.requiredReason ?? filledTogether(together, row), sink);
    }
  }

  if (plan.required.length === 0) return;
  let hasData = false;
  for (const key of row.cells.keys()) {
    if (key === template.sttKey || key === template.unitKey || isBlankValue(valueIn(row.cells, key))) continue;
    hasData = true;
    break;
  }
  if (!hasData) return;
  for (const column of plan.required) {
    if (!row.cells.has(column.key) || !isBlankValue(valueIn(row.cells, column.key))) continue;
    missing(
      row.cells.get(column.key)!,
      column,
      column.reason ?? { vi: 'dòng đã có số liệu', en: 'the row has data' },
      sink,
    );
  }
}

/** Names the row's cells: a definition's keys (TONG_SO) are not what the user sees in the sheet. */
function filledTogether(columns: readonly ColumnDef[], row: DataRow): Text {
  const list = columns.map((c) => row.cells.get(c.key)?.address ?? c.key).join(', ');
  return {
    vi: `các ô ${list} phải có số liệu cùng nhau`,
    en: `the cells ${list} are filled together`,
  };
}

/** The row's usable numbers, read through: no copy is made for each row. */
function shownNumbers(numbers: ReadonlyMap<string, NumberCell>): RowNumbers {
  return {
    get: (key) => {
      const n = numbers.get(key);
      return n?.state === 'number' ? n : undefined;
    },
  };
}

function sumLabel(sum: SumDef, template: AppendixTemplate): DetailValue {
  if (sum.label) return sum.label;
  const titles = sum.parts.map((p) => columnByKey(template, p).title);
  return {
    vi: titles.map((t) => `"${t.vi}"`).join(' + '),
    en: titles.map((t) => `"${t.en}"`).join(' + '),
  };
}

/** Sums first: a ratio is not judged on a row whose counts do not add up. */
function checkRelations(checked: CheckedRow, template: AppendixTemplate, plan: RowPlan, sink: FindingSink): void {
  const { numbers } = checked;
  const shown = shownNumbers(numbers);
  const repair = suggestRepair(template, shown);
  const cellOf = (key: string) => numbers.get(key)?.cell;
  const suggestion: Suggestion | undefined =
    repair && cellOf(repair.key) ? { cell: cellOf(repair.key)!.address, value: repair.value } : undefined;
  const withSuggestion = suggestion ? { suggestion } : {};

  let countsWrong = false;
  for (const sum of template.sums) {
    const state = sumState(sum, shown);
    const total = shown.get(sum.total);
    if (state === 'part-exceeds' && total) {
      countsWrong = true;
      for (const part of sum.parts) {
        const partValue = shown.get(part)?.value;
        if (partValue === undefined || partValue <= total.value) continue;
        sink.add(cellOf(part)!, 'part-exceeds-total', {
          actual: partValue,
          expected: total.value,
          ...withSuggestion,
          detail: { part: columnByKey(template, part).title, total: columnByKey(template, sum.total).title },
        });
      }
    } else if (state === 'mismatch' && total) {
      countsWrong = true;
      const added = partsSum(sum, shown);
      sink.add(cellOf(sum.total)!, 'sum-mismatch', {
        actual: total.value,
        ...(sum.op === '=' ? { expected: added } : {}),
        ...withSuggestion,
        detail: {
          sum: added,
          parts: sumLabel(sum, template),
          compare: sum.op === '=' ? { vi: 'khác', en: 'not' } : { vi: 'lớn hơn', en: 'more than' },
        },
      });
    }
  }
  if (countsWrong) return;
  for (const column of plan.ratios) checkRatio(checked, column, suggestion, sink);
}

function checkRatio(
  checked: CheckedRow,
  column: ColumnDef,
  rowRepair: Suggestion | undefined,
  sink: FindingSink,
): void {
  const { numbers, row } = checked;
  const { part: partKey, total: totalKey } = column.ratio!;
  const ratio = numbers.get(column.key);
  const total = value(numbers, totalKey);
  const part = value(numbers, partKey);
  if (ratio?.state !== 'number' || total === undefined) return;
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
    detail: { part: row.cells.get(partKey)?.column ?? partKey, total: row.cells.get(totalKey)?.column ?? totalKey },
  });
}

/** A mark that says "has" and the count of what it has must agree (L "x" and M ≥ 1). */
function checkCountFor(checked: CheckedRow, template: AppendixTemplate, column: ColumnDef, sink: FindingSink): void {
  const { row, numbers, flags } = checked;
  const flagKey = column.countFor!;
  const marked = flags.get(flagKey);
  const count = numbers.get(column.key);
  const flagCell = row.cells.get(flagKey);
  if (marked === undefined || !count || !flagCell || count.state === 'invalid') return;
  const n = count.state === 'number' ? count.value : 0;
  const flagTitle = columnByKey(template, flagKey).title;
  if (marked && n === 0) {
    const blank = count.state === 'blank';
    sink.add(count.cell, 'flag-count-mismatch', {
      detail: {
        reason: {
          vi: `Đã đánh dấu "${flagTitle.vi}" (${flagCell.address}) nhưng "${column.title.vi}" là ${blank ? 'trống' : '0'}.`,
          en: `"${flagTitle.en}" is marked (${flagCell.address}) but "${column.title.en}" is ${blank ? 'blank' : '0'}.`,
        },
      },
    });
  } else if (!marked && n >= 1) {
    sink.add(count.cell, 'flag-count-mismatch', {
      detail: {
        reason: {
          vi: `"${column.title.vi}" là ${n} nhưng ô ${flagCell.address} ("${flagTitle.vi}") không đánh dấu x.`,
          en: `"${column.title.en}" is ${n} but ${flagCell.address} ("${flagTitle.en}") is not marked x.`,
        },
      },
    });
  }
}
