/**
 * Stands in for office.js in the browser test: the page's `Office` and `Excel` globals are the
 * fake Excel over the workbook the test put in `window.__soatWorkbook` (a WorkbookSnapshot).
 */
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { FakeExcel, WorkbookModel } from '../support/fake-excel';
import { FakeCommentCollection, FakeNoteCollection } from '../support/fake-excel/comments';
import { FakeRange } from '../support/fake-excel/objects';

interface TestWindow {
  __soatWorkbook?: WorkbookSnapshot;
  /** The highest ExcelApi set the fake Excel reports (an older Excel when lower). */
  __soatApiVersion?: string;
  /** What a dialog page sent its opener with Office.context.ui.messageParent. */
  __parentMessages?: string[];
  __fakeExcel?: FakeExcel;
  /** What Office.context.officeTheme reports (Excel's dark theme, say); undefined as older Excel. */
  __soatOfficeTheme?: object;
  Office?: unknown;
  Excel?: unknown;
}

const page = window as unknown as TestWindow;
const excel = new FakeExcel(
  WorkbookModel.fromSnapshot(page.__soatWorkbook ?? { sheets: [] }),
  page.__soatApiVersion ?? '1.18',
);
page.__fakeExcel = excel;
const ready = { host: 'Excel', platform: 'OfficeOnline' };
page.Office = {
  HostType: { Excel: 'Excel' },
  onReady: (callback?: (info: typeof ready) => void) => {
    callback?.(ready);
    return Promise.resolve(ready);
  },
  context: {
    displayLanguage: 'vi-VN',
    officeTheme: page.__soatOfficeTheme,
    requirements: { isSetSupported: (name: string, version: string) => excel.isSetSupported(name, version) },
    ui: { messageParent: (message: string) => (page.__parentMessages ??= []).push(message) },
  },
  actions: { associate: () => undefined },
};
page.Excel = {
  run: (options: unknown, batch: Parameters<FakeExcel['run']>[1]) => excel.run(options, batch),
  // The classes the host probes to learn what this "library" defines: the fake has them all.
  NoteCollection: FakeNoteCollection,
  CommentCollection: FakeCommentCollection,
  Range: FakeRange,
};
