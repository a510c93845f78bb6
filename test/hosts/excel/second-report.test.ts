import { definitionSheetDraft, definitionSheetName } from '../../../src/core/definition';
import { fillColors } from '../../../src/core/plan';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { ExcelPaneActions } from '../../../src/hosts/excel/actions';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { FakeExcel, WorkbookModel } from '../../support/fake-excel';
import { KQ, secondReport, secondReportFile, sheetCellRule, SK, unitFindings } from '../second-report';

/**
 * The second report in Excel's task pane (over the fake Excel): a unit's workbook made from the
 * template carries the definition in its very hidden sheet; Validate, Compute and merging the
 * open workbook's sheets all follow it, with no report chosen anywhere.
 */

/** The definition sheet as the template writes it: a header line, then the JSON in pieces. */
function carriedSheet(): SheetSnapshot {
  const draft = definitionSheetDraft(secondReport);
  return { name: draft.name, values: draft.rows.map((row) => row.map((cell): CellValue => cell?.text ?? null)) };
}

/** A unit's file as Excel opens it: its sheets as filled in, the definition sheet very hidden. */
async function openUnitFile(file: string, rename: Record<string, string> = {}): Promise<FakeExcel> {
  const { snapshot } = await readWorkbookBuffer(await secondReportFile(file), file);
  return openBook({
    sheets: [
      ...snapshot.sheets
        .filter((s) => s.name !== definitionSheetName)
        .map((s) => ({ ...s, name: rename[s.name] ?? s.name })),
      carriedSheet(),
    ],
  });
}

function openBook(snapshot: WorkbookSnapshot): FakeExcel {
  const excel = new FakeExcel(WorkbookModel.fromSnapshot(snapshot));
  excel.book.sheet(definitionSheetName)!.visibility = 'VeryHidden';
  return excel;
}

test('the definition sheet built for the test is the one the template carries', async () => {
  const { snapshot } = await readWorkbookBuffer(await secondReportFile('unit-so-tai-chinh.xlsx'));
  const inFile = snapshot.sheets.find((s) => s.name === definitionSheetName)!;
  expect(inFile.values.map((row) => row[0])).toEqual(carriedSheet().values.map((row) => row[0]));
  expect(carriedSheet().values.length).toBe(2); // the header line and the whole JSON
});

describe('Validate', () => {
  test.each(Object.entries(unitFindings))(
    '%s: exact findings, fills and notes; no value changed',
    async (file, expected) => {
      const excel = await openUnitFile(file);
      const before = [KQ, SK].map((s) => excel.values(s));
      const report = await new ExcelPaneActions(excel.api()).validate('vi');

      expect(sheetCellRule(report.findings)).toEqual(expected);
      expect([KQ, SK].map((s) => excel.values(s))).toEqual(before);
      for (const sheet of [KQ, SK]) {
        const here = expected.filter(([s]) => s === sheet);
        expect([sheet, Object.keys(excel.notes(sheet)).sort()]).toEqual([
          sheet,
          [...new Set(here.map(([, cell]) => cell))].sort(),
        ]);
      }
    },
  );

  test('a ratio typed wrong: red on the cell, the row marked, the alias noted but not coloured', async () => {
    const excel = await openUnitFile('unit-phuong-hong-bang.xlsx');
    await new ExcelPaneActions(excel.api()).validate('vi');
    expect(excel.fills(KQ)).toEqual({ F6: fillColors.error, A6: fillColors.row });
    expect(excel.fills(SK)).toEqual({});
    expect(excel.notes(KQ)['F6']).toContain('Tỷ lệ ghi 80%, nhưng D/C × 100 = 75%.');
    expect(excel.book.sheet(definitionSheetName)!.visibility).toBe('VeryHidden');
    expect(excel.values(definitionSheetName)).toEqual({
      A1: carriedSheet().values[0]![0],
      A2: carriedSheet().values[1]![0],
    });
  });

  test('warnings in amber on both sheets', async () => {
    const excel = await openUnitFile('unit-phuong-ngo-quyen.xlsx');
    await new ExcelPaneActions(excel.api()).validate('en');
    expect([excel.fills(KQ), excel.fills(SK)]).toEqual([
      { I6: fillColors.error, A6: fillColors.row },
      { D5: fillColors.warning, A5: fillColors.row },
    ]);
  });
});

describe('Compute', () => {
  test('writes the ratio formula into the blank ratio cell', async () => {
    const excel = await openUnitFile('unit-so-tai-chinh.xlsx');
    const summary = await new ExcelPaneActions(excel.api()).compute({ overwrite: false, lang: 'vi' });
    expect(summary).toEqual({ written: 1, keptMismatches: 0 });
    expect(excel.book.sheet(KQ)!.cell(6, 6)?.formula).toBe('=IF(C6>0,ROUND(D6/C6*100,2),"")');
  });

  test('a mistyped ratio is kept, then replaced when the user accepts', async () => {
    const excel = await openUnitFile('unit-phuong-hong-bang.xlsx');
    const actions = new ExcelPaneActions(excel.api());
    expect(await actions.compute({ overwrite: false, lang: 'vi' })).toEqual({ written: 0, keptMismatches: 1 });
    const f6 = () => excel.book.sheet(KQ)!.cell(6, 6);
    expect([f6()?.value, f6()?.formula]).toEqual([80, undefined]);
    expect(await actions.compute({ overwrite: true, lang: 'vi' })).toEqual({ written: 1, keptMismatches: 0 });
    expect(excel.book.sheet(KQ)!.cell(6, 6)?.formula).toBe('=IF(C6>0,ROUND(D6/C6*100,2),"")');
    expect(await actions.revert()).toBe(1);
    expect([f6()?.value, f6()?.formula]).toEqual([80, undefined]);
  });
});

describe("merging the open workbook's unit sheets", () => {
  /** A consolidator's workbook: the template's unit list and definition, each unit's table pasted in as a sheet. */
  async function consolidatorBook(): Promise<FakeExcel> {
    const sheetOf = async (file: string, name: string, as: string): Promise<SheetSnapshot> => {
      const { snapshot } = await readWorkbookBuffer(await secondReportFile(file), file);
      return { ...snapshot.sheets.find((s) => s.name === name)!, name: as };
    };
    return openBook({
      sheets: [
        await sheetOf('unit-phuong-le-chan.xlsx', KQ, 'P. Lê Chân'),
        await sheetOf('unit-phuong-hong-bang.xlsx', KQ, 'P. Hồng Bàng'),
        await sheetOf('unit-so-noi-vu.xlsx', SK, 'Sở Nội vụ - sáng kiến'),
        await sheetOf('unit-so-noi-vu.xlsx', 'Danh mục đơn vị', 'Danh mục đơn vị'),
        carriedSheet(),
      ],
    });
  }

  /** Column `col` of a sheet from row `from` to its last used row, as the fake holds it. */
  function column(excel: FakeExcel, sheet: string, col: number, from: number): unknown[] {
    const model = excel.book.sheet(sheet)!;
    const last = model.usedBounds()?.bottom ?? 0;
    return Array.from({ length: last - from + 1 }, (_, i) => model.cell(from + i, col)?.value ?? null);
  }

  test("writes the second report's sheets: who reported, its tables in registry order, its summary", async () => {
    const excel = await consolidatorBook();
    const report = await new ExcelPaneActions(excel.api()).mergeSheets('vi');

    expect(excel.book.sheets.map((s) => s.name)).toEqual([
      'P. Lê Chân',
      'P. Hồng Bàng',
      'Sở Nội vụ - sáng kiến',
      'Danh mục đơn vị',
      definitionSheetName,
      'Danh sách báo cáo',
      KQ,
      SK,
      'Tổng hợp',
      '_soat',
    ]);
    expect(report.findings.map((f) => [f.file, f.sheet, f.cell, f.rule])).toEqual([
      ['P. Hồng Bàng', 'P. Hồng Bàng', 'B6', 'unit-alias'],
      ['P. Hồng Bàng', 'P. Hồng Bàng', 'F6', 'ratio-mismatch'],
      ['P. Lê Chân', 'P. Lê Chân', 'B6', 'unit-alias'],
      ['P. Lê Chân', 'P. Lê Chân', 'I6', 'flag-count-mismatch'],
      ['Sở Nội vụ - sáng kiến', 'Sở Nội vụ - sáng kiến', 'C5', 'model-numbering'],
    ]);

    // Who reported: Sở Nội vụ sent initiatives and no figures; the 27 others of the list did not report.
    const listed = column(excel, 'Danh sách báo cáo', 2, 5);
    expect(listed.slice(0, 5)).toEqual([
      'Các đơn vị đã gửi báo cáo',
      'Sở Nội vụ',
      'Ủy ban nhân dân phường Hồng Bàng',
      'Ủy ban nhân dân phường Lê Chân',
      'Các đơn vị chưa gửi báo cáo',
    ]);
    expect(column(excel, 'Danh sách báo cáo', 3, 6).slice(0, 3)).toEqual(['x', null, null]);
    expect(listed).toHaveLength(5 + 27);

    // The figures: registry order, the ratio recomputed as a formula (Hồng Bàng's 80 % is 75 %).
    const kq = excel.book.sheet(KQ)!;
    expect(column(excel, KQ, 2, 6)).toEqual(['Ủy ban nhân dân phường Hồng Bàng', 'Ủy ban nhân dân phường Lê Chân']);
    expect([3, 4, 5].map((c) => [kq.cell(6, c)?.value, kq.cell(7, c)?.value])).toEqual([
      [800, 650],
      [600, 640],
      [150, 10],
    ]);
    expect(kq.cell(6, 6)?.formula).toBe('=IF(C6>0,ROUND(D6/C6*100,2),"")');
    expect(column(excel, SK, 3, 5)).toEqual([
      '2. Chuẩn hóa quy trình nội bộ giải quyết TTHC',
      '3. Phiếu đánh giá mức độ hài lòng điện tử',
    ]);

    // The summary: 30 units listed, 3 reported; Σ received 800 + 650, on time 600 + 640.
    const summary = excel.book.sheet('Tổng hợp')!;
    const rowOf = (label: string) => {
      const hit = [...summary.cells].find(([, c]) => c.value === label);
      return Number(hit![0].slice(1));
    };
    expect(
      [
        'Số đơn vị trong danh mục',
        'Số đơn vị đã gửi báo cáo',
        'Số đơn vị chưa gửi báo cáo',
        'Số tệp đã nhận',
        'Số tệp bị bỏ qua (không đọc được, không có số liệu)',
      ].map((label) => summary.cell(rowOf(label), 2)?.value),
    ).toEqual([30, 3, 27, 3, 0]);
    expect(summary.cell(rowOf('Tổng số hồ sơ tiếp nhận'), 2)?.formula).toBe(`=SUM('${KQ}'!C6:C7)`);
    expect(summary.cell(rowOf('Giải quyết đúng hạn'), 2)?.formula).toBe(`=SUM('${KQ}'!D6:D7)`);
    // One bar per unit that reported: Sở Nội vụ, Hồng Bàng, Lê Chân.
    expect(summary.charts.map((c) => [c.title, c.source, c.categories, c.seriesName])).toEqual([
      ['Tỷ lệ đúng hạn (%) theo đơn vị', 'D24:D26', 'A24:A26', 'Tỷ lệ đúng hạn (%)'],
    ]);
  });
});
