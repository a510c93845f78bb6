import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { renderMessage } from '../../src/core/report/messages';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/read';
import { generatedPhuLuc2 } from '../../scripts/bench';
import { seedFile, seedWorkbooks } from '../hosts/xlsx/seed';
import { allListed, scrollToFinding } from '../browser/listed';
import { describeInBrowser, useWebPage } from './harness';

/** The page asks nothing of the network: its policy, its service worker, and a reload with the network off. */
describeInBrowser('the web page offline', () => {
  const web = useWebPage();

  test('its Content-Security-Policy allows only its own files and no evaluated text; its manifest names icons it has', async () => {
    const { page, errors, foreign } = await web.open();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/https?:|\*/);
    const icons = await page.evaluate(async () => {
      const manifest = (await (await fetch('manifest.webmanifest')).json()) as { icons: { src: string }[] };
      return Promise.all(manifest.icons.map(async (icon) => [icon.src, (await fetch(icon.src)).status]));
    });
    expect(icons.length).toBeGreaterThan(0);
    for (const [, status] of icons) expect(status).toBe(200);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  test('after the first visit it reloads with the network off, switches to English and validates again, sending nothing anywhere', async () => {
    const { page, context, errors, foreign } = await web.open();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('in-force').waitFor({ timeout: 30_000 });
    await page.getByTestId('lang').click();
    expect(await page.getByTestId('privacy').textContent()).toContain('never leave this computer');
    expect(await page.getByTestId('validate').textContent()).toBe('Validate');

    const dir = mkdtempSync(join(tmpdir(), 'soat-web-offline-'));
    writeFileSync(join(dir, 'seed-report.xlsx'), await seedFile('seed-report.xlsx'));
    await page.getByTestId('web-files').setInputFiles(join(dir, 'seed-report.xlsx'));
    await page.getByTestId('validate').click();
    await page.getByTestId('web-findings').waitFor({ timeout: 120_000 });
    const expected = checkWorkbook((await readWorkbookBuffer(await seedFile('seed-report.xlsx'))).snapshot).findings;
    expect((await allListed(page)).filter((row) => row.cell !== undefined)).toHaveLength(expected.length);
    // The list speaks English: the first error's message as the engine renders it in English.
    const error = expected.find((f) => f.severity === 'error')!;
    await scrollToFinding(page, `${error.sheet}!${error.cell}`);
    const item = page.locator(`[data-testid="finding"][data-cell="${error.sheet}!${error.cell}"]`).first();
    expect(await item.textContent()).toContain(renderMessage(error, 'en'));
    await context.setOffline(false);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  test('a merge of many files can be cancelled: the page says so, the files not read are marked, and it works on', async () => {
    const { page, errors } = await web.open();
    const dir = mkdtempSync(join(tmpdir(), 'soat-web-cancel-'));
    const names: string[] = [];
    // The lean reader reads a unit in milliseconds: large workbooks first keep the merge going long enough to cancel.
    const large: string[] = [];
    const bytes = await generatedPhuLuc2(20_000);
    for (let i = 1; i <= 4; i++) {
      large.push(`lon-${i}.xlsx`);
      writeFileSync(join(dir, `lon-${i}.xlsx`), bytes);
    }
    for (const [name, unit] of await seedWorkbooks()) {
      if (!name.startsWith('unit-')) continue;
      writeFileSync(join(dir, name), unit);
      names.push(name);
    }
    await page.getByTestId('web-files').setInputFiles([...large, ...names].map((n) => join(dir, n)));
    await page.getByTestId('merge').click();
    await page.getByTestId('cancel').click();
    await page.getByText('Đã hủy.').waitFor({ timeout: 30_000 });
    const statuses = await page
      .getByTestId('web-file')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses).toContain('cancelled');
    expect(await page.getByTestId('merge-result').count()).toBe(0);
    // A fresh worker takes the next command.
    await page.getByTestId('remove-all').click();
    await page.getByTestId('web-files').setInputFiles(names.map((n) => join(dir, n)));
    await page.getByTestId('validate').click();
    await page.getByText(`${names.length} tệp:`).waitFor({ timeout: 240_000 });
    expect(await page.getByTestId('web-findings-file').count()).toBe(names.length);
    expect(errors).toEqual([]);
  }, 400_000);
});
