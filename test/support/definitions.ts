import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SheetSnapshot } from '../../src/core/snapshot';

/** The report definitions shipped in definitions/, as their text. */
export function definitionText(file: 'hp-tthc-q3-2025.json' | 'hp-kh197-9t2024.json'): string {
  return readFileSync(join(__dirname, '..', '..', 'definitions', file), 'utf8');
}

/**
 * The "Kết quả giải quyết" appendix of hp-tthc-q3-2025.json, one unit row, its share on time
 * wrong: 90 of 100 on time is 90%, not the 80 written in F5.
 */
export const tthcResultsSheet: SheetSnapshot = {
  name: 'Kết quả giải quyết',
  values: [
    ['BIỂU 02'],
    ['KẾT QUẢ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH QUÝ III/2025'],
    [],
    [
      'TT',
      'Tên đơn vị',
      'Tổng số hồ sơ tiếp nhận',
      'Giải quyết đúng hạn',
      'Giải quyết trễ hạn',
      'Tỷ lệ đúng hạn (%)',
      'Số ngày trễ trung bình',
      'Có bộ phận một cửa',
      'Số cán bộ một cửa',
    ],
    [1, 'Sở Tư pháp', 100, 90, 10, 80, 2, 'x', 3],
  ],
};

/** The same definition with a ratio naming a column it does not have. */
export function brokenTthcText(): string {
  return definitionText('hp-tthc-q3-2025.json').replace(
    '"ratio": { "part": "DUNG_HAN", "total": "TONG_SO" }',
    '"ratio": { "part": "DUNG_HAN", "total": "TONG" }',
  );
}
