import { checkWorkbook } from '../../../src/core/check';
import type { EditPlan } from '../../../src/core/plan';
import { fillColors } from '../../../src/core/plan';
import { annotationPlan } from '../../../src/core/report/annotations';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { ExcelPaneActions } from '../../../src/hosts/excel/actions';
import { detectFeatures, excelLibraryHas } from '../../../src/hosts/excel/api';
import { ExcelHostError } from '../../../src/hosts/excel/errors';
import { ExcelHost } from '../../../src/hosts/excel/host';
import { readUnitFile } from '../../../src/hosts/excel/unit-files';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { FakeExcel, WorkbookModel } from '../../support/fake-excel';
import { RichApiServer, requestLimitBytes, serveExcel } from '../../support/rich-api/server';
import { seedFile, seedWorkbooks } from '../xlsx/seed';
import { phuLuc3WithRows } from './big';

/**
 * The host run by Microsoft's own Excel client library (excel-web-16.00.debug.js from
 * @microsoft/office-js): its proxies, load rules and request format, with every `context.sync()`
 * answered by an in-memory workbook. What the library refuses here, Excel would refuse too.
 * The test server models what the host does at ExcelApi 1.9 (the manifest's minimum) and a
 * merge's report with its chart; notes, threaded comments and merged areas are the fake's.
 */

function served(snapshot: WorkbookSnapshot): { server: RichApiServer; host: ExcelHost; view: FakeExcel } {
  const server = new RichApiServer(WorkbookModel.fromSnapshot(snapshot));
  const { api } = serveExcel(server);
  // The fake's helpers only read the model here: both stand on the same in-memory workbook.
  return { server, host: new ExcelHost(api, { cellEditDelayMs: 1 }), view: new FakeExcel(server.book, '1.9') };
}

/** Dates as Excel keeps them (serial numbers): what a workbook read back through any Excel holds. */
function serialDates(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    sheets: snapshot.sheets.map((s) => ({
      ...s,
      values: s.values.map((row) => row.map((v) => (v instanceof Date ? v.getTime() / 86_400_000 + 25569 : v))),
    })),
  };
}

test('a minimal Excel.run: one ProcessQuery per sync, values loaded, a fill written', async () => {
  const { server } = served({
    sheets: [
      {
        name: 'S',
        values: [
          [1, 'a'],
          [null, 2],
        ],
      },
    ],
  });
  const { library } = serveExcel(server);
  const values = await library.Excel.run({ session: 'https://soat.test/' } as Excel.RunOptions, async (context) => {
    const range = context.workbook.worksheets.getItem('S').getRange('A1:B2').load('values');
    expect(() => range.values).toThrow(/PropertyNotLoaded|not available/); // Microsoft's rule, not ours
    context.workbook.worksheets.getItem('S').getRange('B2').format.fill.color = '#FFC7CE';
    await context.sync();
    return range.values;
  });
  expect(values).toEqual([
    [1, 'a'],
    ['', 2],
  ]);
  expect(server.book.sheet('S')!.cell(2, 2)!.fill).toEqual({ pattern: 'Solid', color: '#FFC7CE' });
  expect(server.requests.map((r) => new URL(r.url).pathname)).toEqual(['/ProcessQuery']);
  const actions = server.requests[0]!.body.Actions;
  expect(actions.find((a) => a.ActionType === 2)?.QueryInfo?.Select).toEqual(['values']);
  expect(actions.find((a) => a.ActionType === 4)).toMatchObject({
    Name: 'Color',
    ArgumentInfo: { Arguments: ['#FFC7CE'] },
  });
});

test('readSnapshot through the real library equals readSnapshot through the fake Excel', async () => {
  const snapshot = serialDates((await readWorkbookBuffer(await seedFile('seed-report.xlsx'))).snapshot);
  const { server, host } = served(snapshot);
  const real = await host.readSnapshot();
  const fake = await new ExcelHost(new FakeExcel(WorkbookModel.fromSnapshot(snapshot), '1.9').api()).readSnapshot();
  expect(real).toEqual(fake);
  expect(real.sheets.map((s) => s.name)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3']);
  expect(server.requests).toHaveLength(2);
});

test('Validate then Clear: the fills the fake Excel gets, in four syncs; Clear restores every fill', async () => {
  const snapshot = await phuLuc3WithRows(500);
  const { server, host, view } = served(snapshot);
  const before = view.values('Phụ lục 3');
  const check = checkWorkbook(await host.readSnapshot());
  await host.applyPlan(annotationPlan(check.findings, 'vi'));
  expect(server.requests).toHaveLength(4);

  const fake = new FakeExcel(WorkbookModel.fromSnapshot(snapshot), '1.9');
  const fakeHost = new ExcelHost(fake.api());
  await fakeHost.applyPlan(annotationPlan(checkWorkbook(await fakeHost.readSnapshot()).findings, 'vi'));
  expect(view.fills('Phụ lục 3')).toEqual(fake.fills('Phụ lục 3'));
  expect(Object.keys(view.fills('Phụ lục 3')).length).toBeGreaterThan(0);
  expect(server.book.sheet('_soat')?.visibility).toBe('VeryHidden');
  expect(view.values('Phụ lục 3')).toEqual(before);

  await host.clear();
  expect(view.fills('Phụ lục 3')).toEqual({});
  expect(server.book.sheet('_soat')).toBeUndefined();
});

test('writes past 5 MB are split so that every request, as the library serialises it, stays under the limit', async () => {
  const { server, host, view } = served(await phuLuc3WithRows(10));
  const cells = Array.from({ length: 3000 }, (_, i) => `F${i + 1}`);
  const plan: EditPlan = {
    sheets: [
      {
        sheet: 'Phụ lục 3',
        fills: [{ kind: 'error', color: fillColors.error, cells: cells.slice(0, 500) }],
        notes: [],
        writes: cells.map((cell) => ({ cell, value: `${cell} ${'x'.repeat(2000)}` })),
      },
    ],
  };
  await host.applyPlan(plan);
  const sizes = server.requests.map((r) => r.bytes);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(requestLimitBytes);
  expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(requestLimitBytes); // it had to be split
  expect(view.values('Phụ lục 3')['F3000']).toBe(`F3000 ${'x'.repeat(2000)}`);
  expect(view.fill('Phụ lục 3', 'F500')).toBe(fillColors.error);
});

test("Excel's error codes come through the library as the host's words", async () => {
  const { host, server } = served(await phuLuc3WithRows(10));
  const error = await host.select('Không có', 'A1').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExcelHostError);
  expect((error as ExcelHostError).failure).toBe('sheet-missing');
  await host.select('Phụ lục 3', 'C7');
  expect([server.book.activeSheet, server.book.selection]).toEqual(['Phụ lục 3', 'C7']);
});

/** A sheet of the model as plain data: every cell, merge, frozen row, column width and chart. */
function sheetState(book: WorkbookModel, name: string): unknown {
  const sheet = book.sheet(name)!;
  return {
    cells: Object.fromEntries(sheet.cells),
    merges: sheet.merges,
    frozenRows: sheet.frozenRows,
    widths: Object.fromEntries(sheet.columnWidths),
    charts: sheet.charts,
  };
}

test('Merge from unit files writes, through the real library, the same sheets and chart as through the fake', async () => {
  const files = [...(await seedWorkbooks())].filter(([name]) => name.startsWith('unit-')).slice(0, 8);
  const paneFiles = files.map(([name, bytes]) => ({ name, base64: bytes.toString('base64') }));
  const open: WorkbookSnapshot = { sheets: [{ name: 'Phụ lục 2', values: [['bản cũ']] }] };
  const { server } = served(open);
  await new ExcelPaneActions(serveExcel(server).api, readUnitFile).mergeFiles(paneFiles, 'vi');
  const fake = new FakeExcel(WorkbookModel.fromSnapshot(open), '1.9');
  await new ExcelPaneActions(fake.api(), readUnitFile).mergeFiles(paneFiles, 'vi');

  // "_soat" (very hidden) records the new sheets' ids as a merge's output.
  const names = ['Phụ lục 2', 'Phụ lục 1', 'Phụ lục 2 (2)', 'Phụ lục 3', 'Tổng hợp', '_soat'];
  expect(server.book.sheets.map((s) => s.name)).toEqual(names);
  for (const name of names) expect([name, sheetState(server.book, name)]).toEqual([name, sheetState(fake.book, name)]);
  expect(server.book.sheet('Tổng hợp')!.charts).toEqual([
    expect.objectContaining({ type: 'BarClustered', legend: false, valueAxis: { minimum: 0, maximum: 100 } }),
  ]);
}, 30_000);

test("the npm package's Excel library predates notes: an Excel that reports ExcelApi 1.18 gets threaded comments", () => {
  const { library } = serveExcel(new RichApiServer(new WorkbookModel()));
  expect((['notes', 'comments', 'mergedAreas'] as const).map((api) => excelLibraryHas(library.Excel, api))).toEqual([
    false,
    true,
    true,
  ]);
  const features = detectFeatures({
    isSetSupported: () => true,
    libraryHas: (api) => excelLibraryHas(library.Excel, api),
  });
  expect([features.notes, features.threadedComments, features.mergedAreas]).toEqual([false, true, true]);
  // Without the probe the host would reach for context.workbook.notes, which this library lacks.
  expect(detectFeatures({ isSetSupported: () => true }).notes).toBe(true);
});
