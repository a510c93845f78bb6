import { soatMarker } from '../../src/core/report/annotation';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { ExcelPaneActions } from '../../src/hosts/excel/actions';
import { GsheetsPaneActions } from '../../src/hosts/gsheets/client';
import type { ServerClient } from '../../src/hosts/gsheets/client';
import { menuValidate, serverFunctions } from '../../src/hosts/gsheets/server';
import type { PaneActions, PaneFinding, PaneReport } from '../../src/taskpane/actions';
import { FakeExcel, WorkbookModel } from '../support/fake-excel';
import { FakeSpreadsheet, FakeSpreadsheetApp, fakeHtmlService } from '../support/fake-spreadsheet-app';
import { pl2Header, pl2Row, sheet } from '../support/grids';

/**
 * A reviewer's confirmation through the pane's actions, in Excel (notes, and threads in an older
 * Excel) and in Google Sheets: confirm, validate again, the finding is confirmed and not coloured;
 * a changed value lapses; removing it gives back the note as it was.
 */

const name = 'Phụ lục 2';
const human = 'Đã hỏi lại đơn vị ngày 3/10.\n  Chị Lan giữ bản giấy.  ';
const reason = 'đơn vị tính trên cơ sở khác';

/** Row 4: Sở Y tế's I (H/E × 100) says 80 where 34,62 is right; `rows` more correct rows below. */
function workbook(rows = 0, notes: Record<string, string> = { I4: human }): WorkbookSnapshot {
  const values: CellValue[][] = [
    ['PHỤ LỤC 2'],
    pl2Header,
    pl2Row(1, 'Sở Tư pháp'),
    pl2Row(2, 'Sở Y tế', { I: 80 }),
    ...Array.from({ length: rows }, (_, i) => pl2Row(i + 3, 'Sở Tư pháp')),
  ];
  return { sheets: [sheet(name, values, { notes })] };
}

interface Pane {
  readonly actions: PaneActions;
  note(): string | undefined;
  fill(): string | undefined;
  setI4(value: number): void;
  /** Round trips (Excel syncs) or service calls (Sheets) so far. */
  calls(): number;
  sheetNames(): string[];
  noteAt(sheet: string, cell: string): string | undefined;
  /** A sheet's values, row by row, as displayed text. */
  rowsOf(sheet: string): string[][];
}

function excelPane(snapshot: WorkbookSnapshot, version: string): Pane {
  const model = WorkbookModel.fromSnapshot(snapshot);
  if (version === '1.10') {
    // Before notes, a human's words on a cell are a thread of theirs.
    const sheetModel = model.sheet(name)!;
    for (const [cell, note] of sheetModel.notes) {
      model.comments.push({
        id: model.newId(),
        sheet: name,
        cell,
        content: note.content,
        authorName: 'Lan',
        replies: [],
      });
    }
    sheetModel.notes.clear();
  }
  const excel = new FakeExcel(model, version);
  return {
    actions: new ExcelPaneActions(excel.api()),
    note: () => excel.notes(name)['I4'],
    fill: () => excel.fill(name, 'I4'),
    setI4: (value) => (excel.book.sheet(name)!.at(4, 9).value = value),
    calls: () => excel.counters.syncs,
    sheetNames: () => excel.book.sheets.map((s) => s.name),
    noteAt: (sheet, cell) => excel.notes(sheet)[cell],
    rowsOf: (sheet) => {
      const rows: string[][] = [];
      for (const [key, value] of Object.entries(excel.values(sheet))) {
        const [, column, row] = /^([A-Z]+)(\d+)$/.exec(key)!;
        (rows[Number(row) - 1] ??= [])[column!.charCodeAt(0) - 65] = String(value);
      }
      return Array.from(rows, (row) => Array.from(row ?? [], (v) => v ?? ''));
    },
  };
}

/** The sidebar's client over the server functions, the seam google.script.run crosses. */
function sheetsPane(snapshot: WorkbookSnapshot): Pane {
  const spreadsheet = new FakeSpreadsheet([]);
  for (const s of snapshot.sheets) spreadsheet.load(s);
  Object.assign(globalThis, { SpreadsheetApp: new FakeSpreadsheetApp(spreadsheet), HtmlService: fakeHtmlService });
  const server = new Proxy({} as ServerClient, {
    get:
      (_, key: keyof typeof serverFunctions) =>
      (...args: unknown[]) =>
        Promise.resolve((serverFunctions[key] as (...a: unknown[]) => unknown)(...args)),
  });
  const pl2 = () => spreadsheet.sheet(name);
  return {
    actions: new GsheetsPaneActions(server, () => Promise.reject(new Error('no files here'))),
    note: () => pl2().getRange('I4').getNotes()[0]![0] || undefined,
    fill: () => {
      const color = pl2().getRange('I4').getBackgrounds()[0]![0]!;
      return color === '#ffffff' ? undefined : `FF${color.slice(1).toUpperCase()}`;
    },
    setI4: (value) =>
      void pl2()
        .getRange('I4')
        .setValues([[value]]),
    calls: () => spreadsheet.ledger.calls.length,
    sheetNames: () => spreadsheet.getSheets().map((s) => s.getName()),
    noteAt: (sheet, cell) => spreadsheet.sheet(sheet).getRange(cell).getNotes()[0]![0] || undefined,
    rowsOf: (sheet) =>
      spreadsheet
        .sheet(sheet)
        .getDataRange()
        .getDisplayValues()
        .map((row) => row.map(String)),
  };
}

/** Each host, and what a confirmation costs there: syncs in Excel, service calls in Sheets. */
const hosts: [string, (snapshot: WorkbookSnapshot) => Pane, number][] = [
  ['Excel, notes (ExcelApi 1.18)', (s) => excelPane(s, '1.18'), 4],
  ['Excel, threaded comments (ExcelApi 1.10)', (s) => excelPane(s, '1.10'), 4],
  ['Google Sheets', sheetsPane, 5],
];

const at = (report: PaneReport, cell: string): PaneFinding[] => report.findings.filter((f) => f.cell === cell);
const ruleAndReason = (report: PaneReport, cell: string) => at(report, cell).map((f) => [f.rule, f.confirmed ?? null]);

describe.each(hosts)('%s', (_, open, cost) => {
  test('confirm, validate again: the finding is confirmed, not coloured, not counted; the note keeps the human’s words', async () => {
    const pane = open(workbook());
    const first = await pane.actions.validate('vi');
    expect(ruleAndReason(first, 'I4')).toEqual([['ratio-mismatch', null]]);
    expect(first.summary.error).toBe(1);
    expect(pane.fill()).toBe('FFFFC7CE');
    const annotated = pane.note()!;
    // Soát's block after the human's words (in a note, their trailing spaces dropped, as ever).
    expect(annotated.startsWith(human.trimEnd())).toBe(true);
    expect(annotated).toContain(`\n\n${soatMarker}`);

    await pane.actions.confirm(at(first, 'I4')[0]!, reason, 'vi');
    const line = `Soát: xác nhận ratio-mismatch = 80 — ${reason}`;
    expect(pane.note()).toContain(line);
    // The line is the only change: taken out, the note is byte for byte what it was.
    expect(pane.note()!.replace(`\n\n${line}`, '').replace(`\n${line}`, '')).toBe(annotated);

    const again = await pane.actions.validate('vi');
    expect(ruleAndReason(again, 'I4')).toEqual([['ratio-mismatch', reason]]);
    expect([again.summary.error, again.confirmed]).toEqual([0, 1]);
    expect(pane.fill()).toBeUndefined();
    expect(pane.note()!.startsWith(human.trimEnd())).toBe(true);
    expect(pane.note()).toContain(line);
    expect(pane.note()).toContain(`[Lỗi — đã xác nhận: ${reason}]`);

    const third = await pane.actions.validate('vi');
    expect(ruleAndReason(third, 'I4')).toEqual([['ratio-mismatch', reason]]);
  });

  test('a changed value makes the confirmation lapse, and the info finding says so', async () => {
    const pane = open(workbook());
    const first = await pane.actions.validate('en');
    await pane.actions.confirm(at(first, 'I4')[0]!, 'other base', 'en');
    expect(pane.note()).toContain('Soát: confirmed ratio-mismatch = 80 — other base');
    pane.setI4(81);
    const report = await pane.actions.validate('en');
    expect(at(report, 'I4').map((f) => [f.rule, f.severity, f.confirmed ?? null])).toEqual([
      ['ratio-mismatch', 'error', null],
      ['confirmation-lapsed', 'info', null],
    ]);
    expect(report.summary.error).toBe(1);
    expect(pane.fill()).toBe('FFFFC7CE');
  });

  test('remove the confirmation: the note is what it was, the finding an error again', async () => {
    const pane = open(workbook());
    const first = await pane.actions.validate('vi');
    const before = pane.note();
    await pane.actions.confirm(at(first, 'I4')[0]!, reason, 'vi');
    const confirmed = await pane.actions.validate('vi');
    await pane.actions.unconfirm(at(confirmed, 'I4')[0]!, 'vi');
    const report = await pane.actions.validate('vi');
    expect(ruleAndReason(report, 'I4')).toEqual([['ratio-mismatch', null]]);
    expect(pane.note()).toBe(before);
    expect(pane.fill()).toBe('FFFFC7CE');
  });

  test('Clear removes Soát’s words and keeps the confirmation, on a cell that had no note of its own', async () => {
    const pane = open(workbook(0, {}));
    const first = await pane.actions.validate('vi');
    await pane.actions.confirm(at(first, 'I4')[0]!, reason, 'vi');
    await pane.actions.validate('vi');
    await pane.actions.clear();
    expect(pane.note()).toBe(`Soát: xác nhận ratio-mismatch = 80 — ${reason}`);
    const again = await pane.actions.validate('vi');
    expect(ruleAndReason(again, 'I4')).toEqual([['ratio-mismatch', reason]]);
  });

  test('confirming costs the same few calls on a sheet of 2 rows as of 300', async () => {
    const costs: number[] = [];
    for (const rows of [0, 298]) {
      const pane = open(workbook(rows));
      const report = await pane.actions.validate('vi');
      const before = pane.calls();
      await pane.actions.confirm(at(report, 'I4')[0]!, reason, 'vi');
      costs.push(pane.calls() - before);
    }
    expect(costs).toEqual([cost, cost]);
  });
});

test('the Soát menu’s Validate in Google Sheets counts the confirmed findings apart', async () => {
  const pane = sheetsPane(workbook());
  const first = await pane.actions.validate('vi');
  await pane.actions.confirm(at(first, 'I4')[0]!, reason, 'vi');
  const app = (globalThis as unknown as { SpreadsheetApp: FakeSpreadsheetApp }).SpreadsheetApp;
  menuValidate();
  expect(app.ui.alerts).toEqual([
    'Soát: 0 lỗi, 0 cảnh báo, 0 thông tin, 1 đã xác nhận / 0 errors, 0 warnings, 0 info, 1 confirmed.',
  ]);
});

describe.each(hosts)('%s, merged', (_, open) => {
  test('merge carries the confirmation into the consolidated cell, confirmed there, and the summary counts it', async () => {
    const pane = open(workbook());
    const first = await pane.actions.validate('vi');
    await pane.actions.confirm(at(first, 'I4')[0]!, reason, 'vi');
    const merged = await pane.actions.mergeSheets('vi');
    expect(ruleAndReason(merged, 'I4')).toEqual([['ratio-mismatch', reason]]);
    expect(merged.summary.error).toBe(0);

    const consolidated = pane.sheetNames().filter((n) => n !== name && /^Phụ lục 2/.test(n));
    expect(consolidated).toHaveLength(1);
    const rows = pane.rowsOf(consolidated[0]!);
    const row = rows.findIndex((r) => r.includes('Sở Y tế'));
    expect(row).toBeGreaterThan(0);
    const note = pane.noteAt(consolidated[0]!, `I${row + 1}`) ?? '';
    expect(note.split('\n')).toContain(`Soát: xác nhận ratio-mismatch = 80 — ${reason}`);

    const summary = pane.sheetNames().find((n) => /^Tổng hợp/.test(n))!;
    const table = pane.rowsOf(summary);
    const header = table.find((r) => r.includes('Đã xác nhận'))!;
    const unit = table.find((r) => r.includes('Sở Y tế'))!;
    expect(unit[header.indexOf('Đã xác nhận')]).toBe('1');
  });
});
