import { renderMessage } from '../../../src/core/report/messages';
import { checkWorkbook } from '../../../src/core/check';
import { cellsAndRules, pl1Header, pl2Header, pl2Row, pl3Header, sheet, workbook } from '../../support/grids';

describe('checks across appendices', () => {
  const phuLuc1 = sheet('Phụ lục 1', [
    pl1Header,
    ['I.', 'Các đơn vị đã gửi báo cáo', null],
    [1, 'Sở Du lịch', null],
    [2, 'Sở Tư pháp', null],
    [3, 'Cục Hải quan thành phố', 'x'],
    ['II', 'Các đơn vị chưa gửi báo cáo', null],
    [1, 'Sở Y tế', null],
  ]);

  it('reports submitted units without a data row, and data of units that did not report', () => {
    const result = checkWorkbook(
      workbook(
        phuLuc1,
        sheet('Phụ lục 2', [
          pl2Header,
          pl2Row(1, 'Sở Kế hoạch và Đầu tư'),
          pl2Row(2, 'Sở Du lịch'),
          pl2Row(3, 'Sở Y tế'),
        ]),
      ),
      { periodEnd: new Date('2024-09-30') },
    );
    expect(result.findings.map((f) => [f.sheet, f.cell, f.rule])).toEqual([
      ['Phụ lục 1', 'B4', 'missing-data-row'],
      ['Phụ lục 2', 'B4', 'unlisted-unit'],
    ]);
  });

  it('reports the conditional-licence model of a unit whose P is not marked', () => {
    const result = checkWorkbook(
      workbook(
        sheet('Phụ lục 2', [pl2Header, pl2Row(1, 'Sở Du lịch', { P: 0 }), pl2Row(2, 'Sở Tư pháp')]),
        sheet('Phụ lục 3', [
          pl3Header,
          [1, 'Sở Du lịch', 'Kết nối thủ tục kinh doanh có điều kiện', 'T1/2023'],
          [2, 'Sở Tư pháp', 'Mô hình "Kết nối thủ tục giấy phép kinh doanh có điều kiện"', 'T1/2023'],
        ]),
      ),
      { periodEnd: new Date('2024-09-30') },
    );
    expect(cellsAndRules(result.findings)).toEqual([['C2', 'model-flag-mismatch']]);
    expect(result.findings[0]!.detail?.['flagCell']).toBe('Phụ lục 2!P2');
    expect(renderMessage(result.findings[0]!, 'vi')).toBe(
      'Đơn vị có mô hình "Kết nối thủ tục kinh doanh có điều kiện" nhưng ô Phụ lục 2!P2 ở Phụ lục 2 không đánh dấu x.',
    );
  });

  it('reads Phụ lục 1 by section: numbering restarts in section II', () => {
    const result = checkWorkbook(workbook(phuLuc1));
    expect(result.findings).toEqual([]);
    expect(result.tables[0]!.table.rows.map((r) => r.section)).toEqual([
      'submitted',
      'submitted',
      'submitted',
      'not-submitted',
    ]);
  });
});

describe('rows without a unit', () => {
  it('asks for the unit of a data row, but lets a Phụ lục 3 row continue the unit above', () => {
    const result = checkWorkbook(
      workbook(
        sheet('Phụ lục 1', [pl1Header, [1, 'Sở Du lịch', 'có?'], [2, null, 'x']]),
        sheet('Phụ lục 2', [pl2Header, pl2Row(1, 'Sở Du lịch'), pl2Row(2, '')]),
        sheet('Phụ lục 3', [
          pl3Header,
          [1, null, 'Mô hình A', 'T1/2023'],
          [2, 'Sở Du lịch', 'Mô hình B', 'T1/2023'],
          [null, null, 'Mô hình C', 'T2/2023'],
        ]),
      ),
      { periodEnd: new Date('2024-09-30') },
    );
    expect(result.findings.map((f) => [f.sheet, f.cell, f.rule])).toEqual([
      ['Phụ lục 1', 'C2', 'invalid-flag'],
      ['Phụ lục 1', 'B3', 'missing-value'],
      ['Phụ lục 2', 'B3', 'missing-value'],
      ['Phụ lục 3', 'B2', 'missing-value'],
    ]);
  });
});
