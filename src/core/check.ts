import { columnLetter, columnNumber } from './address';
import { applyConfirmations } from './confirm/apply';
import { periodEndFromTitles } from './period';
import type { Finding } from './report/finding';
import { isReportDataSheet } from './definition/carried';
import type { InForce } from './definition/in-force';
import { inForce } from './definition/in-force';
import type { ModelRow } from './rules/models';
import { attributeModels, checkDates, checkItemNumbering } from './rules/models';
import type { AppendixUnits } from './rules/cross';
import { checkAcrossAppendices } from './rules/cross';
import type { CheckedRow } from './rules/row';
import { checkRow } from './rules/row';
import { FindingSink } from './rules/sink';
import type { RowUnit } from './rules/units';
import { checkNumbering, checkUnits } from './rules/units';
import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';
import type { AppendixId, Report } from './templates/appendix';
import { titlesPhrase } from './templates/appendix';
import type { DataRow, Table } from './templates/table';
import { findTables } from './templates/table';
import { UnitMatcher } from './units/match';
import type { UnitRegistry } from './units/registry';

export interface CheckOptions {
  /**
   * The report the workbook is checked against; when absent, the definition the workbook carries,
   * else the built-in 9T/2024 report.
   */
  readonly report?: Report;
  /** The unit list; when absent, the workbook's "Danh mục đơn vị" sheet, the report's units, the built-in list. */
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

/** A table with what its checks learned: each row's unit, numbers and marks. */
export interface CheckedTable {
  readonly table: Table;
  readonly units: ReadonlyMap<DataRow, RowUnit>;
  /** Every data row after its checks, with the unit its own unit cell names. */
  readonly rows: readonly (CheckedRow & { readonly unit?: RowUnit })[];
  /** Every data row with its unit, a continuation row taking the unit above. */
  readonly models: readonly ModelRow[];
}

export interface CheckResult {
  /** The report and unit list the workbook was checked against, and where each came from. */
  readonly inForce: InForce;
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

function isEmptySheet(sheet: SheetSnapshot): boolean {
  return sheet.values.every((row) => row.every((v) => v === null || (typeof v === 'string' && v.trim() === '')));
}

/** Every check of SPEC.md on one workbook: each appendix on its own, then across appendices. */
export function checkWorkbook(workbook: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const given = inForce(workbook, {
    ...(options.report ? { report: options.report } : {}),
    ...(options.registry ? { registry: options.registry } : {}),
  });
  const { report, registry } = given;
  const matcher = options.matcher ?? matcherFor(registry);
  const periodEnd =
    options.periodEnd ?? report.periodEnd ?? periodEndFromTitles(workbook.sheets) ?? options.today ?? new Date();
  const sinks: FindingSink[] = [];
  const tables: CheckedTable[] = [];
  const across = new Map<string, AppendixUnits>();

  for (const sheet of workbook.sheets) {
    if (isReportDataSheet(sheet.name)) continue;
    const sink = new FindingSink(sheet.name, workbook.file);
    sinks.push(sink);
    const found = findTables(sheet, report);
    if (found.length === 0 && !isEmptySheet(sheet)) {
      sink.addSheetLevel('not-an-appendix', {
        actual: sheet.name,
        detail: { appendices: titlesPhrase(report.appendices) },
      });
    }
    // A sheet may hold several appendices, one under the other, as a report pasted from Word.
    for (const table of found) {
      const checked = checkTable(table, matcher, periodEnd, sink);
      tables.push(checked);
      const { units, rows, models } = checked;
      if (!across.has(table.template.id))
        across.set(table.template.id, {
          template: table.template,
          units,
          rows: table.template.shape === 'rows-per-unit' ? models : rows,
          checked: rows,
          sink,
        });
    }
  }
  checkAcrossAppendices(across, report, registry.consolidator);

  // A reviewer's confirmation in a cell's note marks that cell's findings, whichever check made them.
  const byName = new Map(workbook.sheets.map((sheet) => [sheet.name, sheet]));
  const findings = sinks.flatMap((sink) => sortByPosition(applyConfirmations(sink.findings, byName.get(sink.sheet))));
  const sheets = tables.map(({ table }) => ({
    ...(workbook.file === undefined ? {} : { file: workbook.file }),
    sheet: table.sheet,
    appendix: table.template.id,
    headerRows: table.header.headerRows,
    dataRows: table.rows.length,
  }));
  return { inForce: given, sheets, tables, findings };
}

/** The checks of one appendix table, as its definition declares them. */
function checkTable(table: Table, matcher: UnitMatcher, periodEnd: Date, sink: FindingSink): CheckedTable {
  const { template } = table;
  const firstColumn = template.columns[0] ? table.header.columns.get(template.columns[0].key) : undefined;
  const letter = columnLetter(firstColumn ?? 1);
  for (const row of table.repeatedHeaderRows) {
    sink.add(
      { address: `${letter}${row}`, row, column: letter, value: null, numberFormat: undefined, formula: undefined },
      'repeated-header',
      { actual: null },
    );
  }
  checkNumbering(table, sink);
  const units = checkUnits(table, matcher, sink);
  const rows = table.rows.map((row) => {
    const { numbers, flags } = checkRow(row, template, sink);
    return { row, numbers, flags, unit: units.get(row) };
  });
  // Rows continue the unit above only where a unit has several; numbered items are counted per unit.
  const attributed = template.shape === 'rows-per-unit' || template.columns.some((c) => c.numberedItems);
  const models = attributed ? attributeModels(table, units) : [];
  for (const column of template.columns) {
    if (column.numberedItems) checkItemNumbering(models, column, sink);
    if (column.type === 'date') checkDates(table.rows, column, periodEnd, sink);
  }
  return { table, units, rows, models };
}

function sortByPosition(findings: readonly Finding[]): Finding[] {
  const columns = findings.map((f) => columnNumber(f.column));
  const before = (a: number, b: number): number => findings[a]!.row - findings[b]!.row || columns[a]! - columns[b]!;
  // A sheet's findings come row by row: most are in order already, and the sort is stable.
  let inOrder = true;
  for (let i = 1; i < findings.length && inOrder; i++) inOrder = before(i - 1, i) <= 0;
  if (inOrder) return [...findings];
  return findings
    .map((_, i) => i)
    .sort(before)
    .map((i) => findings[i]!);
}
