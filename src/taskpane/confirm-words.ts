import type { Lang } from '../core/report/finding';

/** The pane's words for confirmations, Vietnamese first; kept with the components that use them. */
export const confirmWords = {
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
  confirmed: { vi: 'Đã xác nhận', en: 'Confirmed' },
  confirmedNotice: {
    vi: 'Đã ghi xác nhận vào ghi chú ô {cell}.',
    en: 'Wrote the confirmation into the note of {cell}.',
  },
  unconfirmedNotice: { vi: 'Đã bỏ xác nhận ở ô {cell}.', en: 'Removed the confirmation of {cell}.' },
} satisfies Record<string, Record<Lang, string>>;

export function confirmText(key: keyof typeof confirmWords, lang: Lang, words: Record<string, string> = {}): string {
  return confirmWords[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => words[k] ?? '');
}
