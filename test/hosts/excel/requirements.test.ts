import { ExcelPaneActions } from '../../../src/hosts/excel/actions';
import { ExcelHostError } from '../../../src/hosts/excel/errors';
import { FakeExcel, WorkbookModel } from '../../support/fake-excel';
import { pl2Header, pl2Row } from '../../support/grids';

/**
 * An Excel older than the newest one: the pane names what is missing, and a button that cannot
 * run says why, in words, instead of failing with Excel's code.
 */

const book = { sheets: [{ name: 'Phụ lục 2', values: [pl2Header, pl2Row(1, 'Sở Tư pháp', { D: '2-3' })] }] };

function actionsAt(apiVersion: string): { actions: ExcelPaneActions; excel: FakeExcel } {
  const excel = new FakeExcel(WorkbookModel.fromSnapshot(book), apiVersion);
  return { actions: new ExcelPaneActions(excel.api()), excel };
}

const vi = (apiVersion: string): string[] =>
  actionsAt(apiVersion)
    .actions.limitations()
    .map((l) => l.vi);

test('below ExcelApi 1.9 (Excel 2019): the pane says so, and Validate refuses in the same words', async () => {
  const message =
    'Excel này không có ExcelApi 1.9, mà Soát cần để đọc và tô màu bảng: hãy dùng Excel 2021 trở lên, Microsoft 365 hoặc Excel trên web.';
  expect(vi('1.8')).toEqual([message]);
  const { actions, excel } = actionsAt('1.8');
  const error = await actions.validate('vi').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExcelHostError);
  expect([(error as ExcelHostError).failure, (error as ExcelHostError).vi]).toEqual(['old-excel', message]);
  expect(excel.counters.syncs).toBe(0);
});

test('ExcelApi 1.9: no notes or comments; the cells are coloured, the explanations stay in the pane', async () => {
  expect(vi('1.9')).toEqual([
    'Excel này chưa có ghi chú hay bình luận cho ô (ExcelApi 1.10): Soát vẫn tô màu các ô có vấn đề, còn lời giải thích chỉ hiện trong ngăn này.',
    'Excel này chưa gộp một lần chạy thành một bước hoàn tác (ExcelApi 1.20, Microsoft 365): Ctrl+Z không hoàn tác hết một lần Kiểm tra; hãy dùng nút Xóa đánh dấu và Hoàn tác giá trị.',
  ]);
  const { actions, excel } = actionsAt('1.9');
  const report = await actions.validate('vi');
  expect(report.findings.map((f) => [f.cell, f.rule])).toEqual([['D2', 'range-value']]);
  expect(excel.fill('Phụ lục 2', 'D2')).toBe('FFFFC7CE');
  expect(excel.notes('Phụ lục 2')).toEqual({});
});

test('Excel 2021 (ExcelApi 1.14): threaded comments instead of notes, no single undo step', () => {
  expect(vi('1.14')).toEqual([
    'Excel này chưa có ghi chú (ExcelApi 1.18, Microsoft 365): Soát ghi lời giải thích thành bình luận (comment) trên ô.',
    'Excel này chưa gộp một lần chạy thành một bước hoàn tác (ExcelApi 1.20, Microsoft 365): Ctrl+Z không hoàn tác hết một lần Kiểm tra; hãy dùng nút Xóa đánh dấu và Hoàn tác giá trị.',
  ]);
});

test('a current Microsoft 365 (ExcelApi 1.20) lacks nothing', () => {
  expect(vi('1.20')).toEqual([]);
});
