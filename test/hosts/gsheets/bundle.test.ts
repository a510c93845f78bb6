import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { checkWorkbook } from '../../../src/core/check';
import { mergeUnitWorkbooks } from '../../../src/core/merge';
import { readPaneFiles } from '../../../src/hosts/gsheets/read-files';
import { encodePayload, splitText } from '../../../src/hosts/gsheets/transfer';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import type { PaneReport } from '../../../src/taskpane/actions';
import {
  FakeSpreadsheet,
  FakeSpreadsheetApp,
  fakeHtmlService,
  fakeUtilities,
} from '../../support/fake-spreadsheet-app';
import { seedFile, seedWorkbooks } from '../xlsx/seed';
import { buildGsheets } from './build';

/**
 * The built Code.js, loaded as Apps Script loads it: one script in a global scope that holds the
 * services (here the fakes) and nothing of Node. Its top-level functions are the entry points.
 */

let out: string;
beforeAll(async () => {
  out = await buildGsheets(['gsheets-server']);
}, 120_000);

function load(app: FakeSpreadsheetApp): vm.Context {
  const context = vm.createContext({ SpreadsheetApp: app, HtmlService: fakeHtmlService, Utilities: fakeUtilities });
  vm.runInContext(readFileSync(join(out, 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
  return context;
}

test('appsscript.json: V8 and the two narrowest scopes', () => {
  const manifest = JSON.parse(readFileSync(join(out, 'appsscript.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest['runtimeVersion']).toBe('V8');
  expect(manifest['oauthScopes']).toEqual([
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.container.ui',
  ]);
});

test('Code.js has no module system left and every entry point as a top-level function', () => {
  const code = readFileSync(join(out, 'Code.js'), 'utf8');
  expect(code).not.toMatch(/\brequire\(|^\s*(?:import|export)\s/m);
  const context = load(new FakeSpreadsheetApp());
  for (const name of [
    'onOpen',
    'onInstall',
    'menuValidate',
    'menuCompute',
    'menuMerge',
    'menuClear',
    'showSidebar',
    'validate',
    'compute',
    'clear',
    'revert',
    'selectCell',
    'acceptSuggestion',
    'confirm',
    'unconfirm',
    'mergeSheets',
    'uploadChunk',
    'mergeUpload',
  ]) {
    expect(typeof context[name]).toBe('function');
  }
});

test('onOpen builds the Soát menu; its items name top-level functions', () => {
  const app = new FakeSpreadsheetApp();
  const context = load(app);
  (context['onOpen'] as () => void)();
  const [menu] = app.ui.menus;
  expect(menu?.addedToUi).toBe(true);
  expect(menu?.items.map((i) => i.caption)).toEqual([
    'Kiểm tra / Validate',
    'Tính tỷ lệ / Compute percentages',
    'Tổng hợp / Merge unit sheets',
    'Xóa đánh dấu / Clear',
    'Mở Soát / Open sidebar',
  ]);
  for (const item of menu!.items) expect(typeof context[item.functionName]).toBe('function');
  (context['showSidebar'] as () => void)();
  expect(app.ui.sidebars).toEqual([expect.objectContaining({ file: 'Sidebar', title: 'Soát' })]);
});

test('validate, run through the bundle on the seed, reports what the core finds and marks the sheets', async () => {
  const { snapshot } = await readWorkbookBuffer(await seedFile('seed-report.xlsx'));
  const spreadsheet = new FakeSpreadsheet([]);
  for (const sheet of snapshot.sheets) spreadsheet.load(sheet);
  const context = load(new FakeSpreadsheetApp(spreadsheet));
  const report = (context['validate'] as (lang: string) => PaneReport)('vi');
  const expected = checkWorkbook(snapshot).findings;
  expect(report.findings.map((f) => [f.sheet, f.cell, f.rule])).toEqual(expected.map((f) => [f.sheet, f.cell, f.rule]));
  expect([...spreadsheet.sheet('Phụ lục 2').cells.values()].some((c) => c.background === '#ffc7ce')).toBe(true);
  expect(spreadsheet.sheet('_soat').hidden).toBe(true);

  (context['clear'] as () => void)();
  expect(
    [...spreadsheet.sheet('Phụ lục 2').cells.values()].some((c) => c.background !== undefined || c.note !== undefined),
  ).toBe(false);
});

test('unit files uploaded in chunks through the bundle are merged, and the staging sheet goes', async () => {
  const units = [...(await seedWorkbooks())].filter(([name]) => name.startsWith('unit-')).slice(0, 2);
  const payload = await readPaneFiles(units.map(([name, bytes]) => ({ name, base64: bytes.toString('base64') })));
  const text = encodePayload(payload);
  const spreadsheet = new FakeSpreadsheet(['Trang tính 1']);
  const context = load(new FakeSpreadsheetApp(spreadsheet));
  splitText(text, Math.ceil(text.length / 3)).forEach((chunk, i) =>
    (context['uploadChunk'] as (upload: string, index: number, chunk: string) => void)('u1', i, chunk),
  );
  expect(spreadsheet.sheet('_soat_upload').hidden).toBe(true);
  (context['mergeUpload'] as (upload: string, lang: string) => PaneReport)('u1', 'vi');
  const expected = mergeUnitWorkbooks(
    units.map(([file], i) => ({ file, snapshot: payload.workbooks[i]! })),
    { lang: 'vi' },
  );
  expect(spreadsheet.sheets.map((s) => s.name)).toEqual(['Trang tính 1', ...expected.draft.sheets.map((s) => s.name)]);
});
