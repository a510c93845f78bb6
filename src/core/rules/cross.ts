import type { DataRow } from '../templates/table';
import { readFlag } from '../values/flag';
import type { IndicatorRow } from './indicators';
import type { ModelRow } from './models';
import { isConditionalLicenceModel } from './models';
import type { FindingSink } from './sink';
import type { RowUnit } from './units';

/** What each appendix of a workbook says about the units, for the checks across appendices. */
export interface AppendixUnits {
  readonly phuLuc1?: { readonly units: ReadonlyMap<DataRow, RowUnit>; readonly sink: FindingSink };
  readonly phuLuc2?: { readonly rows: readonly (IndicatorRow & { unit?: RowUnit })[]; readonly sink: FindingSink };
  readonly phuLuc3?: { readonly models: readonly ModelRow[]; readonly sink: FindingSink };
}

/** Phụ lục 1's third column: the unit reported without its data appendix. */
function sentWithoutData(row: DataRow): boolean {
  return readFlag(row.cells.get('C')?.value ?? null).kind === 'yes';
}

export function checkAcrossAppendices(a: AppendixUnits, consolidator: string | undefined): void {
  const submitted = new Set<string>();
  if (a.phuLuc1) {
    for (const [row, unit] of a.phuLuc1.units)
      if (row.section === 'submitted' && unit.unit) submitted.add(unit.unit.name);
  }
  const withDataRow = new Set(a.phuLuc2?.rows.flatMap((r) => (r.unit?.unit ? [r.unit.unit.name] : [])) ?? []);

  if (a.phuLuc1 && a.phuLuc2) {
    for (const [row, unit] of a.phuLuc1.units) {
      if (row.section !== 'submitted' || !unit.unit || sentWithoutData(row) || withDataRow.has(unit.unit.name))
        continue;
      a.phuLuc1.sink.add(unit.cell, 'missing-data-row', { actual: unit.name, detail: { appendix: 'Phụ lục 2' } });
    }
  }

  if (a.phuLuc1) {
    const unlisted = (unit: RowUnit | undefined, sink: FindingSink) => {
      if (unit?.unit && unit.unit.name !== consolidator && !submitted.has(unit.unit.name)) {
        sink.add(unit.cell, 'unlisted-unit', { actual: unit.name });
      }
    };
    for (const row of a.phuLuc2?.rows ?? []) unlisted(row.unit, a.phuLuc2!.sink);
    const firstRows = new Set<RowUnit>();
    for (const model of a.phuLuc3?.models ?? []) {
      if (model.unit && !firstRows.has(model.unit)) {
        firstRows.add(model.unit);
        unlisted(model.unit, a.phuLuc3!.sink);
      }
    }
  }

  if (a.phuLuc2 && a.phuLuc3) {
    const byUnit = new Map(a.phuLuc2.rows.flatMap((r) => (r.unit?.unit ? [[r.unit.unit.name, r] as const] : [])));
    for (const model of a.phuLuc3.models) {
      const indicators = model.unit?.unit && byUnit.get(model.unit.unit.name);
      const cell = model.row.cells.get('C');
      if (!indicators || !cell || !isConditionalLicenceModel(model.text)) continue;
      if (indicators.flags.get('P') === true) continue;
      const flagCell = indicators.row.cells.get('P');
      a.phuLuc3.sink.add(cell, 'model-flag-mismatch', {
        actual: model.text,
        detail: { flagCell: flagCell ? `${a.phuLuc2.sink.sheet}!${flagCell.address}` : 'P' },
      });
    }
  }
}
