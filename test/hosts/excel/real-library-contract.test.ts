import { ExcelHost } from '../../../src/hosts/excel/host';
import { FakeExcel, WorkbookModel } from '../../support/fake-excel';
import { RichApiServer, serveExcel } from '../../support/rich-api/server';
import { hostContract } from '../contract';

/**
 * The adapter contract once more, the Excel host driven by Microsoft's own client library
 * (see real-library.test.ts) in an Excel that reports ExcelApi 1.18. The npm package's library
 * predates notes (1.18), so the host keeps to threaded comments (1.10) and merged areas (1.13),
 * as it would with that office.js in a real Excel.
 */
hostContract({
  name: "ExcelHost (Microsoft's excel-web client library, ExcelApi 1.18 host: threaded comments)",
  open: (snapshot) => {
    const server = new RichApiServer(WorkbookModel.fromSnapshot(snapshot));
    const book = server.book;
    // Human notes of the snapshot become a human's threaded comments.
    for (const sheet of book.sheets) {
      for (const [cell, note] of sheet.notes)
        book.comments.push({
          id: book.newId(),
          sheet: sheet.name,
          cell,
          content: note.content,
          authorName: 'Reviewer',
          replies: [],
        });
      sheet.notes.clear();
    }
    const host = new ExcelHost(serveExcel(server, '1.18').api);
    expect([host.store, host.features.mergedAreas]).toEqual(['threads', true]);
    const view = new FakeExcel(book, '1.18'); // only its read helpers, over the same model
    return Promise.resolve({
      host,
      fills: (sheet) => Promise.resolve(view.fills(sheet)),
      notes: (sheet) => Promise.resolve(view.notes(sheet)),
      values: (sheet) => Promise.resolve(view.values(sheet)),
    });
  },
});
