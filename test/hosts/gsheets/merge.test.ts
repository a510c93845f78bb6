import { inForce } from '../../../src/core/definition';
import { mergeUnitWorkbooks } from '../../../src/core/merge';
import type { MergeInput } from '../../../src/core/merge';
import type { ScriptRun } from '../../../src/hosts/gsheets/client';
import { GsheetsPaneActions, serverClient } from '../../../src/hosts/gsheets/client';
import { writeDraft } from '../../../src/hosts/gsheets/draft';
import { GsheetsHost } from '../../../src/hosts/gsheets/host';
import { readPaneFiles } from '../../../src/hosts/gsheets/read-files';
import { serverFunctions } from '../../../src/hosts/gsheets/server';
import { storeChunk, takeUpload } from '../../../src/hosts/gsheets/upload';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import type { PaneFile } from '../../../src/taskpane/actions';
import { paneReport } from '../../../src/taskpane/report';
import {
  FakeSpreadsheet,
  FakeSpreadsheetApp,
  fakeHtmlService,
  fakeUtilities,
  writeMethods,
} from '../../support/fake-spreadsheet-app';
import type { FakeSheet } from '../../support/fake-spreadsheet-app';
import type { Cell } from '../../support/fake-spreadsheet-app/cells';
import { pl2Header, pl2Row, sheet } from '../../support/grids';
import { seedWorkbooks } from '../xlsx/seed';

/** google.script.run in Node: each call JSON-serialised, as Apps Script does, then run. */
function scriptRun(): ScriptRun {
  let ok: (value: unknown) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const runner: ScriptRun = new Proxy({} as ScriptRun, {
    get: (_, name: string) => {
      if (name === 'withSuccessHandler') return (f: typeof ok) => ((ok = f), runner);
      if (name === 'withFailureHandler') return (f: typeof fail) => ((fail = f), runner);
      return (...args: unknown[]) => {
        try {
          const fn = serverFunctions[name as keyof typeof serverFunctions] as (...a: unknown[]) => unknown;
          setTimeout(() =>
            ok(JSON.parse(JSON.stringify(fn(...(JSON.parse(JSON.stringify(args)) as unknown[])) ?? null))),
          );
        } catch (error) {
          setTimeout(() => fail(error as Error));
        }
      };
    },
  });
  return runner;
}

function install(spreadsheet: FakeSpreadsheet): void {
  Object.assign(globalThis, {
    SpreadsheetApp: new FakeSpreadsheetApp(spreadsheet),
    HtmlService: fakeHtmlService,
    Utilities: fakeUtilities,
  });
}

async function unitFiles(count: number): Promise<PaneFile[]> {
  const files = [...(await seedWorkbooks())].filter(([name]) => name.startsWith('unit-')).slice(0, count);
  return files.map(([name, bytes]) => ({ name, base64: bytes.toString('base64') }));
}

test('merging .xlsx files chosen in the sidebar: read in the "browser", uploaded in chunks, written as new sheets', async () => {
  const spreadsheet = new FakeSpreadsheet(['Trang tính 1']);
  install(spreadsheet);
  const files = [
    ...(await unitFiles(5)),
    { name: 'hỏng.xlsx', base64: Buffer.from('not a workbook').toString('base64') },
  ];
  const actions = new GsheetsPaneActions(serverClient(scriptRun), readPaneFiles);
  const report = await actions.mergeFiles(files, 'vi');

  // What the merge core makes of the same files read directly, without the sidebar and the upload.
  const read = await readPaneFiles(files);
  expect(read.unreadable).toEqual([expect.objectContaining({ file: 'hỏng.xlsx', reason: 'not-xlsx' })]);
  const inputs: MergeInput[] = [
    ...files.slice(0, 5).map((file, i): MergeInput => ({ file: file.name, snapshot: read.workbooks[i]! })),
    ...read.unreadable.map((u): MergeInput => ({
      file: u.file,
      error: { reason: u.reason, message: { vi: u.vi, en: u.en } },
    })),
  ];
  const expected = mergeUnitWorkbooks(inputs, { lang: 'vi' });

  expect(spreadsheet.sheets.map((s) => s.name)).toEqual(['Trang tính 1', ...expected.draft.sheets.map((s) => s.name)]);
  expect(report.findings.map((f) => [f.file, f.sheet, f.cell, f.rule])).toEqual(
    expected.findings.map((f) => [f.file, f.sheet, f.cell, f.rule]),
  );
  expect(report.findings.filter((f) => f.rule === 'unreadable-file').map((f) => f.file)).toEqual(['hỏng.xlsx']);

  // Every draft cell landed as drafted: text as text, numbers as numbers, formulas as formulas.
  for (const draft of expected.draft.sheets) {
    const sheet = spreadsheet.sheet(draft.name);
    draft.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const actual = sheet.cell(r + 1, c + 1);
        if (cell?.formula !== undefined) expect(actual?.formula).toBe(`=${cell.formula}`);
        else if (cell?.number !== undefined) expect(actual?.value).toBe(cell.number);
        else if (cell?.text !== undefined && cell.text !== '')
          expect([actual?.value, actual?.formula]).toEqual([cell.text, undefined]);
      }),
    );
  }
  expect(spreadsheet.sheets.some((s) => s.name === '_soat_upload')).toBe(false);
}, 30_000);

test('merging the sheets of the open spreadsheet writes the report beside them under free names', async () => {
  const spreadsheet = new FakeSpreadsheet([]);
  for (const file of await unitFiles(3)) {
    const { snapshot } = await readWorkbookBuffer(Buffer.from(file.base64, 'base64'), file.name);
    for (const sheet of snapshot.sheets)
      spreadsheet.load({ ...sheet, name: `${file.name.replace(/\.xlsx$/, '')} ${sheet.name}` });
  }
  spreadsheet.load({ name: 'Phụ lục 2', values: [] });
  install(spreadsheet);
  const report = serverFunctions.mergeSheets('vi');
  const names = spreadsheet.sheets.map((s) => s.name);
  expect(names).toContain('Phụ lục 2 (2)');
  expect(names).toContain('Tổng hợp');
  expect(report.summary.error).toBeGreaterThanOrEqual(0);
});

/** What a user sees in a sheet, cell by cell: value or formula, note, colour, weight… */
function contents(sheet: FakeSheet): Record<string, unknown> {
  return Object.fromEntries(
    [...sheet.cells].filter(([, c]) => Object.keys(c).length > 0).map(([k, c]) => [k, { ...c }]),
  );
}

test("merging the open spreadsheet twice gives the same report: an earlier merge and Soát's own sheets are not inputs", async () => {
  const spreadsheet = new FakeSpreadsheet([]);
  for (const file of await unitFiles(3)) {
    const { snapshot } = await readWorkbookBuffer(Buffer.from(file.base64, 'base64'), file.name);
    for (const sheet of snapshot.sheets)
      spreadsheet.load({ ...sheet, name: `${file.name.replace(/\.xlsx$/, '')} ${sheet.name}` });
  }
  spreadsheet.load(sheet('Sở Du lịch', [pl2Header, pl2Row(1, 'Sở Du lịch', { E: 30 })])); // E ≠ F + H: Validate paints it
  const unitSheets = spreadsheet.sheets.map((s) => s.name);
  install(spreadsheet);
  serverFunctions.validate('vi'); // leaves the hidden record sheet "_soat"
  storeChunk(spreadsheet, fakeUtilities, 'never-finished', 0, '{}'); // and an upload's staging sheet "_soat_upload"
  expect(
    spreadsheet.sheets
      .filter((s) => s.hidden)
      .map((s) => s.name)
      .sort(),
  ).toEqual(['_soat', '_soat_upload']);
  const units = new GsheetsHost(spreadsheet).snapshot().sheets;
  expect(units.map((s) => s.name)).toEqual(unitSheets);
  const expected = mergeUnitWorkbooks(
    units.map((sheet): MergeInput => ({ file: sheet.name, snapshot: { file: sheet.name, sheets: [sheet] } })),
    { lang: 'vi' },
  );
  const drafted = expected.draft.sheets.map((s) => s.name);
  expect(drafted).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Tổng hợp']);

  const first = serverFunctions.mergeSheets('vi');
  // Nothing stored in the spreadsheet: the built-in report and unit list.
  expect(first).toEqual(paneReport(expected.findings, 'vi', inForce({ sheets: [] })));
  expect(first.findings.filter((f) => f.rule === 'sum-mismatch').map((f) => [f.file, f.cell])).toEqual([
    ['Sở Du lịch', 'E2'],
  ]);
  const firstSheets = drafted.map((name) => spreadsheet.sheet(name));
  firstSheets[3]!.name = 'Tổng hợp 9T'; // a user renames the summary: still the merge's own
  const taken = spreadsheet.sheets.map((s) => s.name);

  const second = serverFunctions.mergeSheets('vi');
  expect(second).toEqual(first);
  const added = spreadsheet.sheets.map((s) => s.name).filter((name) => !taken.includes(name));
  expect(added).toEqual(['Phụ lục 1 (2)', 'Phụ lục 2 (2)', 'Phụ lục 3 (2)', 'Tổng hợp']);

  // The same cells; the second summary's formulas read the second merge's sheets, not the first's.
  const renamed = (text: string): string => text.replace(/'(Phụ lục \d)'!/g, "'$1 (2)'!");
  firstSheets.forEach((sheet, i) => {
    const again = contents(spreadsheet.sheet(added[i]!));
    const once = Object.fromEntries(
      Object.entries(contents(sheet)).map(([k, c]) => [
        k,
        { ...(c as Cell), ...((c as Cell).formula === undefined ? {} : { formula: renamed((c as Cell).formula!) }) },
      ]),
    );
    expect(again).toEqual(once);
  });
  const summaryFormulas = [...spreadsheet.sheet('Tổng hợp').cells.values()].flatMap((c) =>
    c.formula === undefined ? [] : [c.formula],
  );
  expect(summaryFormulas.filter((f) => f.includes("'Phụ lục 2 (2)'!")).length).toBeGreaterThan(5);
  expect(summaryFormulas.filter((f) => /'Phụ lục \d'!/.test(f))).toEqual([]);

  // A third merge still takes the three units' sheets only.
  expect(serverFunctions.mergeSheets('en').findings.map((f) => [f.file, f.sheet, f.cell, f.rule])).toEqual(
    expected.findings.map((f) => [f.file, f.sheet, f.cell, f.rule]),
  );
}, 30_000);

test('a draft is written with a constant number of calls per sheet, whatever its rows', () => {
  const calls = [10, 5000].map((rows) => {
    const spreadsheet = new FakeSpreadsheet();
    writeDraft(spreadsheet, {
      sheets: [
        {
          name: 'X',
          rows: Array.from({ length: rows }, (_, i) => [
            { number: i, border: true },
            { text: '=1+1', bold: true, note: 'n' },
            { formula: `A${i + 1}*2` },
          ]),
          merges: ['A1:C1'],
          columnWidths: [5, 20, 8],
          frozenRows: 1,
        },
      ],
    });
    expect(spreadsheet.sheet('X').cell(rows, 2)).toMatchObject({ value: '=1+1', bold: true, note: 'n' });
    return spreadsheet.ledger.count('X', writeMethods);
  });
  expect(calls[0]).toBe(calls[1]);
});

test('an upload is stored in a hidden sheet in chunks of cells under 50,000 characters and read back whole', () => {
  const spreadsheet = new FakeSpreadsheet();
  const text = 'ạ'.repeat(120_000) + 'end';
  const chunks = [text.slice(0, 100_000), text.slice(100_000)];
  chunks.forEach((chunk, i) => storeChunk(spreadsheet, fakeUtilities, 'u1', i, chunk));
  const staging = spreadsheet.sheet('_soat_upload');
  expect(staging.hidden).toBe(true);
  expect(Math.max(...[...staging.cells.values()].map((c) => String(c.value ?? '').length))).toBeLessThanOrEqual(50_000);
  expect(spreadsheet.active?.name).toBe('Sheet1');
  expect(takeUpload(spreadsheet, fakeUtilities, 'u1')).toBe(text);
  expect(spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1']);
});
