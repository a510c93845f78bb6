import type { DataRow, Table } from '../templates/table';
import type { ColumnDateOrder } from '../values/date';
import { columnDateOrder, formatReportDate, periodStart, readDate } from '../values/date';
import { cleanSpaces, stripAccents } from '../values/text';
import type { RowUnit } from './units';
import type { FindingSink } from './sink';

/** One support model of Phụ lục 3, attributed to the unit of its row or of the rows above. */
export interface ModelRow {
  readonly row: DataRow;
  readonly unit: RowUnit | undefined;
  readonly text: string;
  /** The number the text gives itself ("3. Xây dựng …" → 3), if any. */
  readonly ownNumber: number | undefined;
}

function modelText(row: DataRow): string {
  const v = row.cells.get('C')?.value;
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
    const text = modelText(row);
    return { row, unit: current, text, ownNumber: ownNumber(text) };
  });
}

/**
 * A unit's models numbered "3., 4., …" or "…, 1., 2." mean rows of another unit slipped in:
 * the list must start at 1 and never restart.
 */
export function checkModelNumbering(models: readonly ModelRow[], sink: FindingSink): void {
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
    const n = model.ownNumber;
    const cell = model.row.cells.get('C');
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
export function checkModelDates(models: readonly ModelRow[], periodEnd: Date, sink: FindingSink): void {
  const order: ColumnDateOrder = columnDateOrder(models.map((m) => m.row.cells.get('D')?.value ?? null));
  for (const model of models) {
    const cell = model.row.cells.get('D');
    if (!cell) return;
    const reading = readDate(cell.value, order, cell.numberFormat);
    if (reading.kind === 'blank') {
      if (model.text !== '') {
        sink.add(cell, 'missing-value', {
          detail: {
            header: { vi: 'Thời gian thực hiện', en: 'Since' },
            reason: { vi: 'mô hình cần có thời gian thực hiện', en: 'each model needs its starting date' },
          },
        });
      }
      continue;
    }
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

/** "Kết nối thủ tục (giấy phép) kinh doanh có điều kiện", however it is written. */
export function isConditionalLicenceModel(text: string): boolean {
  const key = stripAccents(text);
  return key.includes('ket noi thu tuc') && key.includes('kinh doanh co dieu kien');
}
