import type { Lang } from '../../core/report/finding';
import type { ExcelFeatures, OfficeApi } from './api';
import { detectFeatures, minimumExcelApi } from './api';

/**
 * What this Excel lacks of what Soát uses, in words for the pane. ExcelApi 1.9 (the manifest's
 * minimum) is Excel 2021 and later, Microsoft 365 and Excel on the web (Excel 2019 stops at 1.8);
 * notes (1.18) and one undo step per run (1.20) exist in Microsoft 365 and on the web only.
 */
export type Limitation = 'excel-api' | 'comments' | 'notes' | 'undo-group';

export const limitationText: Readonly<Record<Limitation, Record<Lang, string>>> = {
  'excel-api': {
    vi: `Excel này không có ExcelApi ${minimumExcelApi}, mà Soát cần để đọc và tô màu bảng: hãy dùng Excel 2021 trở lên, Microsoft 365 hoặc Excel trên web.`,
    en: `This Excel lacks ExcelApi ${minimumExcelApi}, which Soát needs to read and colour the tables: use Excel 2021 or later, Microsoft 365 or Excel on the web.`,
  },
  comments: {
    vi: 'Excel này chưa có ghi chú hay bình luận cho ô (ExcelApi 1.10): Soát vẫn tô màu các ô có vấn đề, còn lời giải thích chỉ hiện trong ngăn này.',
    en: 'This Excel has neither notes nor threaded comments (ExcelApi 1.10): Soát still colours the cells, and its explanations appear in this pane only.',
  },
  notes: {
    vi: 'Excel này chưa có ghi chú (ExcelApi 1.18, Microsoft 365): Soát ghi lời giải thích thành bình luận (comment) trên ô.',
    en: 'This Excel has no notes (ExcelApi 1.18, Microsoft 365): Soát writes its explanations as threaded comments.',
  },
  'undo-group': {
    vi: 'Excel này chưa gộp một lần chạy thành một bước hoàn tác (ExcelApi 1.20, Microsoft 365): Ctrl+Z không hoàn tác hết một lần Kiểm tra; hãy dùng nút Xóa đánh dấu và Hoàn tác giá trị.',
    en: 'This Excel cannot make a run one undo step (ExcelApi 1.20, Microsoft 365): Ctrl+Z does not undo a whole Validate; use Clear and Revert values instead.',
  },
};

/** The limitations of the Excel behind `api`, most serious first; none in a current Microsoft 365. */
export function excelLimitations(api: Pick<OfficeApi, 'isSetSupported' | 'libraryHas'>): Limitation[] {
  if (!api.isSetSupported('ExcelApi', minimumExcelApi)) return ['excel-api'];
  const features: ExcelFeatures = detectFeatures(api);
  const limits: Limitation[] = [];
  if (!features.notes) limits.push(features.threadedComments ? 'notes' : 'comments');
  if (!features.undoGroup) limits.push('undo-group');
  return limits;
}
