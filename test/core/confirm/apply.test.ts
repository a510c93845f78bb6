import { checkWorkbook } from '../../../src/core/check';
import { computePlan } from '../../../src/core/compute/percentages';
import { applyConfirmations } from '../../../src/core/confirm';
import type { Finding } from '../../../src/core/report/finding';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { pl2Header, pl2Row, sheet as sheetOf } from '../../support/grids';

const sheet2 = (name: string, values: CellValue[][], notes: Record<string, string>) => sheetOf(name, values, { notes });

const finding = (cell: string, rule: Finding['rule'], severity: Finding['severity'] = 'error'): Finding => ({
  sheet: 'PL2',
  row: Number(cell.slice(1)),
  column: cell[0]!,
  cell,
  rule,
  severity,
  actual: null,
});

/** G5 holds 39.32, B5 the text "1,5", D5 "2-3"; notes as given. */
const sheet = (notes: Record<string, string>): SheetSnapshot => ({
  name: 'PL2',
  values: [[], [], [], [], [null, '1,5', null, '2-3', null, null, 39.32]],
  notes,
});

const flat = (findings: readonly Finding[]) =>
  findings.map((f) => [f.cell, f.rule, f.confirmed?.reason ?? null, f.expected ?? null]);

describe('confirmations applied to a sheet’s findings', () => {
  const findings = [
    finding('G5', 'ratio-mismatch'),
    finding('G5', 'percent-out-of-range'),
    finding('D5', 'range-value'),
  ];

  it('marks the findings a line covers while the cell shows its value, in either decimal mark', () => {
    const notes = {
      G5: 'Ghi chú.\nSoát: xác nhận ratio-mismatch = 39,32 — cơ sở khác',
      D5: 'Soát: confirmed = 2-3 - a range is what they have',
    };
    expect(flat(applyConfirmations(findings, sheet(notes)))).toEqual([
      ['G5', 'ratio-mismatch', 'cơ sở khác', null],
      ['G5', 'percent-out-of-range', null, null],
      ['D5', 'range-value', 'a range is what they have', null],
    ]);
    const english = { G5: 'Soát: confirmed ratio-mismatch = 39.32 — other base' };
    expect(applyConfirmations(findings, sheet(english))[0]!.confirmed).toEqual({
      reason: 'other base',
      line: 'Soát: confirmed ratio-mismatch = 39.32 — other base',
    });
  });

  it('reads a number typed as text as a number: "1.5" holds for a cell showing "1,5"', () => {
    const notes = { B5: 'Soát: xác nhận = 1.5 — đúng' };
    expect(flat(applyConfirmations([finding('B5', 'decimal-comma', 'info')], sheet(notes)))).toEqual([
      ['B5', 'decimal-comma', 'đúng', null],
    ]);
  });

  it('lets a line whose value no longer matches lapse, said once in an info finding', () => {
    const notes = { G5: 'Soát: xác nhận = 29,32 — cơ sở khác' };
    const out = applyConfirmations(findings, sheet(notes));
    expect(flat(out)).toEqual([
      ['G5', 'ratio-mismatch', null, null],
      ['G5', 'confirmation-lapsed', null, '29,32'],
      ['G5', 'percent-out-of-range', null, null],
      ['D5', 'range-value', null, null],
    ]);
    expect(out[1]).toMatchObject({ severity: 'info', actual: 39.32, detail: { line: notes.G5 } });
  });

  it('leaves findings alone without notes, or with notes that confirm nothing', () => {
    expect(applyConfirmations(findings, sheet({}))).toEqual(findings);
    expect(applyConfirmations(findings, sheet({ G5: 'Soát: xác nhận sum-mismatch — khác quy tắc' }))).toEqual(findings);
  });
});

describe('Compute and a confirmed percentage', () => {
  const grid = (notes: Record<string, string>): WorkbookSnapshot => ({
    sheets: [
      sheet2('Phụ lục 2', [pl2Header, pl2Row(1, 'Sở Tư pháp', { I: 80 }), pl2Row(2, 'Sở Y tế', { I: 70 })], notes),
    ],
  });

  it('overwrites a mismatched percentage, but not one a reviewer confirmed', () => {
    const plain = computePlan(checkWorkbook(grid({})), { overwrite: true });
    expect(plain.replaced.map((r) => r.cell)).toEqual(['I2', 'I3']);
    const confirmed = computePlan(checkWorkbook(grid({ I2: 'Soát: xác nhận ratio-mismatch = 80 — cơ sở khác' })), {
      overwrite: true,
    });
    expect(confirmed.replaced.map((r) => r.cell)).toEqual(['I3']);
    const kept = computePlan(checkWorkbook(grid({ I2: 'Soát: xác nhận ratio-mismatch = 80 — cơ sở khác' })));
    expect(kept.keptMismatches.map((r) => r.cell)).toEqual(['I3']);
  });
});
