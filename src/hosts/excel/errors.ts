import type { Lang } from '../../core/report/finding';
import { limitationText } from './requirements';

/** Why an Excel operation failed, in words a user can act on. */
export type ExcelFailure =
  'cell-edit' | 'protected' | 'sheet-missing' | 'too-large' | 'old-excel' | 'unsupported' | 'other';

const messages: Record<ExcelFailure, Record<Lang, string>> = {
  'cell-edit': {
    vi: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để rời ô rồi thử lại.',
    en: 'Excel is in cell-edit mode. Press Enter or Esc to leave the cell, then try again.',
  },
  protected: {
    vi: 'Trang tính đang được bảo vệ; hãy bỏ bảo vệ (Review › Unprotect Sheet) rồi thử lại.',
    en: 'The sheet is protected; unprotect it (Review › Unprotect Sheet) and try again.',
  },
  'sheet-missing': {
    vi: 'Một trang tính đã bị xoá hoặc đổi tên trong lúc chạy; hãy chạy lại.',
    en: 'A sheet was deleted or renamed meanwhile; run again.',
  },
  'too-large': {
    vi: 'Yêu cầu gửi tới Excel quá lớn (giới hạn 5 MB của Excel trên web); hãy chia bảng nhỏ hơn.',
    en: 'The request to Excel is too large (Excel on the web allows 5 MB); split the table.',
  },
  'old-excel': limitationText['excel-api'],
  unsupported: {
    vi: 'Phiên bản Excel này thiếu một chức năng Soát cần (Excel báo ApiNotFound).',
    en: 'This version of Excel lacks a function Soát needs (Excel reported ApiNotFound).',
  },
  other: { vi: 'Excel báo lỗi: ', en: 'Excel reported an error: ' },
};

/** A failure of the Excel host, with a message in each language; `message` holds both. */
export class ExcelHostError extends Error {
  override readonly name = 'ExcelHostError';
  readonly vi: string;
  readonly en: string;

  constructor(
    readonly failure: ExcelFailure,
    detail = '',
    options?: { cause?: unknown },
  ) {
    const vi = messages[failure].vi + detail;
    const en = messages[failure].en + detail;
    super(`${vi} / ${en}`, options);
    this.vi = vi;
    this.en = en;
  }

  text(lang: Lang): string {
    return lang === 'vi' ? this.vi : this.en;
  }
}

/** OfficeExtension.Error codes (Excel's error codes list) and what they mean to a user. */
const byCode: Readonly<Record<string, ExcelFailure>> = {
  InvalidOperationInCellEditMode: 'cell-edit',
  AccessDenied: 'protected',
  ItemNotFound: 'sheet-missing',
  RequestPayloadSizeLimitExceeded: 'too-large',
  ResponsePayloadSizeLimitExceeded: 'too-large',
  PayloadTooLarge: 'too-large',
  ApiNotFound: 'unsupported',
};

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Any error of a batch as an ExcelHostError (an ExcelHostError passes through). */
export function toHostError(error: unknown): ExcelHostError {
  if (error instanceof ExcelHostError) return error;
  const failure = byCode[errorCode(error) ?? ''] ?? 'other';
  const detail = failure === 'other' ? (error instanceof Error ? error.message : String(error)) : '';
  return new ExcelHostError(failure, detail, { cause: error });
}
