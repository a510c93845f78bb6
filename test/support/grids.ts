import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import type { Finding } from '../../src/core/report/finding';

/** The one-row Phụ lục 2 header of SPEC.md, columns A to Q. */
export const pl2Header: CellValue[] = [
  'STT',
  'Tên đơn vị',
  'Số TTHC đã rút ngắn được thời gian',
  'Số ngày trung bình được rút ngắn',
  'Tổng số dịch vụ hành chính công trực tuyến',
  'Dịch vụ hành chính công toàn trình',
  'Tỷ lệ toàn trình/Tổng (%)',
  'Dịch vụ hành chính công một phần',
  'Tỷ lệ một phần/Tổng (%)',
  'Thu phí, lệ phí không dùng tiền mặt (%)',
  'Tỷ lệ nộp được hồ sơ hợp lệ ngay từ lần nộp đầu tiên (%)',
  'Đã có phòng họp trực tuyến',
  'Số lượng phòng họp trực tuyến',
  'Đã kết nối với trang DDCI',
  'Trả lời trực tuyến bằng AI',
  'Phối hợp TH mô hình "Kết nối thủ tục giấy phép kinh doanh có điều kiện"',
  'Công khai các cam kết cụ thể với DN trên Cổng TTĐT TP',
];

export const pl1Header: CellValue[] = ['STT', 'Tên đơn vị', 'Thiếu phụ lục số liệu'];
export const pl3Header: CellValue[] = [
  'STT',
  'Tên đơn vị',
  'Tên mô hình (hoặc những hình thức hỗ trợ khác)',
  'Thời gian thực hiện',
];

/** A clean Phụ lục 2 row for a unit: every relation holds. Override cells by column letter. */
export function pl2Row(stt: number, unit: string, overrides: Partial<Record<string, CellValue>> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    A: stt,
    B: unit,
    C: 10,
    D: 2.8,
    E: 26,
    F: 17,
    G: 65,
    H: 9,
    I: 35,
    J: 100,
    K: 100,
    L: 'x',
    M: 1,
    N: 'x',
    O: null,
    P: 'x',
    Q: 0,
  };
  return 'ABCDEFGHIJKLMNOPQ'.split('').map((col) => (col in overrides ? overrides[col]! : base[col]!));
}

export function sheet(name: string, values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return { name, values, ...extra };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/** The shape tests assert: [cell, rule] pairs in report order. */
export function cellsAndRules(findings: readonly Finding[]): [string, string][] {
  return findings.map((f) => [f.cell, f.rule]);
}
