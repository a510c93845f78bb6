/**
 * The whole path on the real report: the seed text made into the workbook a consolidator has,
 * read by the .xlsx host, checked by the engine. Every finding is listed: a new or lost one fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../src/core/check';
import type { CheckResult } from '../src/core/check';
import { readWorkbookBuffer } from '../src/hosts/xlsx/read';
import { buildSeedWorkbooks } from '../scripts/seed-workbooks';

const seedText = readFileSync(join(__dirname, 'fixtures', 'seed-9T-2024.txt'), 'utf8');

let result: CheckResult;

beforeAll(async () => {
  const books = await buildSeedWorkbooks(seedText);
  const { snapshot } = await readWorkbookBuffer(books.get('seed-report.xlsx')!, 'seed-report.xlsx');
  result = checkWorkbook(snapshot);
}, 60_000); // building the seed workbooks takes seconds on a busy machine

function listed(sheet: string): string[] {
  return result.findings
    .filter((f) => f.sheet === sheet)
    .map((f) =>
      [
        f.cell,
        f.rule,
        f.rule === 'ratio-mismatch' ? f.severity : '',
        f.suggestion ? `→ ${f.suggestion.cell}=${f.suggestion.value}` : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
}

describe('the seed report, 9T/2024', () => {
  it('finds the three appendices and their header rows', () => {
    expect(result.sheets.map((s) => [s.sheet, s.appendix, s.headerRows, s.dataRows])).toEqual([
      ['Phụ lục 1', 'PL1', [4], 45],
      ['Phụ lục 2', 'PL2', [4, 5], 29],
      ['Phụ lục 3', 'PL3', [4], 49],
    ]);
  });

  it('Phụ lục 1: units that reported without a data row, the page-break header, aliases', () => {
    expect(listed('Phụ lục 1')).toEqual([
      'B7 missing-data-row', // Thanh tra thành phố
      'B9 missing-data-row', // Sở Tài chính
      'B16 missing-data-row', // Sở Nội vụ
      'B19 missing-data-row', // Cục Thi hành án dân sự thành phố
      'B22 missing-data-row', // Tòa án nhân dân thành phố
      'B26 missing-data-row', // Cục Quản lý thị trường thành phố
      'B33 missing-data-row', // UBND quận Kiến An
      'B37 missing-data-row', // UBND huyện Bạch Long Vĩ
      'B40 missing-data-row', // UBND quận Lê Chân
      'A42 repeated-header',
      'B46 unit-alias', // "Công Thông tin điện tử thành phố"
      'B46 missing-data-row',
      'B47 unit-alias', // "Liên minh HTX TP"
      'B47 missing-data-row',
      'B52 unit-alias', // "Hiệp hội DNNVV Hải Phòng"
    ]);
  });

  it('Phụ lục 2: wrong ratios, counts, ranges, gaps, with their repairs', () => {
    expect(listed('Phụ lục 2')).toEqual([
      'D10 decimal-comma', // Sở Văn hóa và Thể thao "1,5"
      'B12 unit-alias', // Chi nhánh NHNN TP
      'G12 ratio-undefined',
      'I12 ratio-undefined',
      'B13 unit-alias', // Sở LĐ-TB&XH
      'B14 unit-alias', // Sở Thông tin và TT
      'D16 range-value', // Sở Giáo dục và Đào tạo "2-3"
      'I17 ratio-mismatch error → I17=29.32', // Sở Giao thông vận tải
      'F18 part-exceeds-total → E18=4', // Sở Ngoại vụ: E 1, F 4
      'B20 unit-alias', // BQL Khu kinh tế HP
      'A21 repeated-header',
      'A22 numbering-gap', // 16 missing
      'D22 missing-value', // Sở Khoa học và Công nghệ: C 3, D blank
      'K22 range-value', // "86-99"
      'B23 unit-alias', // Sở Nông nghiệp và PTNT
      'B25 unit-alias',
      'A26 numbering-gap', // 21 missing
      'B26 unit-alias',
      'G26 ratio-mismatch warning → G26=30.7', // Dương Kinh 106/345 = 30.72
      'B27 unit-alias',
      'B28 unit-alias',
      'B29 unit-alias',
      'B30 unit-alias',
      'B31 unit-alias',
      'B32 unit-alias',
      'B33 unit-alias',
      'B34 unit-alias',
      'I34 ratio-mismatch error → I34=25.7', // Hải An 63/245 = 25.71
      'A35 numbering-gap', // 31 missing
      'B35 unit-alias',
      'G35 ratio-mismatch error → G35=89', // Ngô Quyền
      'I35 ratio-mismatch error → I35=11',
    ]);
  });

  it('Phụ lục 3: models filed under the wrong unit, blank dates, page-break headers', () => {
    expect(listed('Phụ lục 3')).toEqual([
      'D13 missing-value', // Bảo hiểm xã hội thành phố
      'C21 model-numbering', // Sở GD&ĐT restarts at "1." — these are Sở GTVT's models 1 and 2
      'A23 repeated-header',
      'C24 model-numbering', // Sở Giao thông vận tải starts at "3."
      'B34 unit-alias',
      'D36 missing-value', // Cục Hải quan thành phố
      'D41 missing-value', // Kiến Thụy
      'A42 repeated-header',
      'D43 missing-value', // An Dương
      'D48 missing-value', // Đồ Sơn
    ]);
  });

  it('names no unit unknown and leaves the clean rows without an error or warning', () => {
    expect(result.findings.filter((f) => f.rule === 'unknown-unit')).toEqual([]);
    const phuLuc2 = result.tables.find((t) => t.table.template.id === 'PL2')!;
    const flaggedRows = new Set(
      result.findings.filter((f) => f.sheet === 'Phụ lục 2' && f.severity !== 'info').map((f) => f.row),
    );
    const clean = phuLuc2.rows.filter((r) => !flaggedRows.has(r.row.row)).map((r) => r.unit?.unit?.name);
    expect(clean).toHaveLength(29 - 7); // rows 16, 17, 18, 22, 26, 34 and 35 have findings
    expect(clean).toContain('Sở Du lịch');
    expect(clean).toContain('Sở Tư pháp'); // 76/93 = 81.72 typed as 81: truncation is accepted
  });
});
