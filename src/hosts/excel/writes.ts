/// <reference types="office-js" />
import { address } from '../../core/address';
import type { CellWrite } from '../../core/plan';
import { areaBounds, compactAreas } from './addresses';
import type { Overwritten } from './record';

/** Text that Excel would read as a formula or a sign if typed: written with the Text format. */
const formulaLike = /^[=+\-@]/;

/** Queues one write; a string is always written as text, never as a formula. */
export function queueCellWrite(worksheet: Excel.Worksheet, write: CellWrite): void {
  const range = worksheet.getRange(write.cell);
  if (write.numberFormat !== undefined) range.numberFormat = [[write.numberFormat]];
  if (write.formula !== undefined) {
    range.formulas = [[`=${write.formula.replace(/^=/, '')}`]];
    return;
  }
  const value = write.value ?? '';
  if (typeof value === 'string' && formulaLike.test(value)) range.numberFormat = [['@']];
  range.values = [[value]];
}

/** Queues reading the formulas (or constants) of cells about to be overwritten: one call per run. */
export function queuePreviousRead(
  worksheet: Excel.Worksheet,
  cells: readonly string[],
  spend: (bytes: number) => void,
): { size: number; collect(sheet: string): Overwritten[] } {
  const areas = compactAreas(cells).map((area) => {
    spend(area.length + 300);
    return { area, range: worksheet.getRange(area).load('formulas,values') };
  });
  return {
    size: areas.length,
    collect: (sheet) =>
      areas.flatMap(({ area, range }) => {
        const { top, left } = areaBounds(area);
        return range.formulas.flatMap((row, r) =>
          row.map((formula: unknown, c): Overwritten => {
            const cell = address(top + r, left + c);
            if (typeof formula === 'string' && formula.startsWith('='))
              return { sheet, cell, formula: formula.slice(1), value: null };
            const value: unknown = range.values[r]?.[c];
            const plain =
              typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : null;
            return { sheet, cell, value: plain === '' ? null : plain };
          }),
        );
      }),
  };
}
