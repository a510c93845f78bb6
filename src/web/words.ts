import type { Lang } from '../core/report/finding';
import { filled } from '../taskpane/i18n';

/** The web page's own words, Vietnamese first; the pane's (src/taskpane/i18n) serve the rest. */
export const words = {
  privacy: {
    vi: 'Tệp của bạn không rời khỏi máy này: mọi việc chạy ngay trong trình duyệt, trang không gửi gì lên mạng và vẫn chạy khi mất mạng.',
    en: 'Your files never leave this computer: everything runs in the browser, the page sends nothing over the network and works offline.',
  },
  chooseFiles: { vi: 'Chọn tệp .xlsx', en: 'Choose .xlsx files' },
  chooseFolder: { vi: 'Chọn thư mục', en: 'Choose a folder' },
  dropFiles: {
    vi: 'Kéo thả tệp .xlsx hoặc cả thư mục vào đây',
    en: 'Drop .xlsx files or a whole folder here',
  },
  removeAll: { vi: 'Bỏ hết tệp', en: 'Remove all files' },
  noFiles: { vi: 'Chưa chọn tệp nào.', en: 'No file chosen yet.' },
  mergeChosen: { vi: 'Tổng hợp các tệp đã chọn', en: 'Merge the chosen files' },
  template: { vi: 'Tải biểu mẫu đơn vị', en: 'Download the unit template' },
  downloadAnnotated: { vi: 'Tải bản có đánh dấu', en: 'Download the annotated copy' },
  downloadChanged: { vi: 'Tải bản đã chỉnh', en: 'Download the edited copy' },
  downloadMerged: { vi: 'Tải bảng tổng hợp', en: 'Download the consolidated workbook' },
  loadRegistry: { vi: 'Nạp danh mục đơn vị (.csv hoặc .xlsx)', en: 'Load a unit list (.csv or .xlsx)' },
  registryLoaded: { vi: 'Đã nạp danh mục {n} đơn vị.', en: 'Loaded a list of {n} units.' },
  definitionLoaded: { vi: 'Đã nạp mẫu "{title}".', en: 'Loaded the definition "{title}".' },
  merged: {
    vi: 'Đã tổng hợp {n} đơn vị từ {files} tệp; {skipped} tệp bị bỏ qua.',
    en: 'Merged {n} units from {files} files; {skipped} files skipped.',
  },
  validated: {
    vi: '{files} tệp: {error} lỗi, {warning} cảnh báo, {info} thông tin.',
    en: '{files} files: {error} errors, {warning} warnings, {info} info.',
  },
  preview: { vi: 'Xem trước', en: 'Preview' },
  previewHint: { vi: 'Bấm vào một vấn đề để xem ô của nó.', en: 'Click a problem to see its cell.' },
  status: {
    vi: 'chờ|đang xử lý|xong|không đọc được|đã hủy',
    en: 'waiting|working|done|unreadable|cancelled',
  },
} satisfies Record<string, Record<Lang, string>>;

export function w(key: keyof typeof words, lang: Lang, values: Record<string, string | number> = {}): string {
  return filled(words[key][lang], values);
}

const statuses = ['waiting', 'working', 'done', 'failed', 'cancelled'] as const;

export function statusWord(status: (typeof statuses)[number], lang: Lang): string {
  return words.status[lang].split('|')[statuses.indexOf(status)] ?? status;
}
