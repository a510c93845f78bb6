import { definitionSheetName, parseDefinition } from '../../../src/core/definition';
import { mergeUnitWorkbooks } from '../../../src/core/merge';
import type { MergeInput } from '../../../src/core/merge';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { defaultRegistry } from '../../../src/core/units/registry';
import { registrySheetName, registrySheetRows } from '../../../src/core/units/sheet';
import { ExcelPaneActions } from '../../../src/hosts/excel/actions';
import { readUnitFile } from '../../../src/hosts/excel/unit-files';
import { draftToXlsx } from '../../../src/hosts/xlsx/draft';
import type { PaneInForce } from '../../../src/taskpane/actions';
import { FakeExcel, WorkbookModel } from '../../support/fake-excel';
import { brokenTthcText, definitionText, tthcResultsSheet } from '../../support/definitions';

/** The pane's "Mẫu báo cáo" section over the fake Excel: what each action leaves in the workbook. */

const tthc = definitionText('hp-tthc-q3-2025.json');
const tthcTitle = 'Báo cáo kết quả giải quyết thủ tục hành chính quý III/2025';
const builtIn: PaneInForce = {
  title: 'Báo cáo 9T/2024 – KH 197/KH-UBND',
  reportSource: 'built-in',
  units: 46,
  registrySource: 'built-in',
};

function fake(snapshot: WorkbookSnapshot): FakeExcel {
  return new FakeExcel(WorkbookModel.fromSnapshot(snapshot));
}

/** Column A of a sheet, row 1 down, as the fake holds it: [value, number format]. */
function columnA(excel: FakeExcel, sheet: string): [unknown, unknown][] {
  const model = excel.book.sheet(sheet)!;
  const rows = model.usedBounds()?.bottom ?? 0;
  return Array.from({ length: rows }, (_, r) => [
    model.cell(r + 1, 1)?.value ?? null,
    model.cell(r + 1, 1)?.numberFormat,
  ]);
}

/** Every row of a sheet as values, row 1 down. */
function rowsOf(excel: FakeExcel, sheet: string): unknown[][] {
  const model = excel.book.sheet(sheet)!;
  const { bottom, right } = model.usedBounds()!;
  return Array.from({ length: bottom }, (_, r) =>
    Array.from({ length: right }, (_, c) => model.cell(r + 1, c + 1)?.value ?? null),
  );
}

const findingsOf = (report: { findings: readonly { sheet: string; cell: string; rule: string }[] }) =>
  report.findings.map((f) => [f.sheet, f.cell, f.rule]);

describe('storing a report definition in the open workbook', () => {
  test('writes it very hidden; the next Validate checks the workbook against it', async () => {
    const excel = fake({ sheets: [tthcResultsSheet] });
    const actions = new ExcelPaneActions(excel.api());

    expect(await actions.inForce('vi')).toEqual(builtIn);
    const before = await actions.validate('vi');
    expect(findingsOf(before)).toEqual([['Kết quả giải quyết', '', 'not-an-appendix']]);
    expect(before.inForce).toEqual(builtIn);

    excel.resetCounters();
    const stored = await actions.storeDefinition(tthc, 'vi', 'hp-tthc-q3-2025.json');
    // Write: one sync to learn whether the sheet exists, one to write it; then two to read what is in force.
    expect(excel.counters.syncs).toBe(4);
    const inForceAfter: PaneInForce = {
      title: tthcTitle,
      reportSource: 'workbook',
      units: 46,
      registrySource: 'built-in',
    };
    expect(stored).toEqual(inForceAfter);
    expect(await actions.inForce('vi')).toEqual(inForceAfter);
    expect(await actions.inForce('en')).toEqual({
      ...inForceAfter,
      title: 'Administrative procedures handled, Q3/2025',
    });

    const sheet = excel.book.sheet(definitionSheetName)!;
    expect(sheet.visibility).toBe('VeryHidden');
    const cells = columnA(excel, definitionSheetName);
    expect(cells.map(([, format]) => format)).toEqual(cells.map(() => '@'));
    expect(
      cells
        .slice(1)
        .map(([value]) => value)
        .join(''),
    ).toBe(tthc);

    const after = await actions.validate('vi');
    expect(findingsOf(after)).toEqual([['Kết quả giải quyết', 'F5', 'ratio-mismatch']]);
    expect(after.inForce).toEqual(inForceAfter);
  });

  test('a second definition replaces the first in the same sheet', async () => {
    const excel = fake({ sheets: [tthcResultsSheet] });
    const actions = new ExcelPaneActions(excel.api());
    await actions.storeDefinition(tthc, 'vi');
    const kh197 = definitionText('hp-kh197-9t2024.json');
    expect(await actions.storeDefinition(kh197, 'en')).toEqual({
      title: '9M/2024 report – plan 197',
      reportSource: 'workbook',
      units: 46,
      registrySource: 'built-in',
    });
    expect(excel.book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Kết quả giải quyết', 'Visible'],
      [definitionSheetName, 'VeryHidden'],
    ]);
    expect(
      columnA(excel, definitionSheetName)
        .slice(1)
        .map(([value]) => value)
        .join(''),
    ).toBe(kh197);
  });

  test('a broken definition is refused with the message naming its field; nothing is written', async () => {
    const excel = fake({ sheets: [tthcResultsSheet] });
    const actions = new ExcelPaneActions(excel.api());
    const expected = (() => {
      try {
        parseDefinition(brokenTthcText(), 'hỏng.json');
      } catch (error) {
        return error as Error;
      }
      throw new Error('the broken definition was read');
    })();
    expect(expected.message).toBe(
      'Mẫu báo cáo hỏng.json, appendices[1].columns[5].ratio.total: không có cột "TONG" trong phụ lục này (report definition hỏng.json, appendices[1].columns[5].ratio.total: no column "TONG" in this appendix)',
    );

    excel.resetCounters();
    await expect(actions.storeDefinition(brokenTthcText(), 'vi', 'hỏng.json')).rejects.toThrow(expected.message);
    expect(excel.counters.syncs).toBe(0);
    expect(excel.book.sheets.map((s) => s.name)).toEqual(['Kết quả giải quyết']);
    expect(await actions.inForce('vi')).toEqual(builtIn);
  });
});

describe('creating the "Danh mục đơn vị" sheet', () => {
  test('writes the list in force as text, shows the sheet; a second call refuses and changes nothing', async () => {
    const excel = fake({ sheets: [tthcResultsSheet] });
    const actions = new ExcelPaneActions(excel.api());
    await actions.storeDefinition(tthc, 'vi');

    excel.resetCounters();
    const created = await actions.createRegistrySheet('vi');
    // Two syncs to read what is in force, one to write, two to read it again.
    expect(excel.counters.syncs).toBe(5);
    const inForceAfter: PaneInForce = {
      title: tthcTitle,
      reportSource: 'workbook',
      units: 46,
      registrySource: 'sheet',
    };
    expect(created).toEqual(inForceAfter);
    expect(await actions.inForce('vi')).toEqual(inForceAfter);

    const sheet = excel.book.sheet(registrySheetName)!;
    expect([sheet.visibility, excel.book.activeSheet, sheet.frozenRows]).toEqual(['Visible', registrySheetName, 1]);
    expect(rowsOf(excel, registrySheetName)).toEqual(
      registrySheetRows(defaultRegistry, 'vi').map((row) => row.map((v) => (v === '' ? null : v))),
    );
    expect(sheet.cell(2, 2)?.numberFormat).toBe('@'); // a name is text, never a formula
    const written = rowsOf(excel, registrySheetName);

    await expect(actions.createRegistrySheet('vi')).rejects.toThrow(
      'Sổ tính đã có trang "Danh mục đơn vị"; Soát không ghi đè. Hãy sửa trực tiếp trang đó. / The workbook already has a "Danh mục đơn vị" sheet; Soát does not overwrite it. Edit that sheet instead.',
    );
    expect(rowsOf(excel, registrySheetName)).toEqual(written);
    expect(excel.book.sheets.filter((s) => s.name === registrySheetName)).toHaveLength(1);
  });

  test('a sheet named otherwise but read as the unit list ("DANH MUC DON VI") is not doubled', async () => {
    const excel = fake({
      sheets: [
        tthcResultsSheet,
        {
          name: 'DANH MUC DON VI',
          values: [
            ['STT', 'Tên đơn vị'],
            [1, 'Sở Tư pháp'],
          ],
        },
      ],
    });
    const actions = new ExcelPaneActions(excel.api());
    expect(await actions.inForce('vi')).toEqual({ ...builtIn, units: 1, registrySource: 'sheet' });
    await expect(actions.createRegistrySheet('en')).rejects.toThrow(
      'Sổ tính đã có trang "DANH MUC DON VI"; Soát không ghi đè. Hãy sửa trực tiếp trang đó. / The workbook already has a "DANH MUC DON VI" sheet; Soát does not overwrite it. Edit that sheet instead.',
    );
    expect(excel.book.sheets.map((s) => s.name)).toEqual(['Kết quả giải quyết', 'DANH MUC DON VI']);
  });
});

describe('merging the open workbook', () => {
  test('leaves the definition and unit list sheets out and merges against them', async () => {
    const unit = { ...tthcResultsSheet, name: 'Sở Tư pháp' };
    const excel = fake({ sheets: [unit] });
    const actions = new ExcelPaneActions(excel.api());
    await actions.storeDefinition(tthc, 'vi');
    await actions.createRegistrySheet('vi');

    const report = await actions.mergeSheets('vi');

    const inputs: MergeInput[] = [{ file: 'Sở Tư pháp', snapshot: { file: 'Sở Tư pháp', sheets: [unit] } }];
    const expected = mergeUnitWorkbooks(inputs, {
      lang: 'vi',
      report: parseDefinition(tthc, 'x'),
      registry: defaultRegistry,
    });
    expect(report.findings.map((f) => [f.file, f.sheet, f.cell, f.rule])).toEqual(
      expected.findings.map((f) => [f.file, f.sheet, f.cell, f.rule]),
    );
    // The unit's sheet, checked against the stored definition; nothing about Soát's own sheets.
    expect(report.findings.map((f) => [f.file, f.sheet, f.cell, f.rule])).toEqual([
      ['Sở Tư pháp', 'Sở Tư pháp', 'F5', 'ratio-mismatch'],
    ]);
    expect(report.inForce).toEqual({ title: tthcTitle, reportSource: 'workbook', units: 46, registrySource: 'sheet' });
    expect(excel.book.sheets.map((s) => s.name)).toEqual([
      'Sở Tư pháp',
      definitionSheetName,
      registrySheetName,
      ...expected.draft.sheets.map((s) => s.name),
      '_soat',
    ]);
  });
});

describe('merging unit files chosen in the pane', () => {
  test('uses the definition stored in the open workbook', async () => {
    const excel = fake({ sheets: [{ name: 'Trang 1', values: [['tổng hợp']] }] });
    const actions = new ExcelPaneActions(excel.api(), readUnitFile);
    await actions.storeDefinition(tthc, 'vi');
    const rows = tthcResultsSheet.values.map((row) =>
      row.map((v) => (v === null ? null : typeof v === 'number' ? { number: v } : { text: String(v) })),
    );
    const bytes = await draftToXlsx({ sheets: [{ name: tthcResultsSheet.name, rows }] });

    const report = await actions.mergeFiles([{ name: 'so-tu-phap.xlsx', base64: bytes.toString('base64') }], 'vi');

    expect(report.findings.map((f) => [f.file, f.sheet, f.cell, f.rule])).toEqual([
      ['so-tu-phap.xlsx', 'Kết quả giải quyết', 'F5', 'ratio-mismatch'],
    ]);
    expect(report.inForce).toEqual({
      title: tthcTitle,
      reportSource: 'workbook',
      units: 46,
      registrySource: 'built-in',
    });
  });
});
