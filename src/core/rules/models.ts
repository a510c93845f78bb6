import type { ColumnDef } from '../templates/appendix';
import type { DataRow, Table } from '../templates/table';
import type { ColumnDateOrder } from '../values/date';
import { columnDateOrder, formatReportDate, periodStart, readDate } from '../values/date';
import { cleanSpaces, stripAccents } from '../values/text';
import type { RowUnit } from './units';
import type { FindingSink } from './sink';

/**
 * One row of an appendix with several rows per unit (Phụ lục 3's support models), attributed
 * to the unit of its row or of the rows above.
 */
export interface ModelRow {
  readonly row: DataRow;
  readonly unit: RowUnit | undefined;
}

export function cellText(row: DataRow, key: string): string {
  const v = row.cells.get(key)?.value;
  return typeof v === 'string' || typeof v === 'number' ? cleanSpaces(String(v)) : '';
}

function ownNumber(text: string): number | undefined {
  const match = /^(\d{1,2})\s*[.)]/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Rows without a unit continue the unit above them. */
export function attributeModels(table: Table, units: ReadonlyMap<DataRow, RowUnit>): ModelRow[] {
  let current: RowUnit | undefined;
  return table.rows.map((row) => {
    const own = units.get(row);
    if (own) current = own;
    return { row, unit: current };
  });
}

/**
 * A unit's items numbered "3., 4., …" or "…, 1., 2." mean rows of another unit slipped in:
 * the list must start at 1 and never restart.
 */
export function checkItemNumbering(models: readonly ModelRow[], column: ColumnDef, sink: FindingSink): void {
  let unit: RowUnit | undefined;
  let previous: number | undefined;
  let rowsOfUnit = 0;
  for (const model of models) {
    if (model.unit !== unit) {
      unit = model.unit;
      previous = undefined;
      rowsOfUnit = 0;
    }
    rowsOfUnit += 1;
    const n = ownNumber(cellText(model.row, column.key));
    const cell = model.row.cells.get(column.key);
    if (n === undefined || !cell) continue;
    const name = unit?.unit?.name ?? unit?.name ?? '';
    if (rowsOfUnit === 1 && n > 1) {
      sink.add(cell, 'model-numbering', {
        actual: n,
        expected: 1,
        detail: {
          reason: {
            vi: `Danh sách mô hình của "${name}" bắt đầu từ số ${n}`,
            en: `The model list of "${name}" starts at ${n}`,
          },
        },
      });
    } else if (rowsOfUnit > 1 && (previous === undefined ? n === 1 : n <= previous)) {
      sink.add(cell, 'model-numbering', {
        actual: n,
        expected: previous === undefined ? null : previous + 1,
        detail: {
          reason: {
            vi: `Danh sách mô hình của "${name}" đánh số lại từ ${n}`,
            en: `The model list of "${name}" restarts at ${n}`,
          },
        },
      });
    }
    previous = n;
  }
}

/** Month precision is enough; day/month order is decided once for the whole column. */
export function checkDates(rows: readonly DataRow[], column: ColumnDef, periodEnd: Date, sink: FindingSink): void {
  const order: ColumnDateOrder = columnDateOrder(rows.map((row) => row.cells.get(column.key)?.value ?? null));
  for (const row of rows) {
    const cell = row.cells.get(column.key);
    if (!cell) return;
    const reading = readDate(cell.value, order, cell.numberFormat);
    if (reading.kind === 'blank') continue;
    if (reading.kind === 'invalid') {
      sink.add(cell, 'invalid-date');
      continue;
    }
    if (reading.ambiguous) sink.add(cell, 'ambiguous-date', { expected: formatReportDate(reading.date) });
    if (periodStart(reading.date).getTime() > periodEnd.getTime()) {
      sink.add(cell, 'future-date', { detail: { periodEnd: periodEnd.toISOString().slice(0, 10) } });
    }
  }
}

/** Every phrase occurs in the text, compared without accents: "Kết nối thủ tục (giấy phép) …". */
export function containsAll(text: string, phrases: readonly string[]): boolean {
  const key = stripAccents(text);
  return phrases.every((p) => key.includes(stripAccents(p)));
}
