import { definitionSheetName, parseDefinition } from '../../../src/core/definition';
import { mergeUnitWorkbooks } from '../../../src/core/merge';
import { defaultRegistry } from '../../../src/core/units/registry';
import { registrySheetName, registrySheetRows } from '../../../src/core/units/sheet';
import type { ScriptRun } from '../../../src/hosts/gsheets/client';
import { GsheetsPaneActions, serverClient } from '../../../src/hosts/gsheets/client';
import { readPaneFiles } from '../../../src/hosts/gsheets/read-files';
import { serverFunctions } from '../../../src/hosts/gsheets/server';
import type { PaneInForce } from '../../../src/taskpane/actions';
import { FakeSpreadsheet, FakeSpreadsheetApp, fakeHtmlService } from '../../support/fake-spreadsheet-app';
import { brokenTthcText, definitionText, tthcResultsSheet } from '../../support/definitions';

/** The sidebar's "Mẫu báo cáo" section over the fake SpreadsheetApp, through google.script.run. */

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
          const result = fn(...(JSON.parse(JSON.stringify(args)) as unknown[]));
          setTimeout(() => ok(JSON.parse(JSON.stringify(result ?? null))));
        } catch (error) {
          setTimeout(() => fail(error as Error));
        }
      };
    },
  });
  return runner;
}

function open(spreadsheet: FakeSpreadsheet): GsheetsPaneActions {
  Object.assign(globalThis, { SpreadsheetApp: new FakeSpreadsheetApp(spreadsheet), HtmlService: fakeHtmlService });
  return new GsheetsPaneActions(serverClient(scriptRun), readPaneFiles);
}

const tthc = definitionText('hp-tthc-q3-2025.json');
const tthcTitle = 'Báo cáo kết quả giải quyết thủ tục hành chính quý III/2025';
const builtIn: PaneInForce = {
  title: 'Báo cáo 9T/2024 – KH 197/KH-UBND',
  reportSource: 'built-in',
  units: 46,
  registrySource: 'built-in',
};

/** Every row of a sheet as getValues gives it. */
function rowsOf(spreadsheet: FakeSpreadsheet, name: string): unknown[][] {
  return spreadsheet.sheet(name).getDataRange().getValues();
}

const findingsOf = (report: { findings: readonly { sheet: string; cell: string; rule: string }[] }) =>
  report.findings.map((f) => [f.sheet, f.cell, f.rule]);

function withResults(): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet([]);
  spreadsheet.load(tthcResultsSheet);
  spreadsheet.active = spreadsheet.sheet(tthcResultsSheet.name);
  return spreadsheet;
}

describe('storing a report definition in the open spreadsheet', () => {
  test('writes it hidden, as text; the next Validate checks the spreadsheet against it', async () => {
    const spreadsheet = withResults();
    const actions = open(spreadsheet);

    expect(await actions.inForce('vi')).toEqual(builtIn);
    const before = await actions.validate('vi');
    expect(findingsOf(before)).toEqual([['Kết quả giải quyết', '', 'not-an-appendix']]);
    expect(before.inForce).toEqual(builtIn);

    const stored = await actions.storeDefinition(tthc, 'vi', 'hp-tthc-q3-2025.json');
    const inForceAfter: PaneInForce = {
      title: tthcTitle,
      reportSource: 'workbook',
      units: 46,
      registrySource: 'built-in',
    };
    expect(stored).toEqual(inForceAfter);
    expect(await actions.inForce('vi')).toEqual(inForceAfter);

    const sheet = spreadsheet.sheet(definitionSheetName);
    expect(sheet.hidden).toBe(true);
    expect(spreadsheet.active?.name).toBe('Kết quả giải quyết'); // the user stays where they were
    const column = rowsOf(spreadsheet, definitionSheetName).map((row) => row[0]);
    expect(column.slice(1).join('')).toBe(tthc);
    // Written as text ("'…"): no piece is parsed into a number, a date or a formula.
    expect([...sheet.cells.values()].map((cell) => [typeof cell.value, cell.formula])).toEqual(
      column.map(() => ['string', undefined]),
    );

    const after = await actions.validate('vi');
    expect(findingsOf(after)).toEqual([['Kết quả giải quyết', 'F5', 'ratio-mismatch']]);
    expect(after.inForce).toEqual(inForceAfter);
  });

  test('a second definition replaces the first in the same sheet', async () => {
    const spreadsheet = withResults();
    const actions = open(spreadsheet);
    await actions.storeDefinition(tthc, 'vi');
    const kh197 = definitionText('hp-kh197-9t2024.json');
    expect(await actions.storeDefinition(kh197, 'en')).toEqual({
      title: '9M/2024 report – plan 197',
      reportSource: 'workbook',
      units: 46,
      registrySource: 'built-in',
    });
    expect(spreadsheet.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Kết quả giải quyết', false],
      [definitionSheetName, true],
    ]);
    expect(
      rowsOf(spreadsheet, definitionSheetName)
        .slice(1)
        .map((row) => row[0])
        .join(''),
    ).toBe(kh197);
  });

  test('a broken definition is refused with the message naming its field; nothing is written', async () => {
    const spreadsheet = withResults();
    const actions = open(spreadsheet);
    spreadsheet.ledger.reset();
    await expect(actions.storeDefinition(brokenTthcText(), 'vi', 'hỏng.json')).rejects.toThrow(
      'Mẫu báo cáo hỏng.json, appendices[1].columns[5].ratio.total: không có cột "TONG" trong phụ lục này (report definition hỏng.json, appendices[1].columns[5].ratio.total: no column "TONG" in this appendix)',
    );
    expect(spreadsheet.ledger.calls).toEqual([]);
    expect(spreadsheet.sheets.map((s) => s.name)).toEqual(['Kết quả giải quyết']);
  });
});

describe('creating the "Danh mục đơn vị" sheet', () => {
  test('writes the list in force as text and shows it; a second call refuses and changes nothing', async () => {
    const spreadsheet = withResults();
    const actions = open(spreadsheet);
    await actions.storeDefinition(tthc, 'vi');

    const created = await actions.createRegistrySheet('vi');
    const inForceAfter: PaneInForce = {
      title: tthcTitle,
      reportSource: 'workbook',
      units: 46,
      registrySource: 'sheet',
    };
    expect(created).toEqual(inForceAfter);
    expect(await actions.inForce('vi')).toEqual(inForceAfter);

    const sheet = spreadsheet.sheet(registrySheetName);
    expect([sheet.hidden, spreadsheet.active?.name, sheet.frozenRows]).toEqual([false, registrySheetName, 1]);
    expect(rowsOf(spreadsheet, registrySheetName)).toEqual(registrySheetRows(defaultRegistry, 'vi'));
    expect(sheet.cell(2, 2)?.formula).toBeUndefined();
    const written = rowsOf(spreadsheet, registrySheetName);

    await expect(actions.createRegistrySheet('vi')).rejects.toThrow(
      'Sổ tính đã có trang "Danh mục đơn vị"; Soát không ghi đè. Hãy sửa trực tiếp trang đó. / The workbook already has a "Danh mục đơn vị" sheet; Soát does not overwrite it. Edit that sheet instead.',
    );
    expect(rowsOf(spreadsheet, registrySheetName)).toEqual(written);
    expect(spreadsheet.sheets.map((s) => s.name)).toEqual([
      'Kết quả giải quyết',
      definitionSheetName,
      registrySheetName,
    ]);
  });
});

describe('merging the open spreadsheet', () => {
  test('leaves the definition and unit list sheets out and merges against them', async () => {
    const spreadsheet = new FakeSpreadsheet([]);
    const unit = { ...tthcResultsSheet, name: 'Sở Tư pháp' };
    spreadsheet.load(unit);
    spreadsheet.active = spreadsheet.sheet('Sở Tư pháp');
    const actions = open(spreadsheet);
    await actions.storeDefinition(tthc, 'vi');
    await actions.createRegistrySheet('vi');

    const report = await actions.mergeSheets('vi');

    const expected = mergeUnitWorkbooks([{ file: 'Sở Tư pháp', snapshot: { file: 'Sở Tư pháp', sheets: [unit] } }], {
      lang: 'vi',
      report: parseDefinition(tthc, 'x'),
      registry: defaultRegistry,
    });
    expect(report.findings.map((f) => [f.file, f.sheet, f.cell, f.rule])).toEqual([
      ['Sở Tư pháp', 'Sở Tư pháp', 'F5', 'ratio-mismatch'],
    ]);
    expect(report.inForce).toEqual({ title: tthcTitle, reportSource: 'workbook', units: 46, registrySource: 'sheet' });
    expect(spreadsheet.sheets.map((s) => s.name)).toEqual([
      'Sở Tư pháp',
      definitionSheetName,
      registrySheetName,
      ...expected.draft.sheets.map((s) => s.name),
    ]);
  });
});
