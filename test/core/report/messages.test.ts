import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../../src/core/check';
import { catalogue, ruleIds } from '../../../src/core/report/catalogue';
import { annotationPlan, noteLine } from '../../../src/core/report/annotations';
import type { Finding } from '../../../src/core/report/finding';
import { renderMessage } from '../../../src/core/report/messages';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { buildSeedWorkbooks } from '../../../scripts/seed-workbooks';
import { pl2Header, pl2Row, sheet, workbook } from '../../support/grids';

describe('the rule catalogue', () => {
  it('holds exactly the rules of SPEC.md, plus the two file-level ones of the merge and the lapsed confirmation', () => {
    expect(ruleIds).toEqual([
      'not-a-number',
      'negative-value',
      'not-integer',
      'percent-out-of-range',
      'range-value',
      'decimal-comma',
      'formula-error',
      'missing-value',
      'part-exceeds-total',
      'sum-mismatch',
      'ratio-mismatch',
      'ratio-undefined',
      'invalid-flag',
      'flag-count-mismatch',
      'unknown-unit',
      'duplicate-unit',
      'unit-alias',
      'numbering-gap',
      'repeated-header',
      'invalid-date',
      'ambiguous-date',
      'future-date',
      'model-numbering',
      'missing-data-row',
      'unlisted-unit',
      'model-flag-mismatch',
      'unreadable-file',
      'not-an-appendix',
      'confirmation-lapsed',
    ]);
    expect(catalogue['ratio-mismatch'].severity).toBe('error');
    expect(catalogue['decimal-comma'].severity).toBe('info');
    expect(catalogue['missing-data-row'].severity).toBe('warning');
  });
});

describe('messages', () => {
  let seedFindings: readonly Finding[];

  beforeAll(async () => {
    const books = await buildSeedWorkbooks(
      readFileSync(join(__dirname, '..', '..', 'fixtures', 'seed-9T-2024.txt'), 'utf8'),
    );
    const { snapshot } = await readWorkbookBuffer(books.get('seed-report.xlsx')!, 'seed-report.xlsx');
    seedFindings = checkWorkbook(snapshot).findings;
  });

  it('fill every placeholder, in both languages, for every finding of the seed', () => {
    for (const finding of seedFindings) {
      for (const lang of ['vi', 'en'] as const) {
        expect(renderMessage(finding, lang)).not.toMatch(/[{}]|undefined|\[object/);
      }
      expect(renderMessage(finding, 'vi')).not.toEqual(renderMessage(finding, 'en'));
    }
  });

  it('read as a reviewer expects, with decimal commas in Vietnamese', () => {
    const ratio = seedFindings.find((f) => f.cell === 'I17' && f.rule === 'ratio-mismatch')!;
    expect(noteLine(ratio, 'vi')).toBe(
      '[Lỗi] Tỷ lệ ghi 39,32%, nhưng H/E × 100 = 29,32%. Gợi ý sửa: I17 = 29,32. (ratio-mismatch)',
    );
    expect(noteLine(ratio, 'en')).toBe(
      '[Error] The ratio reads 39.32%, but H/E × 100 = 29.32%. Suggested fix: I17 = 29.32. (ratio-mismatch)',
    );
    const gap = seedFindings.find((f) => f.cell === 'A22')!;
    expect(renderMessage(gap, 'vi')).toBe('STT 17 sau STT 15: thiếu STT 16.');
    expect(renderMessage(gap, 'en')).toBe('No. 17 follows no. 15: no. 16 is missing.');
  });
});

describe('the annotation plan', () => {
  it('colours by the worst finding of a cell, marks the row, one note per cell', () => {
    const { findings } = checkWorkbook(
      workbook(
        sheet('Phụ lục 2', [
          pl2Header,
          pl2Row(1, 'Sở Du lịch', { D: '1,5', G: 64, M: 'hai' }),
          pl2Row(2, 'Sở Tư pháp', { D: '2,8' }),
        ]),
      ),
    );
    expect(annotationPlan(findings, 'vi')).toEqual({
      sheets: [
        {
          sheet: 'Phụ lục 2',
          fills: [
            { kind: 'error', color: 'FFFFC7CE', cells: ['G2', 'M2'] },
            { kind: 'row', color: 'FFFDE9D9', cells: ['A2'] },
          ],
          notes: [
            { cell: 'D2', text: '[Thông tin] "1,5" được hiểu là 1,5. (decimal-comma)' },
            { cell: 'G2', text: '[Lỗi] Tỷ lệ ghi 64%, nhưng F/E × 100 = 65,38%. Gợi ý sửa: G2 = 65. (ratio-mismatch)' },
            { cell: 'M2', text: '[Lỗi] "hai" không phải là số; ô này cần một số. (not-a-number)' },
            { cell: 'D3', text: '[Thông tin] "2,8" được hiểu là 2,8. (decimal-comma)' },
          ],
          writes: [],
        },
      ],
    });
  });
});
