import { applyConfirmations } from '../../../src/core/confirm';
import type { Finding } from '../../../src/core/report/finding';
import type { SheetSnapshot } from '../../../src/core/snapshot';

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
