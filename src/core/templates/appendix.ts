/**
 * The appendices as data: their columns, the header words that recognise each column, and the
 * type of value each column holds. Header words are compared accent-free and folded (see
 * headerKey), so typos in tone marks ("phòng hợp") and line breaks do not matter.
 */

export type AppendixId = 'PL1' | 'PL2' | 'PL3';

export type ColumnType =
  'stt' | 'unit' | 'count' | 'decimal' | 'percent' | 'derived-percent' | 'flag' | 'text' | 'date';

export interface ColumnDef {
  /** Stable key used by rules: the template column letter of SPEC.md. */
  readonly key: string;
  readonly type: ColumnType;
  readonly title: { readonly vi: string; readonly en: string };
  /**
   * Each entry is a set of words that must all appear in the header text (accent-free,
   * lower case); "=stt" means the whole text, spaces removed, is "stt" ("ST T" in the seed).
   * Columns are tried by `matchOrder`, then template order; the first hit wins.
   */
  readonly headerWords: readonly (readonly string[])[];
  /** Tried before the others: a specific column whose words contain another's. */
  readonly matchOrder?: number;
}

export interface AppendixTemplate {
  readonly id: AppendixId;
  readonly title: { readonly vi: string; readonly en: string };
  readonly sheetName: string;
  readonly columns: readonly ColumnDef[];
  /** Columns that must be found for a header to be this appendix. */
  readonly requiredKeys: readonly string[];
}

const stt: ColumnDef = {
  key: 'A',
  type: 'stt',
  title: { vi: 'STT', en: 'No.' },
  headerWords: [['=stt'], ['=tt'], ['so thu tu']],
};
const unit: ColumnDef = {
  key: 'B',
  type: 'unit',
  title: { vi: 'Tên đơn vị', en: 'Unit' },
  headerWords: [['ten don vi'], ['don vi']],
};

export const phuLuc1: AppendixTemplate = {
  id: 'PL1',
  title: { vi: 'Phụ lục 1', en: 'Appendix 1' },
  sheetName: 'Phụ lục 1',
  columns: [
    stt,
    unit,
    {
      key: 'C',
      type: 'flag',
      title: { vi: 'Thiếu phụ lục số liệu', en: 'Data appendix missing' },
      headerWords: [['thieu phu luc'], ['thieu so lieu']],
    },
  ],
  requiredKeys: ['B', 'C'],
};

export const phuLuc2: AppendixTemplate = {
  id: 'PL2',
  title: { vi: 'Phụ lục 2', en: 'Appendix 2' },
  sheetName: 'Phụ lục 2',
  columns: [
    stt,
    unit,
    {
      key: 'C',
      type: 'count',
      title: { vi: 'Số TTHC đã rút ngắn được thời gian', en: 'Procedures with shortened time' },
      headerWords: [
        ['rut ngan', 'tthc'],
        ['rut ngan', 'thu tuc'],
        ['rut ngan', 'so thu tuc'],
      ],
    },
    {
      key: 'D',
      type: 'decimal',
      title: { vi: 'Số ngày trung bình được rút ngắn', en: 'Average days shortened' },
      headerWords: [['so ngay'], ['ngay trung binh']],
      matchOrder: 1,
    },
    {
      key: 'E',
      type: 'count',
      title: { vi: 'Tổng số dịch vụ hành chính công trực tuyến', en: 'Online public services, total' },
      headerWords: [
        ['tong so', 'dich vu'],
        ['tong so', 'dvc'],
        ['tong', 'truc tuyen'],
      ],
    },
    {
      key: 'F',
      type: 'count',
      title: { vi: 'Dịch vụ hành chính công toàn trình', en: 'Full-process online services' },
      headerWords: [['toan trinh']],
    },
    {
      key: 'G',
      type: 'derived-percent',
      title: { vi: 'Tỷ lệ toàn trình/Tổng (%)', en: 'Full-process share (%)' },
      headerWords: [['ty le', 'toan trinh']],
      matchOrder: 0,
    },
    {
      key: 'H',
      type: 'count',
      title: { vi: 'Dịch vụ hành chính công một phần', en: 'Partial online services' },
      headerWords: [['mot phan']],
    },
    {
      key: 'I',
      type: 'derived-percent',
      title: { vi: 'Tỷ lệ một phần/Tổng (%)', en: 'Partial share (%)' },
      headerWords: [['ty le', 'mot phan']],
      matchOrder: 0,
    },
    {
      key: 'J',
      type: 'percent',
      title: { vi: 'Thu phí, lệ phí không dùng tiền mặt (%)', en: 'Cashless fee collection (%)' },
      headerWords: [['khong dung tien mat'], ['thu phi']],
      matchOrder: 1,
    },
    {
      key: 'K',
      type: 'percent',
      title: { vi: 'Tỷ lệ hồ sơ hợp lệ ngay từ lần nộp đầu tiên (%)', en: 'Valid at first submission (%)' },
      headerWords: [['hop le'], ['lan nop dau tien']],
      matchOrder: 1,
    },
    {
      key: 'L',
      type: 'flag',
      title: { vi: 'Đã có phòng họp trực tuyến', en: 'Has an online meeting room' },
      headerWords: [['da co', 'phong hop']],
      matchOrder: 1,
    },
    {
      key: 'M',
      type: 'count',
      title: { vi: 'Số lượng phòng họp trực tuyến', en: 'Online meeting rooms' },
      headerWords: [['so luong', 'phong hop']],
      matchOrder: 1,
    },
    {
      key: 'N',
      type: 'flag',
      title: { vi: 'Đã kết nối với trang DDCI', en: 'Connected to DDCI' },
      headerWords: [['ddci']],
      matchOrder: 1,
    },
    {
      key: 'O',
      type: 'flag',
      title: { vi: 'Trả lời trực tuyến bằng AI', en: 'Answers online with AI' },
      headerWords: [['tra loi', 'ai'], ['tri tue nhan tao']],
      matchOrder: 1,
    },
    {
      key: 'P',
      type: 'flag',
      title: {
        vi: 'Phối hợp mô hình "Kết nối thủ tục giấy phép kinh doanh có điều kiện"',
        en: 'Joined the conditional-licence model',
      },
      headerWords: [['ket noi thu tuc']],
      matchOrder: 1,
    },
    {
      key: 'Q',
      type: 'flag',
      title: { vi: 'Công khai các cam kết với DN trên Cổng TTĐT TP', en: 'Published commitments to businesses' },
      headerWords: [['cam ket'], ['cong khai'], ['cu the voi dn']],
      matchOrder: 0,
    },
  ],
  requiredKeys: ['B', 'E', 'F', 'H'],
};

export const phuLuc3: AppendixTemplate = {
  id: 'PL3',
  title: { vi: 'Phụ lục 3', en: 'Appendix 3' },
  sheetName: 'Phụ lục 3',
  columns: [
    stt,
    unit,
    {
      key: 'C',
      type: 'text',
      title: { vi: 'Tên mô hình (hoặc những hình thức hỗ trợ khác)', en: 'Model (or other form of support)' },
      headerWords: [['mo hinh'], ['hinh thuc ho tro']],
    },
    {
      key: 'D',
      type: 'date',
      title: { vi: 'Thời gian thực hiện', en: 'Since' },
      headerWords: [['thoi gian'], ['ngay thuc hien']],
    },
  ],
  requiredKeys: ['B', 'C', 'D'],
};

export const appendices: readonly AppendixTemplate[] = [phuLuc1, phuLuc2, phuLuc3];

const columnsByKey = new Map(appendices.map((t) => [t.id, new Map(t.columns.map((c) => [c.key, c]))]));

export function columnByKey(template: AppendixTemplate, key: string): ColumnDef {
  const column = columnsByKey.get(template.id)?.get(key);
  if (!column) throw new RangeError(`${template.id} has no column ${key}`);
  return column;
}
