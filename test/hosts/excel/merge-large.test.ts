import { generatedPhuLuc2 } from '../../../scripts/bench';
import { ExcelPaneActions } from '../../../src/hosts/excel/actions';
import { readSnapshotBuffer } from '../../../src/hosts/xlsx/lean/read';
import { FakeExcel, WorkbookModel } from '../../support/fake-excel';

/**
 * Merging a 50,000-row sheet in Excel writes the consolidated sheets in several requests, each
 * under Excel on the web's 5 MB (the fake refuses a larger one, as Excel does).
 */
test('Merge of a 50,000-row Phụ lục 2 in Excel: every request under 5 MB, every row written', async () => {
  const rows = 50_000;
  const excel = new FakeExcel(WorkbookModel.fromSnapshot(readSnapshotBuffer(await generatedPhuLuc2(rows))), '1.18');
  const report = await new ExcelPaneActions(excel.api()).mergeSheets('vi');
  expect(report.findings.length).toBeGreaterThan(0);
  const consolidated = excel.book.sheets.find((s) => s.name === 'Phụ lục 2 (2)')!;
  const units = Object.keys(excel.values(consolidated.name)).filter((key) => /^B\d+$/.test(key));
  // Every unit row of the input, plus the heading rows above them.
  expect(units.length).toBeGreaterThanOrEqual(rows);
  expect(excel.counters.syncs).toBeGreaterThan(3);
}, 600_000);
