/// <reference types="office-js" />
import { address } from '../../core/address';
import type { CellWrite } from '../../core/plan';
import { areaBounds, compactAreas } from './addresses';
import type { Overwritten } from './record';
import { callOverheadBytes } from './batch';

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

/** What a cell's formula and value may take in an answer, generously. */
const previousCellBytes = 400;

/** Queues reading the formulas (or constants) of cells about to be overwritten, against the budgets. */
export async function queuePreviousRead(
  worksheet: Excel.Worksheet,
  cells: readonly string[],
  spend: (request: number, response: number) => Promise<void>,
): Promise<{ size: number; collect(sheet: string): Overwritten[] }> {
  const areas: { area: string; range: Excel.Range }[] = [];
  for (const area of compactAreas(cells)) {
    const { top, left, bottom, right } = areaBounds(area);
    await spend(callOverheadBytes + area.length, (bottom - top + 1) * (right - left + 1) * previousCellBytes);
    areas.push({ area, range: worksheet.getRange(area).load('formulas,values') });
  }
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
