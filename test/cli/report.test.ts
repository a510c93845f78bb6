import { textReport } from '../../src/cli/report';
import type { Finding } from '../../src/core/report/finding';

/** The text report prints what units typed: it must not let that text drive the terminal. */

const hostile = 'a\u001b[2J\u001b]8;;https://lua-dao.example\u0007bấm\u001b]8;;\u0007\u202eb\nc\u0085d';

function finding(cell: string, actual: string, row = 5): Finding {
  return { sheet: 'Phụ lục 2', row, column: 'C', cell, rule: 'not-a-number', severity: 'error', actual };
}

describe('textReport', () => {
  it('shows control and bidi characters of a cell as escapes, each finding on one line', () => {
    const text = textReport([], [finding('C5', hostile)], 'vi');
    expect(text.split('\n')).toEqual([
      'Phụ lục 2: 1 lỗi, 0 cảnh báo, 0 thông tin',
      '  C5     lỗi       not-a-number         "a\\u001b[2J\\u001b]8;;https://lua-dao.example\\u0007bấm\\u001b]8;;\\u0007\\u202eb\\u000ac\\u0085d" không phải là số; ô này cần một số.',
      '',
      'Tổng cộng: 1 lỗi, 0 cảnh báo, 0 thông tin',
    ]);
  });

  it('escapes a sheet name too', () => {
    const text = textReport([], [{ ...finding('C5', '1'), sheet: 'PL\u001b[31m2' }], 'en');
    expect(text.split('\n')[0]).toBe('PL\\u001b[31m2: 1 error, 0 warnings, 0 info');
  });

  it('prints 100,000 findings of one sheet, one line each', () => {
    const findings = Array.from({ length: 100_000 }, (_, i) => finding(`C${i + 5}`, `x${i}`, i + 5));
    const lines = textReport([], findings, 'en').split('\n');
    expect(lines).toHaveLength(100_003);
    expect(lines[100_000]).toBe(
      '  C100004 error     not-a-number         "x99999" is not a number; this cell needs one.',
    );
  });
});
