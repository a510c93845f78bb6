import { columnLetter } from '../address';
import type { AppendixId } from '../templates/appendix';
import { headerBlank, headerCell, titleCell } from './cells';
import type { DraftCell } from './output';

/**
 * How the appendices are laid out on paper, as the seed report prints them: the titles, the
 * header (Phụ lục 2's two rows with group titles merged over their columns) and column widths.
 * The consolidated report and the unit template share it, so that a unit fills in exactly what
 * the consolidator prints, and Soát's own header recognition reads both back.
 */

/** A header column: its own title, or a group title over several sub-columns. */
type HeaderColumn = { readonly title: string } | { readonly group: string; readonly subs: readonly string[] };

const headers: Record<AppendixId, readonly HeaderColumn[]> = {
  PL1: [{ title: 'STT' }, { title: 'Tên đơn vị' }, { title: 'Thiếu phụ lục số liệu' }],
  PL2: [
    { title: 'STT' },
    { title: 'Tên đơn vị' },
    {
      group: 'Thực hiện thủ tục hành chính',
      subs: ['Số TTHC đã rút ngắn được thời gian so với quy định (Số thủ tục)', 'Số ngày trung bình được rút ngắn'],
    },
    {
      group: 'Thực hiện dịch vụ hành chính công trực tuyến',
      subs: [
        'Tổng số dịch vụ hành chính công trực tuyến',
        'Dịch vụ hành chính công toàn trình',
        'Tỷ lệ DVHCC mức độ toàn trình/Tổng số DVHCC trực tuyến (%)',
        'Dịch vụ hành chính công một phần',
        'Tỷ lệ DVHCC một phần/Tổng số DVHCC trực tuyến (%)',
      ],
    },
    { title: 'Thu phí, lệ phí không dùng tiền mặt (%)' },
    { title: 'Tỷ lệ người dân và doanh nghiệp nộp được hồ sơ hợp lệ ngay từ lần nộp đầu tiên (%)' },
    { group: 'Phòng họp trực tuyến', subs: ['Đã có phòng họp trực tuyến', 'Số lượng phòng họp trực tuyến'] },
    { title: 'Đã kết nối với trang DDCI' },
    { title: 'Cổng Thông tin điện tử thành phố đã sử dụng hình thức trả lời trực tuyến bằng AI' },
    { title: 'Phối hợp TH mô hình "Kết nối thủ tục giấy phép kinh doanh có điều kiện"' },
    {
      title:
        'Thực hiện công khai các cam kết cụ thể với DN trên Cổng TTĐT TP để TH CT MTĐTKD trong cấp GP KD có điều kiện',
    },
  ],
  PL3: [
    { title: 'STT' },
    { title: 'Tên đơn vị' },
    { title: 'Tên mô hình (hoặc những hình thức hỗ trợ khác)' },
    { title: 'Thời gian thực hiện' },
  ],
};

export const appendixTitles: Record<AppendixId, readonly string[]> = {
  PL1: ['PHỤ LỤC 1', 'DANH SÁCH CÁC ĐƠN VỊ THỰC HIỆN BÁO CÁO'],
  PL2: ['PHỤ LỤC 2', 'THỐNG KÊ MỘT SỐ CHỈ TIÊU'],
  PL3: [
    'PHỤ LỤC 3',
    'THỰC HIỆN MÔ HÌNH HƯỚNG DẪN, HỖ TRỢ NGƯỜI DÂN, DOANH NGHIỆP LẬP, HOÀN THIỆN HỒ SƠ KHI THỰC HIỆN THỦ TỤC HÀNH CHÍNH',
  ],
};

/** Characters, column A first; read from the seed's printed proportions. */
export const appendixWidths: Record<AppendixId, readonly number[]> = {
  PL1: [7, 48, 16],
  PL2: [5, 30, 13, 11, 12, 12, 13, 12, 13, 12, 16, 11, 11, 11, 16, 18, 22],
  PL3: [6, 34, 72, 14],
};

export interface HeaderBlock {
  /** One or two rows of cells. */
  readonly rows: readonly (readonly (DraftCell | null)[])[];
  readonly merges: readonly string[];
}

/**
 * The header of an appendix with its top row at `top`, and `extra` columns after the template's
 * (the merge's "Nguồn"), each spanning the header's full height.
 */
export function appendixHeader(id: AppendixId, top: number, extra: readonly string[] = []): HeaderBlock {
  const columns: HeaderColumn[] = [...headers[id], ...extra.map((title) => ({ title }))];
  const twoRows = columns.some((c) => 'group' in c);
  const upper: (DraftCell | null)[] = [];
  const lower: (DraftCell | null)[] = [];
  const merges: string[] = [];
  for (const column of columns) {
    const first = upper.length + 1;
    if ('group' in column) {
      column.subs.forEach((sub, i) => {
        upper.push(i === 0 ? headerCell(column.group) : headerBlank);
        lower.push(headerCell(sub));
      });
      merges.push(`${columnLetter(first)}${top}:${columnLetter(first + column.subs.length - 1)}${top}`);
    } else {
      upper.push(headerCell(column.title));
      lower.push(headerBlank);
      if (twoRows) merges.push(`${columnLetter(first)}${top}:${columnLetter(first)}${top + 1}`);
    }
  }
  return { rows: twoRows ? [upper, lower] : [upper], merges };
}

/** Title lines, each merged across the table's width. */
export function titleRows(id: AppendixId, firstRow: number, width: number): HeaderBlock {
  const titles = appendixTitles[id];
  return {
    rows: titles.map((t) => [titleCell(t)]),
    merges: titles.map((_, i) => `A${firstRow + i}:${columnLetter(width)}${firstRow + i}`),
  };
}
