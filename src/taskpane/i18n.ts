import type { Lang, Severity } from '../core/report/finding';

/** The pane's words, Vietnamese first. */
export const text = {
  title: { vi: 'Soát — kiểm tra báo cáo', en: 'Soát — report checker' },
  validate: { vi: 'Kiểm tra', en: 'Validate' },
  compute: { vi: 'Tính tỷ lệ', en: 'Compute percentages' },
  overwrite: { vi: 'Ghi đè tỷ lệ sai', en: 'Overwrite wrong percentages' },
  merge: { vi: 'Tổng hợp', en: 'Merge unit sheets' },
  mergeSheets: { vi: 'Tổng hợp các trang tính đang mở', en: 'Merge the sheets of this workbook' },
  mergeFiles: { vi: 'Tổng hợp từ tệp .xlsx', en: 'Merge .xlsx files' },
  dropHere: {
    vi: 'Kéo thả tệp .xlsx của đơn vị vào đây, hoặc chọn tệp',
    en: 'Drop unit .xlsx files here, or choose files',
  },
  clear: { vi: 'Xóa đánh dấu', en: 'Clear' },
  revert: { vi: 'Hoàn tác giá trị', en: 'Revert values' },
  working: { vi: 'Đang xử lý…', en: 'Working…' },
  next: { vi: 'Tiếp', en: 'Next' },
  previous: { vi: 'Trước', en: 'Previous' },
  nextFinding: { vi: 'Vấn đề tiếp theo (F8)', en: 'Next finding (F8)' },
  previousFinding: { vi: 'Vấn đề trước (Shift+F8)', en: 'Previous finding (Shift+F8)' },
  position: { vi: '{i} / {n}', en: '{i} of {n}' },
  confirmed: { vi: 'Đã xác nhận', en: 'Confirmed' },
  summary: { vi: 'Tóm tắt', en: 'Summary' },
  checkedAt: { vi: 'Kiểm tra lúc {at}', en: 'Checked at {at}' },
  findingList: { vi: 'Danh sách vấn đề', en: 'Findings' },
  noFindings: { vi: 'Không có vấn đề nào.', en: 'No problems found.' },
  allRules: { vi: 'Mọi quy tắc', en: 'All rules' },
  accept: { vi: 'Nhận gợi ý', en: 'Accept suggestion' },
  language: { vi: 'English', en: 'Tiếng Việt' },
  cleared: { vi: 'Đã xóa mọi đánh dấu của Soát.', en: "Soát's marks were removed." },
  computed: {
    vi: 'Đã ghi {n} ô tỷ lệ; giữ nguyên {k} ô lệch.',
    en: 'Wrote {n} percentage cells; kept {k} mismatches.',
  },
  reverted: { vi: 'Đã khôi phục {n} ô.', en: 'Restored {n} cells.' },
  accepted: { vi: 'Đã ghi gợi ý vào {cell}.', en: 'Wrote the suggestion into {cell}.' },
  definitions: { vi: 'Mẫu báo cáo', en: 'Report definition' },
  loadDefinition: { vi: 'Nạp mẫu từ tệp (.json hoặc .xlsx)', en: 'Load a definition from a file (.json or .xlsx)' },
  createRegistry: { vi: 'Tạo trang Danh mục đơn vị', en: 'Create the Danh mục đơn vị sheet' },
  definitionStored: {
    vi: 'Đã lưu mẫu "{title}" vào sổ tính.',
    en: 'Stored the definition "{title}" in the workbook.',
  },
  registryCreated: {
    vi: 'Đã tạo trang Danh mục đơn vị với {n} đơn vị; hãy sửa trực tiếp trên trang.',
    en: 'Created the Danh mục đơn vị sheet with {n} units; edit it in place.',
  },
  // Confirming a finding (a line in the cell's note)
  confirm: { vi: 'Xác nhận…', en: 'Confirm…' },
  unconfirm: { vi: 'Bỏ xác nhận', en: 'Remove confirmation' },
  dialogTitle: { vi: 'Xác nhận giá trị ô {cell}', en: 'Confirm the value of {cell}' },
  dialogText: {
    vi: 'Giá trị này đã được kiểm tra với đơn vị và là đúng. Soát ghi một dòng vào ghi chú của ô, cùng giá trị hiện tại; khi giá trị đổi, xác nhận không còn áp dụng.',
    en: 'This value was checked with the unit and is right. Soát writes a line into the cell’s note with the current value; if the value changes, the confirmation lapses.',
  },
  reason: { vi: 'Lý do', en: 'Reason' },
  reasonHint: { vi: 'Ví dụ: đơn vị tính trên cơ sở khác', en: 'For example: the unit used another base' },
  save: { vi: 'Xác nhận', en: 'Confirm' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  confirmedNotice: {
    vi: 'Đã ghi xác nhận vào ghi chú ô {cell}.',
    en: 'Wrote the confirmation into the note of {cell}.',
  },
  unconfirmedNotice: { vi: 'Đã bỏ xác nhận ở ô {cell}.', en: 'Removed the confirmation of {cell}.' },
} satisfies Record<string, Record<Lang, string>>;

export const severityName: Record<Severity, Record<Lang, string>> = {
  error: { vi: 'Lỗi', en: 'Errors' },
  warning: { vi: 'Cảnh báo', en: 'Warnings' },
  info: { vi: 'Thông tin', en: 'Info' },
};

/** A phrase with its {placeholders} filled in. */
export function filled(phrase: string, words: Record<string, string | number> = {}): string {
  return phrase.replace(/\{(\w+)\}/g, (_, k: string) => String(words[k] ?? ''));
}

export function t(key: keyof typeof text, lang: Lang, words: Record<string, string | number> = {}): string {
  return filled(text[key][lang], words);
}
