import type { PaneFinding } from '../../src/taskpane/actions';

/**
 * `count` findings shaped like those of a large Phụ lục 2 (a ratio off, a decimal comma,
 * a date after the period), on two sheets: what the pane lists after the 100,000-row check.
 */
export function syntheticFindings(count: number): PaneFinding[] {
  const findings: PaneFinding[] = [];
  for (let i = 0; i < count; i++) {
    const row = 3 + Math.floor(i / 3);
    const sheet = i < count * 0.9 ? 'Phụ lục 2' : 'Phụ lục 3';
    switch (i % 3) {
      case 0:
        findings.push({
          sheet,
          cell: `G${row}`,
          rule: 'ratio-mismatch',
          severity: 'error',
          message: `Tỷ lệ ghi 12,5 nhưng F/E × 100 = ${(70 + (i % 29) / 100).toFixed(2).replace('.', ',')}.`,
          actual: 12.5,
          suggestion: { cell: `G${row}`, value: 70 + (i % 29) / 100 },
        });
        break;
      case 1:
        findings.push({
          sheet,
          cell: `D${row}`,
          rule: 'decimal-comma',
          severity: 'info',
          message: 'Số "1,5" được đọc là 1,5 (dấu phẩy thập phân).',
          actual: '1,5',
        });
        break;
      default:
        findings.push({
          sheet,
          cell: `D${row}`,
          rule: 'future-date',
          severity: 'warning',
          message: '"T13/2024" sau ngày cuối kỳ báo cáo 30/09/2024.',
          actual: 'T13/2024',
        });
    }
  }
  return findings;
}
