import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { pl2Header, pl2Row } from '../support/grids';
import { root } from './build';
import { describeInBrowser, useBrowser } from './harness';

/** Confirming a finding in the task pane, over the fake Excel in Chromium. */

interface FakeExcelWindow {
  __fakeExcel: { notes(s: string): Record<string, string>; fills(s: string): Record<string, string> };
}

describeInBrowser('confirming a finding in the task pane', () => {
  const browser = useBrowser();

  test('"Xác nhận…" asks for a reason, writes the line, lists the finding apart; "Bỏ xác nhận" takes it back', async () => {
    const human = 'Đã hỏi lại đơn vị.';
    // I2 says 80 where H/E × 100 = 34,62.
    const workbook: WorkbookSnapshot = {
      sheets: [{ name: 'Phụ lục 2', values: [pl2Header, pl2Row(1, 'Sở Tư pháp', { I: 80 })], notes: { I2: human } }],
    };
    const { page, errors } = await browser.open('taskpane.html', workbook);
    const view = () =>
      page.evaluate(() => {
        const excel = (window as unknown as FakeExcelWindow).__fakeExcel;
        return { notes: excel.notes('Phụ lục 2'), fills: excel.fills('Phụ lục 2') };
      });

    await page.getByTestId('validate').click();
    await page.getByTestId('findings').waitFor({ timeout: 20_000 });
    const finding = page.locator('[data-testid="finding"][data-cell="Phụ lục 2!I2"]');
    expect((await view()).fills['I2']).toBe('FFFFC7CE');

    await finding.getByTestId('confirm').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.getByTestId('confirm-save').isDisabled()).toBe(true); // a reason is asked for
    await dialog.getByTestId('confirm-reason').fill('đơn vị tính trên cơ sở khác');
    mkdirSync(join(root, 'out'), { recursive: true });
    await page.screenshot({ path: join(root, 'out', 'pane-confirm-dialog.png'), fullPage: true });
    await dialog.getByTestId('confirm-save').click();
    await page.getByTestId('notice').filter({ hasText: 'Đã ghi xác nhận' }).waitFor({ timeout: 20_000 });

    const confirmed = page.locator('[data-testid="confirmed-finding"][data-cell="Phụ lục 2!I2"]');
    expect(await confirmed.count()).toBe(1);
    expect(await confirmed.textContent()).toContain('đơn vị tính trên cơ sở khác');
    expect(await finding.count()).toBe(0);
    const after = await view();
    expect(after.notes['I2']).toContain(`${human}\nSoát: xác nhận ratio-mismatch = 80 — đơn vị tính trên cơ sở khác`);
    expect(after.fills['I2']).toBeUndefined();
    await page.screenshot({ path: join(root, 'out', 'pane-confirmed.png'), fullPage: true });

    await confirmed.getByTestId('unconfirm').click();
    await page.getByTestId('notice').filter({ hasText: 'Đã bỏ xác nhận' }).waitFor({ timeout: 20_000 });
    expect(await finding.count()).toBe(1);
    expect(await page.getByTestId('confirmed-findings').count()).toBe(0);
    expect((await view()).notes['I2']).not.toContain('Soát: xác nhận');
    expect((await view()).fills['I2']).toBe('FFFFC7CE');
    expect(errors).toEqual([]);
  }, 90_000);
});
