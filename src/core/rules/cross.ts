import type { AppendixTemplate, Report } from '../templates/appendix';
import { dataAppendixOf, submissionsOf } from '../templates/appendix';
import type { DataRow } from '../templates/table';
import { readFlag } from '../values/flag';
import { cellText, containsAll } from './models';
import type { CheckedRow } from './row';
import type { FindingSink } from './sink';
import type { RowUnit } from './units';

/** What one appendix table of a workbook says about the units, for the checks across appendices. */
export interface AppendixUnits {
  readonly template: AppendixTemplate;
  readonly units: ReadonlyMap<DataRow, RowUnit>;
  /** Each data row with its unit (several rows per unit: the unit above when the row names none). */
  readonly rows: readonly { readonly row: DataRow; readonly unit?: RowUnit | undefined }[];
  /** Row-per-unit tables: each row after its checks. */
  readonly checked: readonly (CheckedRow & { readonly unit?: RowUnit })[];
  readonly sink: FindingSink;
}

/** The submissions appendix's no-data mark: the unit reported without its data appendix. */
function sentWithoutData(row: DataRow, template: AppendixTemplate): boolean {
  const mark = template.columns.find((c) => c.meaning === 'no-data');
  return mark !== undefined && readFlag(row.cells.get(mark.key)?.value ?? null).kind === 'yes';
}

/**
 * Who reported (the submissions appendix) against who sent data rows, and the definition's cross
 * checks, over the first table of each appendix in the workbook.
 */
export function checkAcrossAppendices(
  byAppendix: ReadonlyMap<string, AppendixUnits>,
  report: Report,
  consolidator: string | undefined,
): void {
  const submissionsTemplate = submissionsOf(report);
  const dataTemplate = dataAppendixOf(report);
  const submissions = submissionsTemplate && byAppendix.get(submissionsTemplate.id);
  const data = dataTemplate && byAppendix.get(dataTemplate.id);

  if (submissions) {
    const submitted = new Set<string>();
    for (const [row, unit] of submissions.units)
      if (row.section === 'submitted' && unit.unit) submitted.add(unit.unit.name);

    if (data) {
      const withDataRow = new Set(data.checked.flatMap((r) => (r.unit?.unit ? [r.unit.unit.name] : [])));
      for (const [row, unit] of submissions.units) {
        if (row.section !== 'submitted' || !unit.unit || withDataRow.has(unit.unit.name)) continue;
        if (sentWithoutData(row, submissions.template)) continue;
        submissions.sink.add(unit.cell, 'missing-data-row', {
          actual: unit.name,
          detail: { appendix: data.template.title.vi },
        });
      }
    }

    for (const template of report.appendices) {
      const table = byAppendix.get(template.id);
      if (!table || table === submissions) continue;
      const firstRows = new Set<RowUnit>();
      for (const { unit } of table.rows) {
        if (!unit?.unit || firstRows.has(unit)) continue;
        firstRows.add(unit);
        if (unit.unit.name !== consolidator && !submitted.has(unit.unit.name)) {
          table.sink.add(unit.cell, 'unlisted-unit', {
            actual: unit.name,
            detail: { appendix: submissions.template.title.vi },
          });
        }
      }
    }
  }

  for (const check of report.crossChecks) {
    const when = byAppendix.get(check.when.appendix);
    const required = byAppendix.get(check.require.appendix);
    if (!when || !required) continue;
    const byUnit = new Map(required.checked.flatMap((r) => (r.unit?.unit ? [[r.unit.unit.name, r] as const] : [])));
    const subject = check.subject ?? {
      vi: `ghi "${check.when.containsAll.join(' … ')}"`,
      en: `writes "${check.when.containsAll.join(' … ')}"`,
    };
    for (const { row, unit } of when.rows) {
      const other = unit?.unit && byUnit.get(unit.unit.name);
      const cell = row.cells.get(check.when.column);
      const text = cellText(row, check.when.column);
      if (!other || !cell || !containsAll(text, check.when.containsAll)) continue;
      if (other.flags.get(check.require.column) === true) continue;
      const flagCell = other.row.cells.get(check.require.column);
      when.sink.add(cell, 'model-flag-mismatch', {
        actual: text,
        detail: {
          flagCell: flagCell ? `${required.sink.sheet}!${flagCell.address}` : check.require.column,
          appendix: required.template.title.vi,
          subject,
        },
      });
    }
  }
}
