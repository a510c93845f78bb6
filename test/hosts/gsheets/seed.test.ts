import { checkWorkbook } from '../../../src/core/check';
import { annotationPlan } from '../../../src/core/report/annotations';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { GsheetsHost } from '../../../src/hosts/gsheets/host';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { readWorkbookSnapshot } from '../../../src/hosts/xlsx/snapshot';
import { FakeSpreadsheet } from '../../support/fake-spreadsheet-app';
import { seedFile } from '../xlsx/seed';

/**
 * The seed report validated through the fake Google Sheets gives what the .xlsx host gives:
 * the same findings, the same cells coloured the same way, the same notes.
 */

const periodEnd = new Date(Date.UTC(2024, 8, 30));

async function seedSnapshot(): Promise<WorkbookSnapshot> {
  return (await readWorkbookBuffer(await seedFile('seed-report.xlsx'))).snapshot;
}

function spreadsheetOf(snapshot: WorkbookSnapshot): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet([]);
  for (const sheet of snapshot.sheets) spreadsheet.load(sheet);
  return spreadsheet;
}

/** Fills and notes by sheet, as Sheets shows them: "#rrggbb" per cell. */
function marks(
  snapshot: WorkbookSnapshot,
): Record<string, { fills: Record<string, string>; notes: Record<string, string> }> {
  return Object.fromEntries(
    snapshot.sheets.map((s) => [
      s.name,
      {
        fills: Object.fromEntries(
          Object.entries(s.fills ?? {}).map(([cell, argb]) => [cell, `#${argb.slice(-6).toLowerCase()}`]),
        ),
        notes: { ...(s.notes ?? {}) },
      },
    ]),
  );
}

test('the same findings as the .xlsx host', async () => {
  const xlsx = await seedSnapshot();
  const host = new GsheetsHost(spreadsheetOf(xlsx));
  const viaSheets = checkWorkbook(await host.readSnapshot(), { periodEnd });
  const viaXlsx = checkWorkbook(xlsx, { periodEnd });
  expect(viaSheets.findings.length).toBeGreaterThan(10);
  expect(viaSheets.findings).toEqual(viaXlsx.findings);
  expect(viaSheets.sheets).toEqual(viaXlsx.sheets);
});

test('Validate gives the same fills and notes as the .xlsx host', async () => {
  const { workbook, snapshot } = await readWorkbookBuffer(await seedFile('seed-report.xlsx'));
  const findings = checkWorkbook(snapshot, { periodEnd }).findings;
  const plan = annotationPlan(findings, 'vi');

  await new XlsxHost(workbook).applyPlan(plan);
  const expected = marks(readWorkbookSnapshot(workbook));

  const spreadsheet = spreadsheetOf(snapshot);
  const host = new GsheetsHost(spreadsheet);
  await host.readSnapshot();
  await host.applyPlan(plan);
  const actual = marks(await new GsheetsHost(spreadsheet).readSnapshot());

  expect(actual).toEqual(expected);
  expect(Object.keys(expected['Phụ lục 2']!.fills).length).toBeGreaterThan(5);
});
