/**
 * The units of Hải Phòng after July 2025 (wards, communes, a special zone, departments) filling in
 * the report "Kết quả giải quyết thủ tục hành chính quý III/2025" (definitions/hp-tthc-q3-2025.json),
 * each in the template made from it, names written as staff write them. Each injected defect is
 * named where it is typed; the rest of each file is right. Nothing in src/ knows this report: the
 * files carry it.
 */
import { parseDefinition } from '../src/core/definition';
import type { Lang } from '../src/core/report/finding';
import { parseCsv, registryFromRows } from '../src/core/units/registry';
import type { UnitFile } from './report-workbooks';
import { unitWorkbookFiles } from './report-workbooks';

/** Where the definition and the unit list live in the repository. */
export const tthcDefinitionPath = 'definitions/hp-tthc-q3-2025.json';
export const tthcRegistryPath = 'definitions/units/hai-phong-2025.csv';

export const tthcUnits: readonly UnitFile[] = [
  {
    file: 'unit-dk-cat-hai.xlsx',
    rows: {
      KQ: [
        // Defect missing-value: 10 handled late, and no average of days late (NGAY_TRE_TB).
        { TT: 1, DON_VI: 'ĐK Cát Hải', TONG_SO: 120, DUNG_HAN: 110, TRE_HAN: 10, MOT_CUA: 'x', CAN_BO_MOT_CUA: 2 },
      ],
      SK: [
        {
          TT: 1,
          DON_VI: 'ĐK Cát Hải',
          SANG_KIEN: '1. Tiếp nhận hồ sơ lưu động tại các xã đảo',
          NGAY_AP_DUNG: 'T8/2025',
        },
      ],
    },
  },
  {
    file: 'unit-phuong-hong-bang.xlsx',
    rows: {
      KQ: [
        {
          TT: 1,
          DON_VI: 'UBND P. Hồng Bàng',
          TONG_SO: 800,
          DUNG_HAN: 600,
          TRE_HAN: 150,
          // Defect ratio-mismatch (error): typed over the formula; 600 / 800 is 75 %, not 80 %.
          TY_LE_DUNG_HAN: 80,
          NGAY_TRE_TB: 3.5,
          MOT_CUA: 'x',
          CAN_BO_MOT_CUA: 4,
        },
      ],
      SK: [
        {
          TT: 1,
          DON_VI: 'UBND P. Hồng Bàng',
          SANG_KIEN: '1. Trả kết quả qua bưu chính công ích',
          NGAY_AP_DUNG: 'T7/2025',
        },
        { SANG_KIEN: '2. Bộ phận một cửa làm việc sáng thứ Bảy', NGAY_AP_DUNG: '15/08/2025' },
      ],
    },
  },
  {
    file: 'unit-phuong-le-chan.xlsx',
    rows: {
      KQ: [
        {
          TT: 1,
          DON_VI: 'UBND phường Lê Chân',
          TONG_SO: 650,
          DUNG_HAN: 640,
          TRE_HAN: 10,
          NGAY_TRE_TB: 1,
          // Defect flag-count-mismatch: a one-stop desk marked "x", with 0 staff.
          MOT_CUA: 'x',
          CAN_BO_MOT_CUA: 0,
        },
      ],
      SK: [
        {
          TT: 1,
          DON_VI: 'UBND phường Lê Chân',
          SANG_KIEN: '1. Số hóa kết quả giải quyết TTHC',
          NGAY_AP_DUNG: 'Tháng 6/2025',
        },
      ],
    },
  },
  {
    file: 'unit-phuong-ngo-quyen.xlsx',
    rows: {
      KQ: [
        {
          TT: 1,
          DON_VI: 'UBND P. Ngô Quyền',
          TONG_SO: 540,
          DUNG_HAN: 530,
          TRE_HAN: 0,
          MOT_CUA: 'x',
          // Defect range-value: two or three staff take turns at the desk, typed as a range.
          CAN_BO_MOT_CUA: '2-3',
        },
      ],
      SK: [
        {
          TT: 1,
          DON_VI: 'UBND P. Ngô Quyền',
          SANG_KIEN: '1. Trợ lý ảo hướng dẫn thủ tục trên Zalo',
          // Defect future-date: planned for November, after the period ends on 30/09/2025.
          NGAY_AP_DUNG: 'T11/2025',
        },
      ],
    },
  },
  {
    file: 'unit-so-noi-vu.xlsx',
    rows: {
      KQ: [
        {
          TT: 1,
          DON_VI: 'Sở Nội vụ',
          TONG_SO: 410,
          DUNG_HAN: 400,
          TRE_HAN: 10,
          NGAY_TRE_TB: 2,
          MOT_CUA: 'x',
          CAN_BO_MOT_CUA: 3,
        },
      ],
      SK: [
        // Defect model-numbering: the list starts at "2.", as if its first item were left behind.
        {
          TT: 1,
          DON_VI: 'Sở Nội vụ',
          SANG_KIEN: '2. Chuẩn hóa quy trình nội bộ giải quyết TTHC',
          NGAY_AP_DUNG: 'T5/2025',
        },
        { SANG_KIEN: '3. Phiếu đánh giá mức độ hài lòng điện tử', NGAY_AP_DUNG: 'T8/2025' },
      ],
    },
  },
  {
    file: 'unit-so-tai-chinh.xlsx',
    rows: {
      KQ: [
        {
          TT: 1,
          DON_VI: 'Sở Tài chính',
          TONG_SO: 1250,
          DUNG_HAN: 1200,
          TRE_HAN: 50,
          // Not a defect: the figures were pasted as values over the template, the ratio left blank
          // (what Compute fills in).
          TY_LE_DUNG_HAN: null,
          NGAY_TRE_TB: 2.5,
          MOT_CUA: 'x',
          CAN_BO_MOT_CUA: 6,
        },
      ],
      SK: [
        {
          TT: 1,
          DON_VI: 'Sở Tài chính',
          SANG_KIEN: '1. Một cửa liên thông đăng ký đầu tư và thuế',
          NGAY_AP_DUNG: new Date(Date.UTC(2025, 6, 1)),
        },
        { SANG_KIEN: '2. Đặt lịch hẹn nộp hồ sơ trực tuyến', NGAY_AP_DUNG: 'T9/2025' },
      ],
    },
  },
  {
    file: 'unit-so-tu-phap.xlsx',
    rows: {
      KQ: [
        // Defect model-flag-mismatch (the report's cross check): an initiative at the one-stop
        // desk, and the desk (MOT_CUA) not marked.
        { TT: 1, DON_VI: 'Sở Tư pháp', TONG_SO: 95, DUNG_HAN: 95, TRE_HAN: 0 },
      ],
      SK: [{ TT: 1, DON_VI: 'Sở Tư pháp', SANG_KIEN: '1. Số hóa hồ sơ tại bộ phận một cửa', NGAY_AP_DUNG: 'T7/2025' }],
    },
  },
  {
    // No defect: a department that sent its initiatives and no row of figures ("chưa có số liệu").
    file: 'unit-so-xay-dung.xlsx',
    rows: {
      SK: [
        {
          TT: 1,
          DON_VI: 'Sở Xây dựng',
          SANG_KIEN: '1. Cấp phép xây dựng trực tuyến toàn trình',
          NGAY_AP_DUNG: 'T9/2025',
        },
      ],
    },
  },
  {
    // Defect duplicate-unit: Sở Tài chính sent a second file, named by its abbreviation, with
    // other figures; the merge keeps the first in path order (unit-so-tai-chinh.xlsx).
    file: 'unit-stc.xlsx',
    rows: {
      KQ: [
        {
          TT: 1,
          DON_VI: 'STC',
          TONG_SO: 1300,
          DUNG_HAN: 1240,
          TRE_HAN: 60,
          NGAY_TRE_TB: 2.4,
          MOT_CUA: 'x',
          CAN_BO_MOT_CUA: 6,
        },
      ],
    },
  },
  {
    file: 'unit-xa-an-lao.xlsx',
    rows: {
      KQ: [
        {
          TT: 1,
          DON_VI: 'UBND xã An Lão',
          TONG_SO: 300,
          // Defect sum-mismatch ("<="): 280 on time + 40 late = 320, above the 300 received.
          DUNG_HAN: 280,
          TRE_HAN: 40,
          NGAY_TRE_TB: 4,
          MOT_CUA: '0',
        },
      ],
      SK: [
        {
          TT: 1,
          DON_VI: 'UBND xã An Lão',
          SANG_KIEN: '1. Tổ công nghệ số cộng đồng hỗ trợ nộp hồ sơ',
          NGAY_AP_DUNG: 'T7/2025',
        },
      ],
    },
  },
  {
    // Defect unknown-unit: the district abolished in July 2025, written by its old name.
    file: 'unit-xa-tien-lang.xlsx',
    rows: {
      KQ: [
        {
          TT: 1,
          DON_VI: 'UBND huyện Tiên Lãng',
          TONG_SO: 200,
          DUNG_HAN: 190,
          TRE_HAN: 10,
          NGAY_TRE_TB: 2,
          MOT_CUA: 'x',
          CAN_BO_MOT_CUA: 2,
        },
      ],
    },
  },
];

/** File name → .xlsx bytes of every unit file above, from the definition's and unit list's text. */
export function buildTthcWorkbooks(
  definitionText: string,
  registryCsv: string,
  lang: Lang = 'vi',
): Promise<Map<string, Buffer>> {
  const report = parseDefinition(definitionText, tthcDefinitionPath);
  const registry = registryFromRows(parseCsv(registryCsv));
  return unitWorkbookFiles(report, registry, tthcUnits, lang);
}
