import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { ExcelPaneActions } from '../../../src/hosts/excel/actions';
import { serverFunctions } from '../../../src/hosts/gsheets/server';
import { FakeExcel, WorkbookModel } from '../../support/fake-excel';
import { FakeSpreadsheet, FakeSpreadsheetApp, fakeHtmlService, writeMethods } from '../../support/fake-spreadsheet-app';
import type { FakeSheet } from '../../support/fake-spreadsheet-app';
import { pl2Header, pl2Row, sheet } from '../../support/grids';

/**
 * Compute from the sidebar does to the marks what Compute from Excel's task pane does: the
 * computed plan replaces Validate's marks, so its colours and notes go (originals restored),
 * the human's note and fill stay, and what was overwritten can still be reverted.
 */

const name = 'Phụ lục 2';

/** Row 3: G blank (Compute fills it). Row 4: I wrong (overwritten when accepted). Row 5: E ≠ F + H. */
function workbook(rows = 3): WorkbookSnapshot {
  const values: CellValue[][] = [
    ['PHỤ LỤC 2'],
    pl2Header,
    pl2Row(1, 'Sở Tư pháp', { G: null }),
    pl2Row(2, 'Sở Y tế', { I: 80 }),
    pl2Row(3, 'Sở Du lịch', { E: 30 }),
    ...Array.from({ length: rows - 3 }, (_, i) => pl2Row(i + 4, 'Sở Xây dựng', { G: null })),
  ];
  return { sheets: [sheet(name, values, { notes: { E5: 'Đã hỏi lại đơn vị' }, fills: { B4: 'FFFFFF00' } })] };
}

function openSheets(snapshot: WorkbookSnapshot): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet([]);
  for (const s of snapshot.sheets) spreadsheet.load(s);
  Object.assign(globalThis, { SpreadsheetApp: new FakeSpreadsheetApp(spreadsheet), HtmlService: fakeHtmlService });
  return spreadsheet;
}

/** A Sheets sheet seen as Excel's fake shows a workbook: fills as ARGB, notes, values with formulas. */
function seen(s: FakeSheet): {
  fills: Record<string, string>;
  notes: Record<string, string>;
  values: Record<string, unknown>;
} {
  const view = {
    fills: {} as Record<string, string>,
    notes: {} as Record<string, string>,
    values: {} as Record<string, unknown>,
  };
  for (const [key, cell] of s.cells) {
    const [row, col] = key.split(':').map(Number) as [number, number];
    const a1 = `${String.fromCharCode(64 + col)}${row}`;
    if (cell.background !== undefined) view.fills[a1] = `FF${cell.background.slice(1).toUpperCase()}`;
    if (cell.note !== undefined && cell.note !== '') view.notes[a1] = cell.note;
    if (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ''))
      view.values[a1] = cell.formula ?? cell.value;
  }
  return view;
}

test('Validate then Compute: the same colours, notes and values in Google Sheets as in Excel', async () => {
  const snapshot = workbook();
  const excel = new FakeExcel(WorkbookModel.fromSnapshot(snapshot), '1.18');
  const inExcel = new ExcelPaneActions(excel.api());
  const spreadsheet = openSheets(snapshot);
  const pl2 = spreadsheet.sheet(name);

  const reports = [await inExcel.validate('vi'), serverFunctions.validate('vi')];
  expect(reports[1]).toEqual(reports[0]);
  expect(seen(pl2).fills).toEqual(excel.fills(name));
  expect(seen(pl2).fills['E5']).toBe('FFFFC7CE'); // Validate's marks are there before Compute
  expect(seen(pl2).notes['E5']).toMatch(/^Đã hỏi lại đơn vị\n\n— Soát —/);

  const summaries = [
    await inExcel.compute({ overwrite: true, lang: 'vi' }),
    serverFunctions.compute({ overwrite: true, lang: 'vi' }),
  ];
  expect(summaries[1]).toEqual(summaries[0]);
  expect(summaries[1]).toEqual({ written: 2, keptMismatches: 0 });

  const after = seen(pl2);
  expect(after.fills).toEqual(excel.fills(name));
  expect(after.fills).toEqual({ B4: 'FFFFFF00' }); // only the human's fill: Soát's colours are gone
  expect(after.notes).toEqual(excel.notes(name));
  expect(after.notes).toEqual({ E5: 'Đã hỏi lại đơn vị' });
  expect(after.values).toEqual(excel.values(name));
  expect([after.values['G3'], after.values['I4']]).toEqual([
    '=IF(E3>0,ROUND(F3/E3*100,2),"")',
    '=IF(E4>0,ROUND(H4/E4*100,2),"")',
  ]);

  // What Compute overwrote is still recorded: Revert puts it back in both.
  expect([await inExcel.revert(), serverFunctions.revert()]).toEqual([2, 2]);
  expect(seen(pl2).values).toEqual(excel.values(name));
  expect([seen(pl2).values['G3'], seen(pl2).values['I4']]).toEqual([undefined, 80]);
});

test('Compute without accepting overwrites keeps the mismatch and still costs a constant number of writes', () => {
  const writes = [5, 5000].map((rows) => {
    const spreadsheet = openSheets(workbook(rows));
    serverFunctions.validate('vi');
    spreadsheet.ledger.reset();
    expect(serverFunctions.compute({ overwrite: false, lang: 'vi' })).toEqual({ written: rows - 2, keptMismatches: 1 });
    expect(spreadsheet.sheet(name).cell(4, 9)?.value).toBe(80);
    expect(
      [...spreadsheet.sheet(name).cells.values()].some(
        (c) => c.background === '#ffc7ce' || /— Soát —/.test(c.note ?? ''),
      ),
    ).toBe(false);
    return spreadsheet.ledger.methods(name).filter((method) => writeMethods.includes(method));
  });
  expect(writes[0]).toEqual(writes[1]);
  // Validate's colours go back to no fill in one call, its notes in one call per column that has
  // them, and the blank percentages are two runs of column G: G3, and G6 down to the last row.
  expect(writes[1]).toEqual(['setBackground', ...Array(4).fill('setNotes'), 'setValues', 'setValues']);
});
