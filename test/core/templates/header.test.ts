import { checkWorkbook } from '../../../src/core/check';
import { builtinReport } from '../../../src/core/definition';
import { findHeader } from '../../../src/core/templates/header';
import type { CellValue } from '../../../src/core/snapshot';
import { pl2Header, pl2Row, sheet, workbook } from '../../support/grids';

const letters = 'ABCDEFGHIJKLMNOPQ'.split('');

function columnsOf(values: CellValue[][], merges = {}) {
  const match = findHeader(sheet('S', values, merges), builtinReport);
  return match && { id: match.template.id, rows: match.headerRows, columns: Object.fromEntries(match.columns) };
}

describe('header detection', () => {
  it('finds the two-row merged header of the real Phụ lục 2 under its titles', () => {
    const top: CellValue[] = [
      'ST T',
      'Tên đơn vị',
      'Thực hiện thủ tục hành chính',
      null,
      'Thực hiện dịch vụ hành chính công trực tuyến',
      null,
      null,
      null,
      null,
      'Thu phí, lệ phí không dùng tiền mặt (%)',
      'Tỷ lệ người dân và doanh nghiệp nộp được hồ sơ hợp lệ ngay từ lần nộp đầu tiên (%)',
      'Phòng họp trực tuyến',
      null,
      'Đã kết nối với trang DDCI',
      'Cổng Thông tin điện tử thành phố đã sử dụng hình thức trả lời trực tuyến bằng AI',
      'Phối hợp TH mô hình "Kết nối thủ tục giấy phép kinh doanh có điều kiện"',
      'Thực hiện công khai các cam kết cụ thể với DN trên Cổng TTĐT TP',
    ];
    const bottom: CellValue[] = [
      null,
      null,
      'Số TTHC đã rút ngắn được thời gian so với quy định (Số thủ tục)',
      'Số ngày trung bình được rút ngắn',
      'Tổng số dịch vụ hành chính công trực tuyến',
      'Dịch vụ hành chính công toàn trình',
      'Tỷ lệ DVHCC mức độ toàn trình/Tổng số DVHCC trực tuyến (%)',
      'Dịch vụ hành chính công một phần',
      'Tỷ lệ DVHCC một phần/Tổng số DVHCC trực tuyến (%)',
      null,
      null,
      'Đã có phòng\nhọp trực tuyến',
      'Số lượng phòng hợp trực tuyến',
      null,
      null,
      null,
      null,
    ];
    const vertical = [1, 2, 10, 11, 14, 15, 16, 17].map((c) => ({ top: 4, left: c, bottom: 5, right: c }));
    const merges = [
      ...vertical,
      { top: 4, left: 3, bottom: 4, right: 4 },
      { top: 4, left: 5, bottom: 4, right: 9 },
      { top: 4, left: 12, bottom: 4, right: 13 },
    ];
    const found = columnsOf(
      [
        ['PHỤ LỤC 2'],
        ['THỐNG KÊ MỘT SỐ CHỈ TIÊU THEO KẾ HOẠCH SỐ 197/KH-UBND'],
        [],
        top,
        bottom,
        pl2Row(1, 'Sở Du lịch'),
      ],
      { merges },
    );
    expect(found).toEqual({ id: 'PL2', rows: [4, 5], columns: Object.fromEntries(letters.map((l, i) => [l, i + 1])) });
  });

  it('finds columns by text, not position: an extra column and a column-number row', () => {
    const header = [...pl2Header.slice(0, 2), 'Ghi chú riêng', ...pl2Header.slice(2)];
    const numbers = header.map((_, i) => `(${i + 1})`);
    const row = pl2Row(1, 'Sở Du lịch');
    const result = checkWorkbook(
      workbook(sheet('Phụ lục 2', [header, numbers, [...row.slice(0, 2), 'tự ghi', ...row.slice(2)]])),
    );
    expect(result.findings).toEqual([]);
    expect(result.tables[0]!.table.header.columns.get('E')).toBe(6);
    expect(result.sheets[0]).toMatchObject({ headerRows: [1], dataRows: 1 });
  });

  it('tells the three appendices apart and skips a sheet that is none', () => {
    expect(columnsOf([['STT', 'Tên đơn vị', 'Thiếu phụ lục số liệu']])?.id).toBe('PL1');
    expect(
      columnsOf([['STT', 'Tên đơn vị', 'Tên mô hình (hoặc những hình thức hỗ trợ khác)', 'Thời gian thực hiện']])?.id,
    ).toBe('PL3');
    const result = checkWorkbook(
      workbook(sheet('Hướng dẫn', [['Gửi báo cáo trước ngày 15/10']]), sheet('Trống', [[null]])),
    );
    expect(result.findings.map((f) => [f.sheet, f.rule])).toEqual([['Hướng dẫn', 'not-an-appendix']]);
  });
});
