import { writeJsonReport, writeTextReport } from '../../src/cli/report';
import type { SheetSummary } from '../../src/core/check';
import { renderMessage } from '../../src/core/report/messages';

/** What a report writer wrote, as one string. */
function written(report: (write: (text: string) => void) => void): string {
  const pieces: string[] = [];
  report((text) => pieces.push(text));
  return pieces.join('');
}

const textReport = (sheets: readonly SheetSummary[], findings: readonly Finding[], lang: 'vi' | 'en'): string =>
  written((write) => writeTextReport(write, sheets, findings, lang));
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

describe('reports written in pieces', () => {
  const sheets: SheetSummary[] = [
    { file: 'a.xlsx', sheet: 'Phụ lục 2', appendix: 'PL2', headerRows: [5, 6], dataRows: 3 },
    { file: 'a.xlsx', sheet: 'Trống', appendix: 'PL3', headerRows: [4], dataRows: 0 },
  ];
  const many = Array.from({ length: 5000 }, (_, i): Finding => ({
    ...finding(`C${i + 7}`, `dòng\n"${i}"`, i + 7),
    file: 'a.xlsx',
    ...(i % 3 === 0 ? { expected: i, suggestion: { cell: `C${i + 7}`, value: i } } : {}),
    ...(i % 7 === 0 ? { confirmed: { reason: 'đã kiểm tra', line: 'Soát: đã kiểm tra' } } : {}),
  }));
  // A finding of a sheet no table was found on comes after the tables' blocks.
  const stray: Finding = { ...finding('A1', 'x'), file: 'a.xlsx', sheet: 'Khác' };

  it('gives, for --json, the bytes JSON.stringify gives the whole document', () => {
    const findings = [...many, stray];
    const whole = JSON.stringify(
      {
        files: ['a.xlsx'],
        sheets: sheets.map((s) => ({ ...s })),
        findings: findings.map((f) => ({
          file: f.file ?? null,
          sheet: f.sheet,
          row: f.row,
          column: f.column,
          cell: f.cell,
          rule: f.rule,
          severity: f.severity,
          message: renderMessage(f, 'vi'),
          actual: f.actual,
          ...(f.expected === undefined ? {} : { expected: f.expected }),
          ...(f.suggestion === undefined ? {} : { suggestion: f.suggestion }),
          ...(f.confirmed === undefined ? {} : { confirmed: f.confirmed.reason }),
        })),
        summary: { error: 4286, warning: 0, info: 0, confirmed: 715 },
        output: 'b.xlsx',
      },
      null,
      2,
    );
    const pieces: string[] = [];
    writeJsonReport((text) => pieces.push(text), ['a.xlsx'], sheets, findings, 'vi', { output: 'b.xlsx' });
    expect(pieces.join('')).toBe(whole);
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(70_000);
  });

  it('gives an empty findings list as JSON.stringify writes it', () => {
    expect(written((write) => writeJsonReport(write, ['a.xlsx'], sheets, [], 'en'))).toBe(
      JSON.stringify({ files: ['a.xlsx'], sheets, findings: [], summary: { error: 0, warning: 0, info: 0 } }, null, 2),
    );
  });

  it('gives the text report in pieces that add up to the whole, blocks in order', () => {
    const pieces: string[] = [];
    writeTextReport((text) => pieces.push(text), sheets, [stray, ...many], 'en');
    const text = pieces.join('');
    expect(pieces.length).toBeGreaterThan(5);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'a.xlsx › Phụ lục 2 — PL2, header row 5–6, 3 data rows: 4285 errors, 0 warnings, 0 info, 715 confirmed',
    );
    expect(lines[5002]).toBe('a.xlsx › Trống — PL3, header row 4, 0 data rows: 0 errors, 0 warnings, 0 info');
    expect(lines.slice(5003, 5007)).toEqual([
      '',
      'a.xlsx › Khác: 1 error, 0 warnings, 0 info',
      '  A1     error     not-a-number         "x" is not a number; this cell needs one.',
      '',
    ]);
    expect(lines[5007]).toBe('Total: 4286 errors, 0 warnings, 0 info, 715 confirmed');
    expect(lines).toHaveLength(5008);
  });
});
