import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { fillColors } from '../../src/core/plan';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/read';
import { seedFile } from '../hosts/xlsx/seed';
import { pl2Header, pl2Row } from '../support/grids';
import { root } from './build';
import { describeInBrowser, useBrowser } from './harness';
import { allListed } from './listed';

/** Dates as Excel keeps them (serial numbers), so that the snapshot survives JSON. */
function serialDates(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const plain = (v: CellValue): CellValue => (v instanceof Date ? v.getTime() / 86_400_000 + 25569 : v);
  return { sheets: snapshot.sheets.map((s) => ({ ...s, values: s.values.map((row) => row.map(plain)) })) };
}

interface FakeView {
  fills: Record<string, Record<string, string>>;
  notes: Record<string, Record<string, string>>;
}

describeInBrowser('the task pane in Chromium, over the fake Excel', () => {
  const browser = useBrowser();
  const openPane = (workbook: WorkbookSnapshot) => browser.open('taskpane.html', workbook);

  test('Validate on the seed workbook colours and annotates the cells the engine reports, and lists them', async () => {
    const workbook = serialDates((await readWorkbookBuffer(await seedFile('seed-report.xlsx'))).snapshot);
    const expected = checkWorkbook(workbook).findings;
    const { page, errors } = await openPane(workbook);

    await page.getByTestId('validate').click();
    await page.getByTestId('findings').waitFor({ timeout: 20_000 });
    // Only the rows in view are in the page: the list is read by scrolling through it.
    const rows = await allListed(page);
    expect(rows.map((r) => r.index)).toEqual(rows.map((_, i) => i)); // no row skipped
    const listed = rows.filter((r) => r.cell !== undefined).map((r) => [r.cell!, r.rule!]);
    // The list is grouped by sheet and severity: the same findings, in the list's order.
    const key = (pair: (string | null)[]): string => pair.join(' ');
    expect(listed.map(key).sort()).toEqual(expected.map((f) => key([`${f.sheet}!${f.cell}`, f.rule])).sort());
    const groups = rows.filter((r) => r.group !== undefined).length;
    expect(groups).toBe(new Set(expected.map((f) => `${f.sheet}/${f.severity}`)).size);

    const view = await page.evaluate(() => {
      const excel = (
        window as unknown as {
          __fakeExcel: { book: { sheets: { name: string }[] }; fills(s: string): object; notes(s: string): object };
        }
      ).__fakeExcel;
      const names = excel.book.sheets.map((s) => s.name);
      return {
        fills: Object.fromEntries(names.map((n) => [n, excel.fills(n)])),
        notes: Object.fromEntries(names.map((n) => [n, excel.notes(n)])),
      } as FakeView;
    });
    const coloured = expected.filter((f) => f.severity !== 'info' && f.row > 0);
    for (const f of coloured)
      expect([f.sheet, f.cell, view.fills[f.sheet]?.[f.cell]]).toEqual([
        f.sheet,
        f.cell,
        expect.stringMatching(new RegExp(`^(${fillColors.error}|${fillColors.warning})$`)),
      ]);
    const painted = Object.entries(view.fills).flatMap(([sheet, cells]) =>
      Object.entries(cells)
        .filter(([, c]) => c !== fillColors.row)
        .map(([cell]) => `${sheet}!${cell}`),
    );
    expect(painted.sort()).toEqual([...new Set(coloured.map((f) => `${f.sheet}!${f.cell}`))].sort());
    for (const f of expected.filter((x) => x.row > 0)) expect(view.notes[f.sheet]?.[f.cell]).toContain(f.rule);

    mkdirSync(join(root, 'out'), { recursive: true });
    await page.screenshot({ path: join(root, 'out', 'pane-validate.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  test('a click on "accept" writes the suggested number; Merge adds the report sheets', async () => {
    // E = 1, F = 4, H = 0, G = 100: the engine suggests E2 = 4.
    const workbook: WorkbookSnapshot = {
      sheets: [{ name: 'Phụ lục 2', values: [pl2Header, pl2Row(1, 'Sở Tư pháp', { E: 1, F: 4, G: 100, H: 0, I: 0 })] }],
    };
    const { page, errors } = await openPane(workbook);
    const cell = (sheet: string, address: string): Promise<unknown> =>
      page.evaluate(
        ([s, a]) =>
          (window as unknown as { __fakeExcel: { values(s: string): Record<string, unknown> } }).__fakeExcel.values(s!)[
            a!
          ],
        [sheet, address],
      );
    const sheets = (): Promise<string[]> =>
      page.evaluate(() =>
        (window as unknown as { __fakeExcel: { book: { sheets: { name: string }[] } } }).__fakeExcel.book.sheets.map(
          (s) => s.name,
        ),
      );

    await page.getByTestId('validate').click();
    await page.getByTestId('findings').waitFor({ timeout: 20_000 });
    expect(await cell('Phụ lục 2', 'E2')).toBe(1);
    await page.getByTestId('accept').click();
    await page.getByTestId('notice').filter({ hasText: 'E2' }).waitFor({ timeout: 20_000 });
    expect(await cell('Phụ lục 2', 'E2')).toBe(4);
    // The list is checked again after the fix: the row is consistent now, nothing is left to accept.
    expect(await page.getByTestId('accept').count()).toBe(0);

    await page.getByTestId('merge-sheets').click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __fakeExcel: { book: { sheets: { name: string }[] } } }).__fakeExcel.book.sheets
          .length > 2,
      undefined,
      { timeout: 20_000 },
    );
    await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await sheets()).toEqual(['Phụ lục 2', '_soat', 'Phụ lục 1', 'Phụ lục 2 (2)', 'Phụ lục 3', 'Tổng hợp']);
    expect(await cell('Phụ lục 2 (2)', 'B6')).toBe('Sở Tư pháp');
    expect(await cell('Phụ lục 2 (2)', 'E6')).toBe(4);
    expect(errors).toEqual([]);
  }, 60_000);

  test('unit files dropped on the merge panel are merged into the open workbook; a file that is no .xlsx is left out', async () => {
    const workbook = { sheets: [{ name: 'Ghi chú', values: [['Tổng hợp quý']] }] };
    const { page, errors } = await openPane(workbook);
    const unit = (await seedFile('seed-report.xlsx')).toString('base64');
    await page.getByTestId('drop-zone').waitFor();
    const dropped = await page.evaluateHandle((base64) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'so-tu-phap.xlsx'));
      data.items.add(new File(['ghi chú'], 'ghi-chu.txt'));
      return data;
    }, unit);
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await page.waitForFunction(
      () =>
        (window as unknown as { __fakeExcel: { book: { sheets: { name: string }[] } } }).__fakeExcel.book.sheets.some(
          (s) => s.name === 'Tổng hợp',
        ),
      undefined,
      { timeout: 30_000 },
    );
    await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 20_000 });
    const names = await page.evaluate(() =>
      (window as unknown as { __fakeExcel: { book: { sheets: { name: string }[] } } }).__fakeExcel.book.sheets.map(
        (s) => s.name,
      ),
    );
    expect(names.sort()).toEqual(['Ghi chú', 'Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Tổng hợp', '_soat'].sort());
    expect(errors).toEqual([]);
  }, 60_000);

  test('in an Excel without ExcelApi 1.9 the pane says what is missing, and Validate says it again', async () => {
    const message =
      'Excel này không có ExcelApi 1.9, mà Soát cần để đọc và tô màu bảng: hãy dùng Excel 2021 trở lên, Microsoft 365 hoặc Excel trên web.';
    const workbook = { sheets: [{ name: 'Phụ lục 2', values: [pl2Header, pl2Row(1, 'Sở Tư pháp', { D: '2-3' })] }] };
    const { page, errors } = await browser.open('taskpane.html', workbook, {}, '1.8');
    expect(await page.getByTestId('limitation').allTextContents()).toEqual([message]);
    await page.getByTestId('validate').click();
    await page.getByTestId('notice').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('notice').textContent()).toBe(message);
    expect(errors).toEqual([]);
  }, 60_000);

  test('in Excel 2021 (ExcelApi 1.14) the pane says explanations become comments; Validate still runs', async () => {
    const workbook = { sheets: [{ name: 'Phụ lục 2', values: [pl2Header, pl2Row(1, 'Sở Tư pháp', { D: '2-3' })] }] };
    const { page, errors } = await browser.open('taskpane.html', workbook, {}, '1.14');
    expect(await page.getByTestId('limitation').allTextContents()).toEqual([
      'Excel này chưa có ghi chú (ExcelApi 1.18, Microsoft 365): Soát ghi lời giải thích thành bình luận (comment) trên ô.',
      'Excel này chưa gộp một lần chạy thành một bước hoàn tác (ExcelApi 1.20, Microsoft 365): Ctrl+Z không hoàn tác hết một lần Kiểm tra; hãy dùng nút Xóa đánh dấu và Hoàn tác giá trị.',
    ]);
    await page.getByTestId('validate').click();
    await page.getByTestId('findings').waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
  }, 60_000);

  test('"Tạo trang Danh mục đơn vị" adds the unit list sheet and the line says the list comes from it', async () => {
    const workbook: WorkbookSnapshot = { sheets: [{ name: 'Phụ lục 2', values: [pl2Header] }] };
    const { page, errors } = await openPane(workbook);
    const line = page.getByTestId('in-force');
    await line
      .filter({ hasText: 'Mẫu: Báo cáo 9T/2024 – KH 197/KH-UBND (có sẵn) · 46 đơn vị, danh mục có sẵn' })
      .waitFor({ timeout: 20_000 });

    await page.getByTestId('create-registry').click();
    await line
      .filter({ hasText: 'Mẫu: Báo cáo 9T/2024 – KH 197/KH-UBND (có sẵn) · 46 đơn vị, từ trang Danh mục đơn vị' })
      .waitFor({ timeout: 20_000 });
    const sheets = await page.evaluate(() =>
      (window as unknown as { __fakeExcel: { book: { sheets: { name: string }[] } } }).__fakeExcel.book.sheets.map(
        (s) => s.name,
      ),
    );
    expect(sheets).toEqual(['Phụ lục 2', 'Danh mục đơn vị']);
    expect(await page.getByTestId('notice').textContent()).toBe(
      'Đã tạo trang Danh mục đơn vị với 46 đơn vị; hãy sửa trực tiếp trên trang.',
    );

    await page.getByTestId('create-registry').click();
    await page.getByTestId('notice').filter({ hasText: 'Soát không ghi đè' }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('notice').textContent()).toBe(
      'Sổ tính đã có trang "Danh mục đơn vị"; Soát không ghi đè. Hãy sửa trực tiếp trang đó.',
    );
    expect(errors).toEqual([]);
  }, 60_000);
});
