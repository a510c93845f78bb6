import fc from 'fast-check';
import { checkWorkbook } from '../../../src/core/check';
import type { CellValue } from '../../../src/core/snapshot';
import { pl2Header, pl2Row, pl3Header, sheet, workbook } from '../../support/grids';

/**
 * Values a date cell can hold that are no date: a Date a host built from a serial out of range,
 * serials far beyond the calendar, error values. Each is a finding, never an exception.
 */
const invalidDate = fc.constant(new Date(Number.NaN));
const hugeSerial = fc.oneof(fc.constant(1e20), fc.double({ min: 1e9, max: 1e300, noNaN: true }));
const errorValue = fc.constantFrom('#VALUE!', '#NUM!', '#REF!', '#DIV/0!', '#N/A').map((error) => ({ error }));

describe('dates that are no dates reach the finding sink', () => {
  it('a Phụ lục 3 date cell: invalid-date for an invalid Date or a huge serial, never a throw', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(invalidDate, hugeSerial, errorValue), { minLength: 1, maxLength: 6 }), (dates) => {
        const rows: CellValue[][] = dates.map((d, i) => [
          i === 0 ? 1 : null,
          i === 0 ? 'Sở Du lịch' : null,
          `${i + 1}. Mô hình`,
          d,
        ]);
        const formats = [[], ...dates.map(() => [undefined, undefined, undefined, 'dd/mm/yyyy'])];
        const { findings } = checkWorkbook(
          workbook(sheet('Phụ lục 3', [pl3Header, ...rows], { numberFormats: formats })),
          { periodEnd: new Date('2024-09-30') },
        );
        const dateFindings = findings.filter((f) => f.column === 'D').map((f) => [f.cell, f.rule, f.actual]);
        expect(dateFindings).toEqual(
          dates.map((d, i) => [
            `D${i + 2}`,
            'invalid-date',
            d instanceof Date ? 'Invalid Date' : typeof d === 'number' ? d : d.error,
          ]),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('an invalid Date in a Phụ lục 2 count column is not-a-number, with the value shown as it is', () => {
    const { findings } = checkWorkbook(
      workbook(sheet('Phụ lục 2', [pl2Header, pl2Row(1, 'Sở Du lịch', { C: new Date(Number.NaN) })])),
    );
    expect(findings.map((f) => [f.cell, f.rule, f.actual])).toEqual([['C2', 'not-a-number', 'Invalid Date']]);
  });
});
