import { mergeUnitWorkbooks } from '../../../src/core/merge';
import type { MergeInput, SheetDraft } from '../../../src/core/merge';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { ExcelPaneActions } from '../../../src/hosts/excel/actions';
import { ExcelHostError } from '../../../src/hosts/excel/errors';
import { ExcelHost } from '../../../src/hosts/excel/host';
import { readUnitFile } from '../../../src/hosts/excel/unit-files';
import type { PaneFile } from '../../../src/taskpane/actions';
import { FakeExcel, WorkbookModel } from '../../support/fake-excel';
import { pl2Header, pl2Row, pl3Header } from '../../support/grids';
import { unitWorkbook } from '../../core/merge/support';
import { seedWorkbooks } from '../xlsx/seed';

/** The pane's actions over the fake Excel: what each button leaves in the open workbook. */

const reportSheets = ['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Tổng hợp'];

function fake(snapshot: WorkbookSnapshot): FakeExcel {
  return new FakeExcel(WorkbookModel.fromSnapshot(snapshot));
}

/** A cell of the fake as Excel holds it: value, formula ("=…") and number format. */
function cellOf(excel: FakeExcel, sheet: string, row: number, col: number) {
  const cell = excel.book.sheet(sheet)?.cell(row, col);
  return { value: cell?.value ?? null, formula: cell?.formula, format: cell?.numberFormat };
}

/**
 * Every cell of a drafted sheet landed as drafted: formulas as formulas (references to a renamed
 * report sheet following its new name), numbers as numbers, text as text.
 */
function expectWritten(excel: FakeExcel, name: string, draft: SheetDraft, renamed: Record<string, string> = {}): void {
  const retargeted = (formula: string): string =>
    Object.entries(renamed).reduce((f, [from, to]) => f.split(`'${from}'!`).join(`'${to}'!`), formula);
  draft.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const at = `${name}!R${r + 1}C${c + 1}`;
      const actual = cellOf(excel, name, r + 1, c + 1);
      if (cell?.formula !== undefined) expect([at, actual.formula]).toEqual([at, `=${retargeted(cell.formula)}`]);
      else if (cell?.number !== undefined)
        expect([at, actual.value, actual.formula]).toEqual([at, cell.number, undefined]);
      else if (cell?.text !== undefined && cell.text !== '') {
        expect([at, actual.value, actual.formula, actual.format]).toEqual([at, cell.text, undefined, '@']);
      }
    }),
  );
}

/** Column B of a written sheet from `first` on, as the fake holds it. */
function columnB(excel: FakeExcel, sheet: string, first: number): unknown[] {
  const model = excel.book.sheet(sheet)!;
  const last = model.usedBounds()?.bottom ?? 0;
  const out: unknown[] = [];
  for (let r = first; r <= last; r++) out.push(model.cell(r, 2)?.value ?? null);
  return out;
}

async function unitFiles(count: number): Promise<PaneFile[]> {
  const files = [...(await seedWorkbooks())].filter(([name]) => name.startsWith('unit-')).slice(0, count);
  return files.map(([name, bytes]) => ({ name, base64: bytes.toString('base64') }));
}

const asPaneFile = (name: string, bytes: Uint8Array): PaneFile => ({
  name,
  base64: Buffer.from(bytes).toString('base64'),
});

describe('merge from unit .xlsx files chosen in the pane', () => {
  test('writes Phụ lục 1, 2, 3 and Tổng hợp as drafted; a unit\'s "=HYPERLINK(…)" stays text', async () => {
    const hostile = await unitWorkbook([pl2Row(1, '=HYPERLINK("x")')], [[1, '=HYPERLINK("x")', '=1+1', 'T1/2024']]);
    const files = [
      ...(await unitFiles(4)),
      asPaneFile('unit-hostile.xlsx', hostile),
      asPaneFile('hỏng.xlsx', new TextEncoder().encode('not a workbook')),
    ];
    const excel = fake({ sheets: [{ name: 'Sheet1', values: [['ghi chú của người dùng']] }] });
    const report = await new ExcelPaneActions(excel.api(), readUnitFile).mergeFiles(files, 'vi');

    const inputs: MergeInput[] = await Promise.all(files.map(readUnitFile));
    const expected = mergeUnitWorkbooks(inputs, { lang: 'vi' });
    expect(excel.book.sheets.map((s) => s.name)).toEqual(['Sheet1', ...reportSheets, '_soat']);
    expect(expected.draft.sheets.map((s) => s.name)).toEqual(reportSheets);
    for (const sheet of expected.draft.sheets) expectWritten(excel, sheet.name, sheet);
    expect(excel.values('Sheet1')).toEqual({ A1: 'ghi chú của người dùng' });

    // The report: the same findings as the merge core's, the corrupt file among them.
    expect(report.findings.map((f) => [f.file, f.sheet, f.cell, f.rule])).toEqual(
      expected.findings.map((f) => [f.file, f.sheet, f.cell, f.rule]),
    );
    expect(report.findings.filter((f) => f.rule === 'unreadable-file').map((f) => f.file)).toEqual(['hỏng.xlsx']);

    // Rows present: the four seed units and the hostile one in Phụ lục 2, each unit in Phụ lục 1.
    const units = (await unitFiles(4)).length;
    const pl2Names = columnB(excel, 'Phụ lục 2', 6).filter((v) => v !== null);
    expect(pl2Names).toHaveLength(units + 1);
    expect(pl2Names).toContain('=HYPERLINK("x")');
    const hostileCells = excel.book.sheets.flatMap((s) =>
      [...s.cells]
        .filter(([, c]) => c.value === '=HYPERLINK("x")' || c.value === '=1+1')
        .map(([key, c]) => [s.name, key, c.formula, c.numberFormat]),
    );
    expect(hostileCells.length).toBeGreaterThanOrEqual(4); // Phụ lục 1, 2, 3 (name and model)
    for (const [sheet, key, formula, format] of hostileCells)
      expect([sheet, key, formula, format]).toEqual([sheet, key, undefined, '@']);
    expect(excel.book.sheets.some((s) => [...s.cells.values()].some((c) => c.formula?.includes('HYPERLINK')))).toBe(
      false,
    );
    // Percentages are Soát's own formulas over the merged row.
    const g6 = cellOf(excel, 'Phụ lục 2', 6, 7);
    expect(g6.formula).toMatch(/^=IF\(E6>0,ROUND\(F6\/E6\*100,2\),""\)$/);
  }, 30_000);

  test('without a file reader the action says so instead of writing anything', async () => {
    const excel = fake({ sheets: [{ name: 'Sheet1', values: [] }] });
    await expect(new ExcelPaneActions(excel.api()).mergeFiles(await unitFiles(1), 'en')).rejects.toThrow(
      /not available/,
    );
    expect(excel.book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

describe('merge from the sheets of the open workbook', () => {
  const open: WorkbookSnapshot = {
    sheets: [
      { name: 'Sở Du lịch', values: [pl2Header, pl2Row(1, 'Sở Du lịch', { E: 20, F: 15, G: 75, H: 5, I: 25 })] },
      { name: 'Sở Tư pháp', values: [pl2Header, pl2Row(1, 'Sở Tư pháp')] },
      { name: 'Sở Nội vụ', values: [pl3Header, [1, 'Sở Nội vụ', '@Một cửa liên thông', 'T3/2023']] },
      // The report of an earlier merge: new sheets must not overwrite it.
      { name: 'Phụ lục 2', values: [['bản cũ']] },
    ],
  };

  test("each sheet is one unit's; the report goes into new sheets under free names", async () => {
    const excel = fake(open);
    const before = excel.values('Sở Du lịch');
    const report = await new ExcelPaneActions(excel.api()).mergeSheets('vi');

    const snapshot = await new ExcelHost(fake(open).api()).readSnapshot();
    const inputs = snapshot.sheets.map((sheet): MergeInput => ({
      file: sheet.name,
      snapshot: { file: sheet.name, sheets: [sheet] },
    }));
    const expected = mergeUnitWorkbooks(inputs, { lang: 'vi' });
    const names = ['Phụ lục 1', 'Phụ lục 2 (2)', 'Phụ lục 3', 'Tổng hợp'];
    expect(excel.book.sheets.map((s) => s.name)).toEqual([...open.sheets.map((s) => s.name), ...names, '_soat']);
    expected.draft.sheets.forEach((sheet, i) =>
      expectWritten(excel, names[i]!, sheet, { 'Phụ lục 2': 'Phụ lục 2 (2)' }),
    );
    // The summary's totals sum the new Phụ lục 2, never the user's older sheet of that name.
    const summaryFormulas = [...excel.book.sheet('Tổng hợp')!.cells.values()].flatMap((c) =>
      c.formula === undefined ? [] : [c.formula],
    );
    expect(summaryFormulas.some((f) => f.includes("'Phụ lục 2 (2)'!"))).toBe(true);
    expect(summaryFormulas.filter((f) => f.includes("'Phụ lục 2'!"))).toEqual([]);
    expect(excel.values('Phụ lục 2')).toEqual({ A1: 'bản cũ' });
    expect(excel.values('Sở Du lịch')).toEqual(before);
    expect(report.findings.map((f) => [f.sheet, f.cell, f.rule])).toEqual(
      expected.findings.map((f) => [f.sheet, f.cell, f.rule]),
    );

    // Registry order, whatever the sheet order: Sở Du lịch (2), Sở Tư pháp (16).
    expect(columnB(excel, 'Phụ lục 2 (2)', 6).filter((v) => v !== null)).toEqual(['Sở Du lịch', 'Sở Tư pháp']);
    const models = excel.book.sheet('Phụ lục 3')!;
    const modelCell = [...models.cells.values()].find((c) => c.value === '@Một cửa liên thông');
    expect(modelCell).toMatchObject({ numberFormat: '@' });
    expect(modelCell?.formula).toBeUndefined();
    // Phụ lục 1 lists the three units as submitted, Sở Nội vụ marked "x" (no Phụ lục 2 row).
    const pl1 = columnB(excel, 'Phụ lục 1', 1);
    const top = pl1.indexOf('Các đơn vị đã gửi báo cáo') + 2;
    const submitted = [0, 1, 2].map((i) => [
      excel.book.sheet('Phụ lục 1')!.cell(top + i, 2)?.value,
      excel.book.sheet('Phụ lục 1')!.cell(top + i, 3)?.value ?? null,
    ]);
    expect(submitted).toEqual([
      ['Sở Du lịch', null],
      ['Sở Nội vụ', 'x'],
      ['Sở Tư pháp', null],
    ]);
    expect(pl1[top + 2]).toBe('Các đơn vị chưa gửi báo cáo');
    // Tổng hợp counts what came in.
    const summary = excel.book.sheet('Tổng hợp')!;
    const row = [...summary.cells].find(([, c]) => c.value === 'Số đơn vị đã gửi báo cáo')![0];
    expect(summary.cell(Number(row.slice(1)), 2)?.value).toBe(3);
  });

  describe('merge the open workbook again', () => {
    const cellsOf = (excel: FakeExcel, name: string) => [...excel.book.sheet(name)!.cells];
    /** References to the first merge's Phụ lục sheets, pointed at the later merge's (`suffix`). */
    const retargeted = (cells: ReturnType<typeof cellsOf>, suffix: string) =>
      cells.map(([key, c]) => [
        key,
        c.formula === undefined ? c : { ...c, formula: c.formula.replace(/'(Phụ lục \d)'!/g, `'$1${suffix}'!`) },
      ]);

    test("takes the units' sheets only: an earlier merge's sheets, even renamed, are not inputs", async () => {
      const units = [
        { name: 'Sở Du lịch', values: [pl2Header, pl2Row(1, 'Sở Du lịch', { E: 30, F: 15, G: 75, H: 5, I: 25 })] },
        ...open.sheets.slice(1, 3),
      ];
      const excel = fake({ sheets: [...units, { name: '_soat_upload', values: [['{}']] }] });
      const actions = new ExcelPaneActions(excel.api());
      await actions.validate('vi'); // Soát's record sheet holds fills before any merge
      const record = excel.values('_soat');
      expect(Object.keys(record).length).toBeGreaterThan(0);

      const first = await actions.mergeSheets('vi');
      expect([...new Set(first.findings.map((f) => f.file))]).toEqual(['Sở Du lịch']); // E ≠ F + H
      const once = reportSheets.map((name) => cellsOf(excel, name));
      excel.book.sheet('Tổng hợp')!.name = 'Tổng hợp 9T'; // renamed by the user: still the merge's own
      for (const [suffix, names] of [
        [' (2)', ['Phụ lục 1 (2)', 'Phụ lục 2 (2)', 'Phụ lục 3 (2)', 'Tổng hợp']],
        [' (3)', ['Phụ lục 1 (3)', 'Phụ lục 2 (3)', 'Phụ lục 3 (3)', 'Tổng hợp (2)']],
      ] as const) {
        const before = excel.book.sheets.map((s) => s.name);
        expect(await actions.mergeSheets('vi')).toEqual(first);
        expect(excel.book.sheets.map((s) => s.name).filter((name) => !before.includes(name))).toEqual(names);
        expect(names.map((name) => cellsOf(excel, name))).toEqual(once.map((cells) => retargeted(cells, suffix)));
      }
      // The record's fills and overwritten values (A:H) are as Validate left them.
      const ah = (values: Record<string, unknown>) => Object.entries(values).filter(([key]) => /^[A-H]\d/.test(key));
      expect(ah(excel.values('_soat'))).toEqual(ah(record));
      expect(excel.book.sheet('_soat')!.visibility).toBe('VeryHidden');
    });
  });
});

/** E = 1, F = 4, H = 0, G = 100: the engine suggests E = 4 (SPEC.md's example). */
const suggestionBook: WorkbookSnapshot = {
  sheets: [
    { name: 'Ghi chú', values: [['trang đầu']] },
    { name: 'Phụ lục 2', values: [pl2Header, pl2Row(1, 'Sở Tư pháp', { E: 1, F: 4, G: 100, H: 0, I: 0 })] },
  ],
};

describe('accept a suggestion, then Revert', () => {
  test('writes the suggested number; Revert puts back the value exactly, as a number', async () => {
    const excel = fake(suggestionBook);
    const actions = new ExcelPaneActions(excel.api());
    const report = await actions.validate('vi');
    const finding = report.findings.find((f) => f.suggestion !== undefined);
    expect(finding?.suggestion).toEqual({ cell: 'E2', value: 4 });
    const fillsBefore = excel.fills('Phụ lục 2');
    const notesBefore = excel.notes('Phụ lục 2');
    expect(Object.keys(notesBefore).length).toBeGreaterThan(0);

    await actions.acceptSuggestion(finding!);
    expect(cellOf(excel, 'Phụ lục 2', 2, 5)).toEqual({ value: 4, formula: undefined, format: undefined });
    expect([excel.fills('Phụ lục 2'), excel.notes('Phụ lục 2')]).toEqual([fillsBefore, notesBefore]); // the value changes, not the marks
    expect(excel.book.sheet('_soat')?.visibility).toBe('VeryHidden');

    // A second Validate after accepting: the row is consistent now, the old value still recorded.
    expect((await actions.validate('vi')).findings.filter((f) => f.cell === 'E2')).toEqual([]);
    expect(await actions.revert()).toBe(1);
    expect(cellOf(excel, 'Phụ lục 2', 2, 5)).toEqual({ value: 1, formula: undefined, format: undefined });
    expect(await actions.revert()).toBe(0);
  });

  test('a suggestion over a formula cell is reverted to the formula', async () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        { ...suggestionBook.sheets[1]!, formulas: [[], [undefined, undefined, undefined, undefined, 'F2+H2-3']] },
      ],
    };
    const excel = fake(snapshot);
    const actions = new ExcelPaneActions(excel.api());
    const finding = (await actions.validate('en')).findings.find((f) => f.suggestion !== undefined)!;
    await actions.acceptSuggestion(finding);
    expect(cellOf(excel, 'Phụ lục 2', 2, 5)).toMatchObject({ value: 4, formula: undefined });
    await actions.revert();
    expect(cellOf(excel, 'Phụ lục 2', 2, 5).formula).toBe('=F2+H2-3');
  });

  test('a finding without a suggestion writes nothing', async () => {
    const excel = fake(suggestionBook);
    const actions = new ExcelPaneActions(excel.api());
    const finding = (await actions.validate('vi')).findings.find((f) => f.suggestion === undefined)!;
    const before = excel.values('Phụ lục 2');
    excel.resetCounters();
    await actions.acceptSuggestion(finding);
    expect([excel.counters.syncs, excel.values('Phụ lục 2')]).toEqual([0, before]);
  });
});

describe("select a finding's cell", () => {
  test('activates its sheet and selects the cell', async () => {
    const excel = fake(suggestionBook);
    expect(excel.book.activeSheet).toBe('Ghi chú');
    await new ExcelPaneActions(excel.api()).selectCell('Phụ lục 2', 'E2');
    expect([excel.book.activeSheet, excel.book.selection]).toEqual(['Phụ lục 2', 'E2']);
  });

  test('a sheet deleted since Validate is reported in words', async () => {
    const excel = fake(suggestionBook);
    const error = await new ExcelPaneActions(excel.api()).selectCell('Phụ lục 9', 'A1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).failure).toBe('sheet-missing');
    expect(excel.book.activeSheet).toBe('Ghi chú');
  });
});
