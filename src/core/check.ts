import { columnNumber } from './address';
import { periodEndFromTitles } from './period';
import type { Finding } from './report/finding';
import type { IndicatorRow } from './rules/indicators';
import { checkIndicatorRow } from './rules/indicators';
import type { ModelRow } from './rules/models';
import { attributeModels, checkModelDates, checkModelNumbering } from './rules/models';
import type { AppendixUnits } from './rules/cross';
import { checkAcrossAppendices } from './rules/cross';
import { FindingSink } from './rules/sink';
import type { RowUnit } from './rules/units';
import { checkNumbering, checkUnits } from './rules/units';
import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';
import type { AppendixId } from './templates/appendix';
import type { DataRow, Table } from './templates/table';
import { findTables } from './templates/table';
import { UnitMatcher } from './units/match';
import { readFlag } from './values/flag';
import type { UnitRegistry } from './units/registry';
import { defaultRegistry } from './units/registry';

export interface CheckOptions {
  readonly registry?: UnitRegistry;
  /** End of the report period; read from the titles ("9T/2024") when absent, else today. */
  readonly periodEnd?: Date;
  /** A matcher built once for many workbooks (merge); built from `registry` when absent. */
  readonly matcher?: UnitMatcher;
  readonly today?: Date;
}

export interface SheetSummary {
  readonly file?: string;
  readonly sheet: string;
  readonly appendix: AppendixId;
  readonly headerRows: readonly number[];
  readonly dataRows: number;
}

/** A table with what its checks learned: each row's unit, indicators, models. */
export interface CheckedTable {
  readonly table: Table;
  readonly units: ReadonlyMap<DataRow, RowUnit>;
  readonly indicators: readonly (IndicatorRow & { readonly unit?: RowUnit })[];
  readonly models: readonly ModelRow[];
}

export interface CheckResult {
  readonly sheets: readonly SheetSummary[];
  readonly tables: readonly CheckedTable[];
  readonly findings: readonly Finding[];
}

/** A registry is immutable: index it once, however many times the user validates. */
const matchers = new WeakMap<UnitRegistry, UnitMatcher>();

function matcherFor(registry: UnitRegistry): UnitMatcher {
  let matcher = matchers.get(registry);
  if (!matcher) matchers.set(registry, (matcher = new UnitMatcher(registry)));
  return matcher;
}

type AcrossAppendices = { -readonly [K in keyof AppendixUnits]: AppendixUnits[K] };

function isEmptySheet(sheet: SheetSnapshot): boolean {
  return sheet.values.every((row) => row.every((v) => v === null || (typeof v === 'string' && v.trim() === '')));
}

/** Every check of SPEC.md on one workbook: each appendix on its own, then across appendices. */
export function checkWorkbook(workbook: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const registry = options.registry ?? defaultRegistry;
  const matcher = options.matcher ?? matcherFor(registry);
  const periodEnd = options.periodEnd ?? periodEndFromTitles(workbook.sheets) ?? options.today ?? new Date();
  const sinks: FindingSink[] = [];
  const tables: CheckedTable[] = [];
  const across: AcrossAppendices = {};

  for (const sheet of workbook.sheets) {
    const sink = new FindingSink(sheet.name, workbook.file);
    sinks.push(sink);
    const found = findTables(sheet);
    if (found.length === 0 && !isEmptySheet(sheet)) sink.addSheetLevel('not-an-appendix', { actual: sheet.name });
    // A sheet may hold several appendices, one under the other, as a report pasted from Word.
    for (const table of found) tables.push(checkTable(table, matcher, periodEnd, sink, across));
  }
  checkAcrossAppendices(across, registry.consolidator);

  const findings = sinks.flatMap((sink) => sortByPosition(sink.findings));
  const sheets = tables.map(({ table }) => ({
    ...(workbook.file === undefined ? {} : { file: workbook.file }),
    sheet: table.sheet,
    appendix: table.template.id,
    headerRows: table.header.headerRows,
    dataRows: table.rows.length,
  }));
  return { sheets, tables, findings };
}

/** The checks of one appendix table; what the checks across appendices need goes into `across`. */
function checkTable(
  table: Table,
  matcher: UnitMatcher,
  periodEnd: Date,
  sink: FindingSink,
  across: AcrossAppendices,
): CheckedTable {
  for (const row of table.repeatedHeaderRows) {
    sink.add(
      { address: `A${row}`, row, column: 'A', value: null, numberFormat: undefined, formula: undefined },
      'repeated-header',
      { actual: null },
    );
  }
  checkNumbering(table, sink);
  const units = checkUnits(table, matcher, sink);
  let indicators: CheckedTable['indicators'] = [];
  let models: ModelRow[] = [];
  if (table.template.id === 'PL2') {
    indicators = table.rows.map((row) => ({ ...checkIndicatorRow(row, sink), unit: units.get(row) }));
    across.phuLuc2 ??= { rows: indicators, sink };
  } else if (table.template.id === 'PL3') {
    models = attributeModels(table, units);
    checkModelNumbering(models, sink);
    checkModelDates(models, periodEnd, sink);
    across.phuLuc3 ??= { models, sink };
  } else {
    checkMarks(table, 'C', sink);
    across.phuLuc1 ??= { units, sink };
  }
  return { table, units, indicators, models };
}

/** A column of yes/no marks outside Phụ lục 2 (Phụ lục 1's "thiếu phụ lục số liệu"). */
function checkMarks(table: Table, key: string, sink: FindingSink): void {
  for (const row of table.rows) {
    const cell = row.cells.get(key);
    if (cell && readFlag(cell.value).kind === 'invalid') sink.add(cell, 'invalid-flag');
  }
}

function sortByPosition(findings: readonly Finding[]): Finding[] {
  const keyed = findings.map((f, i) => ({ f, i, col: columnNumber(f.column) }));
  keyed.sort((a, b) => a.f.row - b.f.row || a.col - b.col || a.i - b.i);
  return keyed.map((k) => k.f);
}
