import type { AppendixTemplate } from '../templates/appendix';
import type { Unit, UnitRegistry } from '../units/registry';
import { boxedBlank, numberCell, textCell } from './cells';
import type { DraftCell } from './output';
import { appendixHeader, appendixWidths, titleRows } from './layout';
import type { ReceivedUnit } from './received';
import { SheetBuilder } from './sheet';

/**
 * The list of who reported (Phụ lục 1), generated rather than counted by eye: section I the
 * units that sent something (registry order, then units the registry lacks), "x" in the no-data
 * column for those whose data row did not come; section II the registry's units that sent nothing.
 */

export interface MergedSubmissions {
  /** Absent when the report has no submissions appendix. */
  readonly sheet?: SheetBuilder;
  readonly widths: readonly number[];
  readonly frozenRows: number;
  /** Named units that sent something, in report order. */
  readonly submitted: readonly ReceivedUnit[];
  /** Registry units that sent nothing. */
  readonly missing: readonly Unit[];
}

const sectionStyle = { bold: true, border: true } as const;

export function mergeSubmissions(
  template: AppendixTemplate | undefined,
  dataAppendix: AppendixTemplate | undefined,
  units: readonly ReceivedUnit[],
  registry: UnitRegistry,
): MergedSubmissions {
  // A row no name could attribute is reported on its own sheet; it is no unit to list here.
  const submitted = units.filter((u) => u.name !== '');
  const received = new Set(submitted.flatMap((u) => (u.unit ? [u.unit.name] : [])));
  const missing = registry.units.filter((u) => !received.has(u.name));
  if (!template) return { widths: [], frozenRows: 0, submitted, missing };

  const sheet = new SheetBuilder(template.sheetName);
  sheet.addBlock(titleRows(template, 1, template.columns.length));
  sheet.add();
  sheet.addBlock(appendixHeader(template, sheet.nextRow));
  const frozenRows = sheet.nextRow - 1;
  const row = (stt: DraftCell, name: DraftCell, noData: boolean): DraftCell[] =>
    template.columns.map((column) => {
      if (column.type === 'stt') return stt;
      if (column.type === 'unit') return name;
      return column.meaning === 'no-data' && noData ? textCell('x', { border: true, align: 'center' }) : boxedBlank;
    });
  sheet.add(row(textCell('I.', sectionStyle), textCell('Các đơn vị đã gửi báo cáo', sectionStyle), false));
  submitted.forEach((unit, i) => {
    const noDataRow = dataAppendix !== undefined && !unit.rows.has(dataAppendix.id);
    sheet.add(row(numberCell(i + 1), textCell(unit.name), noDataRow));
  });
  sheet.add(row(textCell('II.', sectionStyle), textCell('Các đơn vị chưa gửi báo cáo', sectionStyle), false));
  missing.forEach((unit, i) => sheet.add(row(numberCell(i + 1), textCell(unit.name), false)));
  return { sheet, widths: appendixWidths(template), frozenRows, submitted, missing };
}
