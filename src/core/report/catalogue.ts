import type { Severity } from './finding';

/**
 * The rule catalogue of SPEC.md. Rule ids are part of the interface (JSON report, comments,
 * filters): never rename one. Templates use {actual}, {expected}, {suggestion} and {name} for
 * any key of a finding's `detail`.
 */
export interface RuleMeta {
  readonly severity: Severity;
  readonly title: { readonly vi: string; readonly en: string };
  readonly message: { readonly vi: string; readonly en: string };
}

export const catalogue = {
  'not-a-number': {
    severity: 'error',
    title: { vi: 'Không phải số', en: 'Not a number' },
    message: {
      vi: '"{actual}" không phải là số; ô này cần một số.',
      en: '"{actual}" is not a number; this cell needs one.',
    },
  },
  'negative-value': {
    severity: 'error',
    title: { vi: 'Số âm', en: 'Negative value' },
    message: { vi: 'Giá trị {actual} nhỏ hơn 0.', en: 'The value {actual} is below 0.' },
  },
  'not-integer': {
    severity: 'error',
    title: { vi: 'Không phải số nguyên', en: 'Not a whole number' },
    message: {
      vi: 'Cột {column} đếm số lượng nên phải là số nguyên, nhưng ô ghi {actual}.',
      en: 'Column {column} is a count and must be a whole number, but holds {actual}.',
    },
  },
  'percent-out-of-range': {
    severity: 'error',
    title: { vi: 'Tỷ lệ vượt quá 100%', en: 'Percent above 100' },
    message: { vi: 'Tỷ lệ {actual}% lớn hơn 100%.', en: 'The percentage {actual}% is above 100%.' },
  },
  'range-value': {
    severity: 'error',
    title: { vi: 'Ghi khoảng giá trị', en: 'Range instead of a number' },
    message: {
      vi: '"{actual}" là một khoảng; ô này chỉ nhận một số.',
      en: '"{actual}" is a range; this cell takes a single number.',
    },
  },
  'decimal-comma': {
    severity: 'info',
    title: { vi: 'Dấu phẩy thập phân', en: 'Decimal comma' },
    message: { vi: '"{actual}" được hiểu là {expected}.', en: '"{actual}" was read as {expected}.' },
  },
  'formula-error': {
    severity: 'error',
    title: { vi: 'Lỗi công thức', en: 'Formula error' },
    message: { vi: 'Ô có giá trị lỗi {actual}.', en: 'The cell holds the error value {actual}.' },
  },
  'missing-value': {
    severity: 'warning',
    title: { vi: 'Thiếu số liệu', en: 'Missing value' },
    message: { vi: 'Ô "{header}" còn trống: {reason}.', en: 'The cell "{header}" is blank: {reason}.' },
  },
  'part-exceeds-total': {
    severity: 'error',
    title: { vi: 'Phần lớn hơn tổng', en: 'Part exceeds total' },
    message: {
      vi: '"{part}" ({actual}) lớn hơn "{total}" ({expected}).',
      en: '"{part}" ({actual}) is larger than "{total}" ({expected}).',
    },
  },
  'sum-mismatch': {
    severity: 'error',
    title: { vi: 'Tổng không khớp', en: 'Sum mismatch' },
    message: {
      vi: '{parts} = {sum}, {compare} tổng số {actual}.',
      en: '{parts} = {sum}, {compare} the total {actual}.',
    },
  },
  'ratio-mismatch': {
    severity: 'error',
    title: { vi: 'Tỷ lệ không khớp số liệu', en: 'Ratio does not match counts' },
    message: {
      vi: 'Tỷ lệ ghi {actual}%, nhưng {part}/{total} × 100 = {expected}%.',
      en: 'The ratio reads {actual}%, but {part}/{total} × 100 = {expected}%.',
    },
  },
  'ratio-undefined': {
    severity: 'info',
    title: { vi: 'Tỷ lệ không xác định', en: 'Ratio undefined' },
    message: {
      vi: 'Tổng số bằng 0 nên không tính được tỷ lệ; ô ghi {actual}.',
      en: 'The total is 0, so no ratio exists; the cell holds {actual}.',
    },
  },
  'invalid-flag': {
    severity: 'error',
    title: { vi: 'Đánh dấu không hợp lệ', en: 'Invalid mark' },
    message: {
      vi: '"{actual}" không phải là dấu hợp lệ; dùng "x" cho có, để trống hoặc "0" cho không.',
      en: '"{actual}" is not a valid mark; use "x" for yes, blank or "0" for no.',
    },
  },
  'flag-count-mismatch': {
    severity: 'error',
    title: { vi: 'Đánh dấu và số lượng không khớp', en: 'Mark and count disagree' },
    message: { vi: '{reason}', en: '{reason}' },
  },
  'unknown-unit': {
    severity: 'error',
    title: { vi: 'Đơn vị không có trong danh mục', en: 'Unknown unit' },
    message: {
      vi: '"{actual}" không khớp đơn vị nào trong danh mục. Gần nhất: {closest}.',
      en: '"{actual}" matches no unit of the registry. Closest: {closest}.',
    },
  },
  'duplicate-unit': {
    severity: 'error',
    title: { vi: 'Đơn vị bị lặp', en: 'Duplicate unit' },
    message: { vi: '"{actual}" đã có ở {first}.', en: '"{actual}" already appears at {first}.' },
  },
  'unit-alias': {
    severity: 'info',
    title: { vi: 'Tên đơn vị viết tắt hoặc khác', en: 'Unit alias' },
    message: { vi: '"{actual}" được hiểu là "{expected}".', en: '"{actual}" was read as "{expected}".' },
  },
  'numbering-gap': {
    severity: 'warning',
    title: { vi: 'Số thứ tự không liên tục', en: 'Numbering gap' },
    message: { vi: 'STT {actual} sau STT {previous}: {reason}.', en: 'No. {actual} follows no. {previous}: {reason}.' },
  },
  'repeated-header': {
    severity: 'info',
    title: { vi: 'Dòng tiêu đề lặp lại', en: 'Repeated header' },
    message: {
      vi: 'Dòng tiêu đề lặp lại giữa bảng (ngắt trang), đã bỏ qua.',
      en: 'A header row repeated inside the table (page break), skipped.',
    },
  },
  'invalid-date': {
    severity: 'error',
    title: { vi: 'Thời gian không hợp lệ', en: 'Invalid date' },
    message: {
      vi: '"{actual}" không đọc được là thời gian (ví dụ hợp lệ: T10/2022, Quý I/2023, 2023).',
      en: '"{actual}" cannot be read as a date (valid examples: T10/2022, Quý I/2023, 2023).',
    },
  },
  'ambiguous-date': {
    severity: 'info',
    title: { vi: 'Ngày tháng có thể hiểu hai cách', en: 'Ambiguous date' },
    message: {
      vi: '"{actual}" được hiểu là {expected} (ngày trước, tháng sau).',
      en: '"{actual}" was read as {expected} (day first).',
    },
  },
  'future-date': {
    severity: 'warning',
    title: { vi: 'Thời gian sau kỳ báo cáo', en: 'Date after the report period' },
    message: {
      vi: '"{actual}" muộn hơn cuối kỳ báo cáo ({periodEnd}).',
      en: '"{actual}" is later than the end of the report period ({periodEnd}).',
    },
  },
  'model-numbering': {
    severity: 'warning',
    title: { vi: 'Đánh số mô hình bất thường', en: 'Model numbering' },
    message: {
      vi: '{reason}: có thể các dòng này thuộc đơn vị khác.',
      en: '{reason}: these rows may belong to another unit.',
    },
  },
  'missing-data-row': {
    severity: 'warning',
    title: { vi: 'Thiếu dòng số liệu', en: 'Missing data row' },
    message: {
      vi: '"{actual}" đã gửi báo cáo nhưng không có dòng ở {appendix}.',
      en: '"{actual}" sent a report but has no row in {appendix}.',
    },
  },
  'unlisted-unit': {
    severity: 'warning',
    title: { vi: 'Đơn vị chưa có trong danh sách đã gửi', en: 'Unit not in the list of reporting units' },
    message: {
      vi: '"{actual}" không có trong danh sách đơn vị đã gửi báo cáo ({appendix}).',
      en: '"{actual}" is not in the list of units that reported ({appendix}).',
    },
  },
  'model-flag-mismatch': {
    severity: 'warning',
    title: { vi: 'Mô hình và đánh dấu không khớp', en: 'Model and mark disagree' },
    message: {
      vi: 'Đơn vị {subject} nhưng ô {flagCell} ở {appendix} không đánh dấu x.',
      en: 'The unit {subject} but {flagCell} in {appendix} is not marked x.',
    },
  },
  'unreadable-file': {
    severity: 'error',
    title: { vi: 'Không đọc được tệp', en: 'Unreadable file' },
    message: {
      vi: 'Không đọc được tệp: {reason}. Tệp này bị bỏ qua.',
      en: 'The file cannot be read: {reason}. It was skipped.',
    },
  },
  'not-an-appendix': {
    severity: 'info',
    title: { vi: 'Trang tính không phải phụ lục', en: 'Sheet is no appendix' },
    message: {
      vi: 'Không tìm thấy tiêu đề của {appendices} trong trang tính này; đã bỏ qua.',
      en: 'No header of {appendices} was found on this sheet; it was skipped.',
    },
  },
  'confirmation-lapsed': {
    severity: 'info',
    title: { vi: 'Xác nhận không còn áp dụng', en: 'Confirmation lapsed' },
    message: {
      vi: 'Dòng xác nhận ghi giá trị {expected}, nhưng ô nay ghi {actual}: xác nhận bị bỏ qua ("{line}").',
      en: 'The confirmation was written for {expected}, but the cell now holds {actual}: it is ignored ("{line}").',
    },
  },
} as const satisfies Record<string, RuleMeta>;

export type RuleId = keyof typeof catalogue;

export const ruleIds = Object.keys(catalogue) as RuleId[];
