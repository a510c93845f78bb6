import { checkWorkbook } from '../../../src/core/check';
import type { CellValue } from '../../../src/core/snapshot';
import { cellsAndRules, pl2Header, pl2Row, sheet, workbook } from '../../support/grids';

/** Checks one Phụ lục 2 sheet: header in row 1, the given rows from row 2. */
function checkRows(rows: CellValue[][], extra = {}) {
  return checkWorkbook(workbook(sheet('Phụ lục 2', [pl2Header, ...rows], extra)), {
    periodEnd: new Date('2024-09-30'),
  });
}

function rulesOf(rows: CellValue[][], extra = {}) {
  return cellsAndRules(checkRows(rows, extra).findings);
}

describe('Phụ lục 2 rows', () => {
  it('finds nothing in clean rows', () => {
    expect(rulesOf([pl2Row(1, 'Sở Du lịch'), pl2Row(2, 'Sở Công Thương')])).toEqual([]);
  });

  it('reports text, ranges and error values where a number belongs', () => {
    expect(rulesOf([pl2Row(1, 'Sở Du lịch', { C: 'nhiều', D: '2-3', K: '86-99', J: { error: '#DIV/0!' } })])).toEqual([
      ['C2', 'not-a-number'],
      ['D2', 'range-value'],
      ['J2', 'formula-error'],
      ['K2', 'range-value'],
    ]);
  });

  it('reads "1,5" as 1.5 and says so', () => {
    const [finding, ...rest] = checkRows([pl2Row(1, 'Sở Du lịch', { D: '1,5' })]).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      cell: 'D2',
      rule: 'decimal-comma',
      severity: 'info',
      actual: '1,5',
      expected: 1.5,
    });
  });

  it('reports negative values, fractions in counts and percents above 100', () => {
    expect(rulesOf([pl2Row(1, 'Sở Du lịch', { C: -1, M: 1.5, J: 120 })])).toEqual([
      ['C2', 'negative-value'],
      ['J2', 'percent-out-of-range'],
      ['M2', 'not-integer'],
    ]);
  });

  it('asks for D when procedures were shortened, and for every service cell once one is given', () => {
    expect(rulesOf([pl2Row(1, 'Sở Du lịch', { D: null, G: null, I: '' })])).toEqual([
      ['D2', 'missing-value'],
      ['G2', 'missing-value'],
      ['I2', 'missing-value'],
    ]);
    expect(rulesOf([pl2Row(1, 'Sở Du lịch', { C: 0, D: null, E: null, F: null, G: null, H: null, I: null })])).toEqual(
      [],
    );
  });

  it('reports a part above the total once, with the repair of the total (Sở Ngoại vụ)', () => {
    const { findings } = checkRows([pl2Row(1, 'Sở Ngoại vụ', { C: 1, D: 7, E: 1, F: 4, G: 100, H: 0, I: 0 })]);
    expect(cellsAndRules(findings)).toEqual([['F2', 'part-exceeds-total']]);
    expect(findings[0]).toMatchObject({ actual: 4, expected: 1, suggestion: { cell: 'E2', value: 4 } });
  });

  it('reports F + H ≠ E as sum-mismatch, and not the ratios it makes wrong', () => {
    const { findings } = checkRows([pl2Row(1, 'Sở Du lịch', { E: 30 })]);
    expect(cellsAndRules(findings)).toEqual([['E2', 'sum-mismatch']]);
    expect(findings[0]).toMatchObject({ actual: 30, expected: 26, suggestion: { cell: 'E2', value: 26 } });
  });

  it('accepts percentages rounded or truncated to the decimals shown', () => {
    // 17/26 = 65.3846…: 65, 65.4 (rounded), 65.3 (truncated), 65.38 all stand.
    for (const g of [65, 65.4, 65.3, 65.38]) {
      expect(rulesOf([pl2Row(1, 'Sở Du lịch', { G: g })])).toEqual([]);
    }
  });

  it('grades a wrong percentage: a point or more is an error, less a warning', () => {
    const { findings } = checkRows([
      pl2Row(1, 'Sở Giao thông vận tải', { E: 133, F: 94, G: 70.68, H: 39, I: 39.32 }),
      pl2Row(2, 'UBND quận Dương Kinh', { E: 345, F: 106, G: 30.1, H: 239, I: 69 }),
    ]);
    expect(findings.filter((f) => f.rule === 'ratio-mismatch')).toEqual([
      expect.objectContaining({
        cell: 'I2',
        severity: 'error',
        actual: 39.32,
        expected: 29.32,
        suggestion: { cell: 'I2', value: 29.32 },
      }),
      expect.objectContaining({
        cell: 'G3',
        severity: 'warning',
        actual: 30.1,
        expected: 30.72,
        suggestion: { cell: 'G3', value: 30.7 },
      }),
    ]);
  });

  it('reads a %-formatted fraction as percentage points', () => {
    const formats = [[], ['General', 'General', 'General', 'General', 'General', 'General', '0.00%']];
    expect(rulesOf([pl2Row(1, 'Sở Du lịch', { G: 0.6538 })], { numberFormats: formats })).toEqual([]);
    expect(rulesOf([pl2Row(1, 'Sở Du lịch', { G: 0.7 })], { numberFormats: formats })).toEqual([
      ['G2', 'ratio-mismatch'],
    ]);
  });

  it('says a ratio over a zero total is undefined', () => {
    expect(rulesOf([pl2Row(1, 'Chi nhánh NHNN TP', { E: 0, F: 0, G: 0, H: 0, I: 0 })])).toEqual([
      ['B2', 'unit-alias'],
      ['G2', 'ratio-undefined'],
      ['I2', 'ratio-undefined'],
    ]);
  });

  it('reports marks that are neither yes nor no', () => {
    expect(rulesOf([pl2Row(1, 'Sở Du lịch', { N: 'có?', O: 1, P: 'X', Q: 'không' })])).toEqual([
      ['N2', 'invalid-flag'],
      ['O2', 'invalid-flag'],
    ]);
  });

  it('requires rooms when L says yes, and none when it says no', () => {
    expect(
      rulesOf([
        pl2Row(1, 'Sở Du lịch', { L: 'x', M: null }),
        pl2Row(2, 'Sở Tư pháp', { L: 'x', M: 0 }),
        pl2Row(3, 'Sở Nội vụ', { L: 0, M: 2 }),
        pl2Row(4, 'Sở Tài chính', { L: null, M: 0 }),
      ]),
    ).toEqual([
      ['M2', 'flag-count-mismatch'],
      ['M3', 'flag-count-mismatch'],
      ['M4', 'flag-count-mismatch'],
    ]);
  });
});

describe('Phụ lục 2 units and numbering', () => {
  it('reports unknown units with the closest names, aliases and duplicates', () => {
    const { findings } = checkRows([
      pl2Row(1, 'Sở Du hành'),
      pl2Row(2, 'UBND huyện Kiến Thụy'),
      pl2Row(3, 'Ủy ban nhân dân huyện Kiến Thụy'),
    ]);
    expect(cellsAndRules(findings)).toEqual([
      ['B2', 'unknown-unit'],
      ['B3', 'unit-alias'],
      ['B4', 'duplicate-unit'],
    ]);
    expect(findings[0]!.detail!.closest).toContain('"Sở Du lịch"');
    expect(findings[1]).toMatchObject({ expected: 'Ủy ban nhân dân huyện Kiến Thụy' });
    expect(findings[2]!.detail).toEqual({ first: 'B3' });
  });

  it('reports skipped and repeated numbers', () => {
    expect(
      rulesOf([pl2Row(1, 'Sở Du lịch'), pl2Row(3, 'Sở Tư pháp'), pl2Row(3, 'Sở Nội vụ'), pl2Row(4, 'Sở Tài chính')]),
    ).toEqual([
      ['A3', 'numbering-gap'],
      ['A4', 'numbering-gap'],
    ]);
  });

  it('skips a header repeated inside the data and reports it', () => {
    const result = checkRows([pl2Row(1, 'Sở Du lịch'), [null], pl2Header, pl2Row(2, 'Sở Tư pháp')]);
    expect(cellsAndRules(result.findings)).toEqual([['A4', 'repeated-header']]);
    expect(result.sheets).toEqual([{ sheet: 'Phụ lục 2', appendix: 'PL2', headerRows: [1], dataRows: 2 }]);
  });
});

describe('a unit with no online service', () => {
  it('leaves G and I blank without a finding, since there is no ratio', () => {
    expect(rulesOf([pl2Row(1, 'Sở Du lịch', { E: 0, F: 0, G: null, H: 0, I: null })])).toEqual([]);
  });
});
