import { checkWorkbook } from '../../../src/core/check';
import { computePlan } from '../../../src/core/compute/percentages';
import type { EditPlan } from '../../../src/core/plan';
import { fillColors } from '../../../src/core/plan';
import { annotationPlan } from '../../../src/core/report/annotations';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { ExcelHostError } from '../../../src/hosts/excel/errors';
import { ExcelHost } from '../../../src/hosts/excel/host';
import { payloadBudget } from '../../../src/hosts/excel/batch';
import { firstBlock } from '../../../src/hosts/excel/blocks';
import { FakeExcel, WorkbookModel, requestLimitBytes } from '../../support/fake-excel';
import { phuLuc3WithRows } from './big';
import { pl2Header } from '../../support/grids';

async function validate(excel: FakeExcel): Promise<number> {
  const host = new ExcelHost(excel.api(), { cellEditDelayMs: 1 });
  const check = checkWorkbook(await host.readSnapshot());
  await host.applyPlan(annotationPlan(check.findings, 'vi'));
  return check.findings.length;
}

function fake(snapshot: WorkbookSnapshot, apiVersion = '1.18'): FakeExcel {
  return new FakeExcel(WorkbookModel.fromSnapshot(snapshot), apiVersion);
}

describe('ExcelHost over the fake Excel', () => {
  test('Validate costs 4 syncs on an ordinary sheet, one more read past its first block, and changes no value', async () => {
    const small = fake(await phuLuc3WithRows(10));
    const big = fake(await phuLuc3WithRows(10_000));
    const before = big.values('Phụ lục 3');
    expect(await validate(small)).toBe(await validate(big));
    // A one-sheet workbook's first block is 2,343 rows (blocks.ts); the 7,700 rows after it fit one more read.
    expect(firstBlock(1, payloadBudget).bottom).toBe(2343);
    expect([small.counters.syncs, big.counters.syncs]).toEqual([4, 5]);
    expect(big.values('Phụ lục 3')).toEqual(before);
    expect(big.fills('Phụ lục 3')).toEqual(small.fills('Phụ lục 3'));
    // Every request that writes runs with calculation and screen updating suspended.
    expect(big.counters.requests.filter((r) => r.writes > 0).every((r) => r.suspended)).toBe(true);
  });

  test('12,000 scattered cells and long notes: getRanges stays under 400 areas, requests under 5 MB', async () => {
    const excel = fake(await phuLuc3WithRows(24_010));
    const cells = Array.from({ length: 12_000 }, (_, i) => `C${12 + 2 * i}`);
    const plan: EditPlan = {
      sheets: [
        {
          sheet: 'Phụ lục 3',
          fills: [{ kind: 'error', color: fillColors.error, cells }],
          notes: cells.map((cell) => ({ cell, text: 'x'.repeat(400) })),
          writes: [],
        },
      ],
    };
    const host = new ExcelHost(excel.api());
    await host.applyPlan(plan);
    expect(excel.fill('Phụ lục 3', 'C24010')).toBe(fillColors.error);
    expect(excel.fill('Phụ lục 3', 'C24011')).toBeUndefined();
    expect(Object.keys(excel.notes('Phụ lục 3'))).toHaveLength(12_000);
    expect(Math.max(...excel.counters.requests.map((r) => r.bytes))).toBeLessThanOrEqual(requestLimitBytes);
    expect(excel.counters.requests.filter((r) => r.writes > 0).length).toBeGreaterThan(1);
    await host.clear();
    expect(excel.fills('Phụ lục 3')).toEqual({});
    expect(excel.notes('Phụ lục 3')).toEqual({});
  }, 60_000);

  test('retries while the user edits a cell, then says so in words', async () => {
    const excel = fake(await phuLuc3WithRows(10));
    excel.cellEditFailures = 2;
    await validate(excel);
    expect(Object.keys(excel.fills('Phụ lục 3')).length).toBeGreaterThan(0);
    excel.cellEditFailures = 99;
    const error = await validate(excel).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).failure).toBe('cell-edit');
    expect((error as ExcelHostError).vi).toMatch(/chế độ sửa ô/);
  });

  test('a protected sheet is refused before anything is written', async () => {
    const excel = fake(await phuLuc3WithRows(10));
    excel.book.sheet('Phụ lục 3')!.protected = true;
    const error = await validate(excel).catch((e: unknown) => e);
    expect((error as ExcelHostError).failure).toBe('protected');
    expect(excel.fills('Phụ lục 3')).toEqual({});
  });

  test('a sheet deleted between reading and writing is reported as such', async () => {
    const excel = fake(await phuLuc3WithRows(10));
    const host = new ExcelHost(excel.api());
    const check = checkWorkbook(await host.readSnapshot());
    excel.book.sheets.splice(0, 1);
    const error = await host.applyPlan(annotationPlan(check.findings, 'en')).catch((e: unknown) => e);
    expect((error as ExcelHostError).failure).toBe('sheet-missing');
  });

  test('runs are one undo step where ExcelApi 1.20 exists, and only there', async () => {
    const modern = fake(await phuLuc3WithRows(10), '1.20');
    await validate(modern);
    expect(modern.runOptions).toContainEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    const older = fake(await phuLuc3WithRows(10), '1.10');
    await validate(older);
    expect(older.runOptions.every((o) => !('mergeUndoGroup' in (o as object)))).toBe(true);
  });

  test('Revert puts back what Compute overwrote, formulas and constants alike', async () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        {
          name: 'Phụ lục 2',
          values: [
            pl2Header.slice(0, 9), // A to I
            [1, 'Sở Tư pháp', 1, 2, 10, 6, 70, 4, null],
          ],
        },
      ],
    };
    const excel = fake(snapshot);
    const host = new ExcelHost(excel.api());
    const { plan } = computePlan(checkWorkbook(await host.readSnapshot()), { overwrite: true });
    await host.applyPlan(plan);
    const computed = excel.values('Phụ lục 2');
    expect([computed['G2'], computed['I2']]).toEqual([
      '=IF(E2>0,ROUND(F2/E2*100,2),"")',
      '=IF(E2>0,ROUND(H2/E2*100,2),"")',
    ]);
    expect(await host.revert()).toBe(2);
    const reverted = excel.values('Phụ lục 2');
    expect([reverted['G2'], reverted['I2']]).toEqual([70, undefined]);
    expect(excel.book.sheet('_soat')).toBeUndefined();
  });
});
