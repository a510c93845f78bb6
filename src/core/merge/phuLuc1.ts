import { phuLuc1 } from '../templates/appendix';
import type { Unit, UnitRegistry } from '../units/registry';
import { boxedBlank, numberCell, textCell } from './cells';
import { appendixHeader, appendixWidths, titleRows } from './layout';
import type { ReceivedUnit } from './received';
import { SheetBuilder } from './sheet';

/**
 * Phụ lục 1, generated rather than counted by eye: section I the units that sent something
 * (registry order, then units the registry lacks), "x" for those whose Phụ lục 2 row did not
 * come; section II the registry's units that sent nothing.
 */

export interface MergedPhuLuc1 {
  readonly sheet: SheetBuilder;
  /** Named units that sent something, in report order. */
  readonly submitted: readonly ReceivedUnit[];
  /** Registry units that sent nothing. */
  readonly missing: readonly Unit[];
}

const sectionStyle = { bold: true, border: true } as const;

export function mergePhuLuc1(units: readonly ReceivedUnit[], registry: UnitRegistry): MergedPhuLuc1 {
  // A row no name could attribute is reported on its own sheet; it is no unit to list here.
  const submitted = units.filter((u) => u.name !== '');
  const received = new Set(submitted.flatMap((u) => (u.unit ? [u.unit.name] : [])));
  const missing = registry.units.filter((u) => !received.has(u.name));

  const sheet = new SheetBuilder(phuLuc1.sheetName);
  sheet.addBlock(titleRows('PL1', 1, phuLuc1.columns.length));
  sheet.add();
  sheet.addBlock(appendixHeader('PL1', sheet.nextRow));
  sheet.add([textCell('I.', sectionStyle), textCell('Các đơn vị đã gửi báo cáo', sectionStyle), boxedBlank]);
  submitted.forEach((unit, i) => {
    const noDataRow = unit.indicators === undefined;
    sheet.add([
      numberCell(i + 1),
      textCell(unit.name),
      noDataRow ? textCell('x', { border: true, align: 'center' }) : boxedBlank,
    ]);
  });
  sheet.add([textCell('II.', sectionStyle), textCell('Các đơn vị chưa gửi báo cáo', sectionStyle), boxedBlank]);
  missing.forEach((unit, i) => sheet.add([numberCell(i + 1), textCell(unit.name), boxedBlank]));
  return { sheet, submitted, missing };
}

export function phuLuc1Widths(): number[] {
  return [...appendixWidths.PL1];
}
