import { address, parseAddress } from '../../../src/core/address';
import { mergeUnitWorkbooks } from '../../../src/core/merge';
import type { ChartDraft, MergeInput } from '../../../src/core/merge';
import { ExcelPaneActions } from '../../../src/hosts/excel/actions';
import { detectFeatures } from '../../../src/hosts/excel/api';
import { writeDraft } from '../../../src/hosts/excel/draft';
import { readUnitFile } from '../../../src/hosts/excel/unit-files';
import type { PaneFile } from '../../../src/taskpane/actions';
import { FakeExcel, WorkbookModel } from '../../support/fake-excel';
import { seedWorkbooks } from '../xlsx/seed';

/** Merge in Excel draws the summary's chart of full-process shares as a native Excel chart. */

async function unitFiles(count: number): Promise<PaneFile[]> {
  const files = [...(await seedWorkbooks())].filter(([name]) => name.startsWith('unit-')).slice(0, count);
  return files.map(([name, bytes]) => ({ name, base64: bytes.toString('base64') }));
}

async function merge(apiVersion: string): Promise<{ excel: FakeExcel; drafted: ChartDraft }> {
  const files = await unitFiles(6);
  const excel = new FakeExcel(WorkbookModel.fromSnapshot({ sheets: [{ name: 'Sheet1', values: [] }] }), apiVersion);
  await new ExcelPaneActions(excel.api(), readUnitFile).mergeFiles(files, 'vi');
  const inputs: MergeInput[] = await Promise.all(files.map(readUnitFile));
  const summary = mergeUnitWorkbooks(inputs, { lang: 'vi' }).draft.sheets.find((s) => s.name === 'Tổng hợp')!;
  expect(summary.charts).toHaveLength(1);
  return { excel, drafted: summary.charts![0]! };
}

test('a clustered bar chart of the drafted ranges: unit names on the axis, 0–100 %, where the draft anchors it', async () => {
  const { excel, drafted } = await merge('1.9');
  const charts = excel.book.sheet('Tổng hợp')!.charts;
  const { row, col } = parseAddress(drafted.anchor.cell);
  const end = address(row + drafted.anchor.rows - 1, col + drafted.anchor.columns - 1);
  expect(charts).toEqual([
    {
      type: 'BarClustered',
      source: drafted.values,
      seriesBy: 'Columns',
      categories: drafted.categories,
      seriesName: drafted.seriesName,
      title: drafted.title,
      legend: false,
      valueAxis: { minimum: 0, maximum: 100 },
      position: { from: drafted.anchor.cell, to: end },
    },
  ]);
  // The plotted cells are the summary's: unit names in the categories, shares (formulas) in the values.
  const summary = excel.book.sheet('Tổng hợp')!;
  const [first, last] = drafted.categories.split(':').map((a) => Number(a.slice(1)));
  for (let r = first!; r <= last!; r++) {
    expect(typeof summary.cell(r, 1)?.value).toBe('string');
    expect(summary.cell(r, 4)?.formula ?? summary.cell(r, 4)?.value ?? null).not.toBeNull();
  }
  expect(last! - first! + 1).toBe(6);
  for (const name of ['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3']) expect(excel.book.sheet(name)!.charts).toEqual([]);
});

test('the chart is gated on ExcelApi 1.7 (series.setXAxisValues); without it the report comes without the chart', async () => {
  const probe = (version: string) =>
    detectFeatures({
      isSetSupported: (name, v) => name === 'ExcelApi' && Number(v.split('.')[1]) <= Number(version.split('.')[1]),
    }).charts;
  expect([probe('1.6'), probe('1.7'), probe('1.9')]).toEqual([false, true, true]);
  // Below the manifest's ExcelApi 1.9 nothing runs at all, so the gate is exercised on writeDraft itself.
  const inputs: MergeInput[] = await Promise.all((await unitFiles(3)).map(readUnitFile));
  const { draft } = mergeUnitWorkbooks(inputs, { lang: 'en' });
  const excel = new FakeExcel(WorkbookModel.fromSnapshot({ sheets: [] }), '1.9');
  await excel.run({}, (context) =>
    writeDraft(context as unknown as Excel.RequestContext, draft, [], {
      charts: false,
      notes: false,
      threadedComments: false,
    }),
  );
  expect(excel.book.sheets.map((s) => s.name)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Tổng hợp']);
  expect(excel.book.sheets.flatMap((s) => s.charts)).toEqual([]);
});
