import { definitionSheetName } from '../../../src/core/definition';
import { fillColors } from '../../../src/core/plan';
import { serverFunctions } from '../../../src/hosts/gsheets/server';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { FakeSpreadsheet, FakeSpreadsheetApp, fakeHtmlService } from '../../support/fake-spreadsheet-app';
import type { FakeSheet } from '../../support/fake-spreadsheet-app';
import { KQ, secondReportFile, sheetCellRule, SK, unitFindings } from '../second-report';

/**
 * The second report in the Google Sheets add-on (over the fake SpreadsheetApp): a unit's file
 * opened in Sheets keeps the template's hidden definition sheet, and the sidebar's Validate and
 * Compute follow it.
 */

async function openUnitFile(file: string): Promise<FakeSpreadsheet> {
  const { snapshot } = await readWorkbookBuffer(await secondReportFile(file), file);
  const spreadsheet = new FakeSpreadsheet([]);
  for (const sheet of snapshot.sheets) spreadsheet.load(sheet);
  spreadsheet.sheet(definitionSheetName).hidden = true;
  Object.assign(globalThis, { SpreadsheetApp: new FakeSpreadsheetApp(spreadsheet), HtmlService: fakeHtmlService });
  return spreadsheet;
}

/** A sheet's Soát-visible state: fills as ARGB, notes, values (formulas as "=…"), by A1 cell. */
function seen(sheet: FakeSheet): { fills: Record<string, string>; notes: string[]; values: Record<string, unknown> } {
  const view = { fills: {} as Record<string, string>, notes: [] as string[], values: {} as Record<string, unknown> };
  for (const [key, cell] of sheet.cells) {
    const [row, col] = key.split(':').map(Number) as [number, number];
    const a1 = `${String.fromCharCode(64 + col)}${row}`;
    if (cell.background !== undefined) view.fills[a1] = `FF${cell.background.slice(1).toUpperCase()}`;
    if (cell.note !== undefined && cell.note !== '') view.notes.push(a1);
    if (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ''))
      view.values[a1] = cell.formula ?? cell.value;
  }
  view.notes.sort();
  return view;
}

describe('Validate from the sidebar', () => {
  test.each(Object.entries(unitFindings))(
    '%s: exact findings, notes on their cells, no value changed',
    async (file, expected) => {
      const spreadsheet = await openUnitFile(file);
      const before = [KQ, SK].map((s) => seen(spreadsheet.sheet(s)).values);
      const report = serverFunctions.validate('vi');
      expect(sheetCellRule(report.findings)).toEqual(expected);
      expect([KQ, SK].map((s) => seen(spreadsheet.sheet(s)).values)).toEqual(before);
      for (const sheet of [KQ, SK]) {
        const cells = [...new Set(expected.filter(([s]) => s === sheet).map(([, cell]) => cell))].sort();
        expect([sheet, seen(spreadsheet.sheet(sheet)).notes]).toEqual([sheet, cells]);
      }
    },
  );

  test('colours: the error and the warning on their cells, their rows marked, the alias not coloured', async () => {
    const spreadsheet = await openUnitFile('unit-phuong-ngo-quyen.xlsx');
    serverFunctions.validate('en');
    expect([seen(spreadsheet.sheet(KQ)).fills, seen(spreadsheet.sheet(SK)).fills]).toEqual([
      { I6: fillColors.error, A6: fillColors.row },
      { D5: fillColors.warning, A5: fillColors.row },
    ]);
    expect(spreadsheet.sheet(definitionSheetName).hidden).toBe(true);
  });
});

describe('Compute from the sidebar', () => {
  test('writes the ratio formula into the blank ratio cell', async () => {
    const spreadsheet = await openUnitFile('unit-so-tai-chinh.xlsx');
    expect(serverFunctions.compute({ overwrite: false, lang: 'vi' })).toEqual({ written: 1, keptMismatches: 0 });
    expect(spreadsheet.sheet(KQ).cell(6, 6)?.formula).toBe('=IF(C6>0,ROUND(D6/C6*100,2),"")');
  });

  test('a mistyped ratio is kept, replaced when the user accepts, and put back by Revert', async () => {
    const spreadsheet = await openUnitFile('unit-phuong-hong-bang.xlsx');
    const f6 = () => [spreadsheet.sheet(KQ).cell(6, 6)?.value, spreadsheet.sheet(KQ).cell(6, 6)?.formula];
    expect(serverFunctions.compute({ overwrite: false, lang: 'vi' })).toEqual({ written: 0, keptMismatches: 1 });
    expect(f6()).toEqual([80, undefined]);
    expect(serverFunctions.compute({ overwrite: true, lang: 'vi' })).toEqual({ written: 1, keptMismatches: 0 });
    expect(f6()[1]).toBe('=IF(C6>0,ROUND(D6/C6*100,2),"")');
    expect(serverFunctions.revert()).toBe(1);
    expect(f6()).toEqual([80, undefined]);
  });
});

describe('Merge unit sheets from the sidebar', () => {
  test("the open spreadsheet's unit sheets give the second report's sheets; its list and definition are no unit's", async () => {
    const sheetOf = async (file: string, name: string) => {
      const { snapshot } = await readWorkbookBuffer(await secondReportFile(file), file);
      return snapshot.sheets.find((s) => s.name === name)!;
    };
    const spreadsheet = new FakeSpreadsheet([]);
    spreadsheet.load({ ...(await sheetOf('unit-phuong-le-chan.xlsx', KQ)), name: 'P. Lê Chân' });
    spreadsheet.load({ ...(await sheetOf('unit-phuong-hong-bang.xlsx', KQ)), name: 'P. Hồng Bàng' });
    spreadsheet.load(await sheetOf('unit-so-noi-vu.xlsx', 'Danh mục đơn vị'));
    spreadsheet.load(await sheetOf('unit-so-noi-vu.xlsx', definitionSheetName)).hidden = true;
    Object.assign(globalThis, { SpreadsheetApp: new FakeSpreadsheetApp(spreadsheet), HtmlService: fakeHtmlService });

    const report = serverFunctions.mergeSheets('vi');
    expect(spreadsheet.sheets.map((s) => s.name)).toEqual([
      'P. Lê Chân',
      'P. Hồng Bàng',
      'Danh mục đơn vị',
      definitionSheetName,
      'Danh sách báo cáo',
      KQ,
      SK,
      'Tổng hợp',
    ]);
    expect(report.findings.map((f) => [f.file, f.cell, f.rule])).toEqual([
      ['P. Hồng Bàng', 'B6', 'unit-alias'],
      ['P. Hồng Bàng', 'F6', 'ratio-mismatch'],
      ['P. Lê Chân', 'B6', 'unit-alias'],
      ['P. Lê Chân', 'I6', 'flag-count-mismatch'],
    ]);
    const kq = spreadsheet.sheet(KQ);
    expect([2, 3, 4].map((c) => [kq.cell(6, c)?.value, kq.cell(7, c)?.value])).toEqual([
      ['Ủy ban nhân dân phường Hồng Bàng', 'Ủy ban nhân dân phường Lê Chân'],
      [800, 650],
      [600, 640],
    ]);
    const summary = seen(spreadsheet.sheet('Tổng hợp')).values;
    const valueBeside = (label: string) => {
      const at = Object.entries(summary).find(([, v]) => v === label)![0];
      return summary[`B${at.slice(1)}`];
    };
    expect(['Số đơn vị trong danh mục', 'Số đơn vị đã gửi báo cáo', 'Số tệp đã nhận'].map(valueBeside)).toEqual([
      30, 2, 2,
    ]);
    expect(valueBeside('Tổng số hồ sơ tiếp nhận')).toBe(`=SUM('${KQ}'!C6:C7)`);
  });
});
