import { ExcelHost } from '../../../src/hosts/excel/host';
import { FakeExcel, WorkbookModel } from '../../support/fake-excel';
import { hostContract } from '../contract';

for (const apiVersion of ['1.18', '1.10']) {
  hostContract({
    name: `ExcelHost (fake Excel, ExcelApi ${apiVersion}: ${apiVersion === '1.18' ? 'notes' : 'threaded comments'})`,
    open: (snapshot) => {
      const excel = new FakeExcel(WorkbookModel.fromSnapshot(snapshot), apiVersion);
      if (apiVersion === '1.10') {
        // Human notes of the snapshot become a human's threaded comments.
        for (const sheet of excel.book.sheets) {
          for (const [cell, note] of sheet.notes)
            excel.book.comments.push({
              id: excel.book.newId(),
              sheet: sheet.name,
              cell,
              content: note.content,
              authorName: 'Reviewer',
              replies: [],
            });
          sheet.notes.clear();
        }
      }
      return Promise.resolve({
        host: new ExcelHost(excel.api()),
        fills: (sheet) => Promise.resolve(excel.fills(sheet)),
        notes: (sheet) => Promise.resolve(excel.notes(sheet)),
        values: (sheet) => Promise.resolve(excel.values(sheet)),
      });
    },
  });
}
