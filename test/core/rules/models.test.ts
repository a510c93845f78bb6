import { checkWorkbook } from '../../../src/core/check';
import type { CellValue } from '../../../src/core/snapshot';
import { cellsAndRules, pl3Header, sheet, workbook } from '../../support/grids';

function check(rows: CellValue[][], periodEnd = new Date('2024-09-30')) {
  return checkWorkbook(workbook(sheet('Phụ lục 3', [pl3Header, ...rows])), { periodEnd });
}

describe('Phụ lục 3 models', () => {
  it('finds nothing in clean rows, continuation rows included', () => {
    const { findings, tables } = check([
      [1, 'Sở Tư pháp', '1. Công trình Đoàn Thanh niên tình nguyện ngày thứ 7.', 'Từ 2017'],
      [null, null, '2. Công trình Đoàn Thanh niên chung tay thực hiện dịch vụ công trực tuyến', 'T1/2020'],
      [2, 'Sở Du lịch', 'Xây dựng video hướng dẫn', 'Quý I/2023'],
    ]);
    expect(findings).toEqual([]);
    expect(tables[0]!.models.map((m) => m.unit?.unit?.name)).toEqual(['Sở Tư pháp', 'Sở Tư pháp', 'Sở Du lịch']);
  });

  it('reports a list that starts above 1 or restarts', () => {
    const { findings } = check([
      [1, 'Sở Giáo dục và Đào tạo', 'Hỗ trợ thủ tục cấp bản sao văn bằng tốt nghiệp', 'T12/2018'],
      [null, null, '1. Bố trí cán bộ thường trực tại bộ phận một cửa', 'T1/2021'],
      [null, null, '2. Áp dụng công nghệ thông tin tại Trạm kiểm tra tải trọng xe', 'T7/2021'],
      [2, 'Sở Giao thông vận tải', '3. Xây dựng trung tâm thông tin điện tử dịch vụ công', 'T7/2021'],
      [null, null, '4. Giải pháp thực hiện dịch vụ công trực tuyến', 'T3/2021'],
    ]);
    expect(cellsAndRules(findings)).toEqual([
      ['C3', 'model-numbering'],
      ['C5', 'model-numbering'],
    ]);
    expect(findings[1]).toMatchObject({ actual: 3, expected: 1 });
  });

  it('reads dates ten ways, and reports the unreadable, the late and the blank', () => {
    const { findings } = check([
      [1, 'Sở Du lịch', 'Mô hình 1', 'T1/202414705'],
      [null, null, 'Mô hình 2', 'T13/2022'],
      [null, null, 'Mô hình 3', 'Quý V/2023'],
      [null, null, 'Mô hình 4', 'T11/2024'],
      [null, null, 'Mô hình 5', null],
      [null, null, 'Mô hình 6', 'Tháng 10/2022'],
      [null, null, 'Mô hình 7', new Date(Date.UTC(2022, 2, 1))],
    ]);
    expect(cellsAndRules(findings)).toEqual([
      ['D2', 'invalid-date'],
      ['D3', 'invalid-date'],
      ['D4', 'invalid-date'],
      ['D5', 'future-date'],
      ['D6', 'missing-value'],
    ]);
  });

  it('decides day/month order per column: a day above 12 proves it', () => {
    const rows = (last: string): CellValue[][] => [
      [1, 'Sở Du lịch', 'Mô hình 1', '7/1/2020'],
      [null, null, 'Mô hình 2', last],
    ];
    expect(cellsAndRules(check(rows('3/18/2023')).findings)).toEqual([]);
    const byDefault = check(rows('T1/2021')).findings;
    expect(cellsAndRules(byDefault)).toEqual([['D2', 'ambiguous-date']]);
    expect(byDefault[0]).toMatchObject({ actual: '7/1/2020' });
  });
});

describe('the report period', () => {
  it('comes from a title above the header, never from a model date in the first rows', () => {
    const titled = checkWorkbook(
      workbook(sheet('Phụ lục 3', [['BÁO CÁO 9T/2024'], pl3Header, [1, 'Sở Du lịch', 'Mô hình', 'T11/2024']])),
      { today: new Date('2030-01-01') },
    );
    expect(cellsAndRules(titled.findings)).toEqual([['D3', 'future-date']]);
    const untitled = checkWorkbook(
      workbook(
        sheet('Phụ lục 3', [
          pl3Header,
          [1, 'Sở Du lịch', 'Mô hình 1', 'Quý I/2023'],
          [null, null, 'Mô hình 2', 'T6/2023'],
        ]),
      ),
      { today: new Date('2024-09-30') },
    );
    expect(untitled.findings).toEqual([]);
  });
});
