import * as ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { XlsxHost } from '../../src/hosts/xlsx/host';
import { readSnapshotBuffer } from '../../src/hosts/xlsx/lean/read';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/read';
import { readWorkbookSnapshot } from '../../src/hosts/xlsx/snapshot';
import { toBuffer } from '../../src/hosts/xlsx/write';
import type { HostUnderTest } from './contract';
import { checkWorkbook } from '../../src/core/check';
import { computePlan } from '../../src/core/compute/percentages';
import { annotationPlan } from '../../src/core/report/annotations';
import { hostContract } from './contract';
import { seedFile } from './xlsx/seed';

/** An ExcelJS workbook holding what the snapshot describes. */
function workbookOf(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const s of snapshot.sheets) {
    const sheet = workbook.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = sheet.getCell(r + 1, c + 1);
        const formula = s.formulas?.[r]?.[c];
        cell.value = formula !== undefined ? { formula, result: value as number } : (value as ExcelJS.CellValue);
        const numFmt = s.numberFormats?.[r]?.[c];
        if (numFmt !== undefined) cell.numFmt = numFmt;
      }),
    );
    for (const m of s.merges ?? []) sheet.mergeCells(m.top, m.left, m.bottom, m.right);
    for (const [cell, note] of Object.entries(s.notes ?? {})) sheet.getCell(cell).note = note;
    for (const [cell, argb] of Object.entries(s.fills ?? {}))
      sheet.getCell(cell).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
  }
  return workbook;
}

/** The .xlsx host under the same contract as the Excel host (test/hosts/excel/contract.test.ts). */
hostContract({
  name: 'XlsxHost',
  open: (snapshot) => {
    const workbook = workbookOf(snapshot);
    const read = (name: string) => readWorkbookSnapshot(workbook).sheets.find((s) => s.name === name);
    return Promise.resolve(opened(new XlsxHost(workbook), (name) => Promise.resolve(read(name))));
  },
});

/** What the host saves after each step reads the same through the lean reader as through ExcelJS. */
test('the lean reader agrees cell for cell with the ExcelJS reader on every file the host saves', async () => {
  const { snapshot } = await readWorkbookBuffer(await seedFile('seed-report.xlsx'));
  const host = new XlsxHost(workbookOf(snapshot));
  const saved = async (): Promise<WorkbookSnapshot> => {
    const bytes = await toBuffer(host.workbook);
    const lean = readSnapshotBuffer(bytes);
    expect(lean).toEqual((await readWorkbookBuffer(bytes)).snapshot);
    return lean;
  };
  const check = checkWorkbook(await saved());
  expect(check.findings.length).toBeGreaterThan(0);
  await host.applyPlan(annotationPlan(check.findings, 'vi'));
  const annotated = await saved();
  expect(Object.keys(annotated.sheets.find((s) => s.name === 'Phụ lục 2')!.notes ?? {}).length).toBeGreaterThan(0);
  await host.applyPlan(computePlan(checkWorkbook(annotated)).plan);
  await saved();
  await host.clear();
  await saved();
});

function opened(
  host: XlsxHost,
  read: (name: string) => Promise<WorkbookSnapshot['sheets'][number] | undefined>,
): HostUnderTest {
  const { workbook } = host;
  return {
    host,
    fills: async (name) => ({ ...(await read(name))?.fills }),
    notes: async (name) => ({ ...(await read(name))?.notes }),
    values: (name) => {
      const out: Record<string, unknown> = {};
      const sheet = workbook.getWorksheet(name)!;
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Merge) return;
          out[cell.address] = cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : cell.value;
        }),
      );
      return Promise.resolve(out);
    },
  };
}
