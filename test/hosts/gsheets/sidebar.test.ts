import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { parseAddress } from '../../../src/core/address';
import { checkWorkbook } from '../../../src/core/check';
import { computePlan } from '../../../src/core/compute/percentages';
import { serverFunctions } from '../../../src/hosts/gsheets/server';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { FakeSpreadsheet, FakeSpreadsheetApp, fakeHtmlService } from '../../support/fake-spreadsheet-app';
import { seedFile } from '../xlsx/seed';
import { buildGsheets } from './build';
import { allListed, scrollToFinding } from '../../browser/listed';

/**
 * The built Sidebar.html (Excel's task pane, src/taskpane/App) in Debian's Chromium. Its
 * google.script.run is a fake that sends each call, JSON-serialised as Apps Script does, to the
 * real server functions over a fake spreadsheet.
 */

const executablePath = '/usr/bin/chromium';
const run = existsSync(executablePath) ? test : test.skip;

const fakeRun = `
window.google = { script: { get run() {
  let ok = () => {}, fail = () => {};
  const runner = new Proxy({}, { get: (_, name) => {
    if (name === 'withSuccessHandler') return (f) => ((ok = f), runner);
    if (name === 'withFailureHandler') return (f) => ((fail = f), runner);
    return (...args) => window.serverCall(name, JSON.stringify(args)).then((t) => ok(JSON.parse(t)), (e) => fail(e));
  } });
  return runner;
} } };`;

let out: string;
let browser: Browser | undefined;
beforeAll(async () => {
  out = await buildGsheets(['gsheets-sidebar']);
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

run(
  'the shared pane: Kiểm tra validates and lists the findings, a finding selects its cell, Xóa đánh dấu and Tính tỷ lệ act on the sheet',
  async () => {
    const { snapshot } = await readWorkbookBuffer(await seedFile('seed-report.xlsx'));
    const spreadsheet = new FakeSpreadsheet([]);
    for (const sheet of snapshot.sheets) spreadsheet.load(sheet);
    Object.assign(globalThis, { SpreadsheetApp: new FakeSpreadsheetApp(spreadsheet), HtmlService: fakeHtmlService });
    const calls: string[] = [];

    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = await browser.newPage({ viewport: { width: 300, height: 900 } }); // Sheets' sidebar is 300 px wide
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.exposeFunction('serverCall', (name: string, args: string) => {
      calls.push(name);
      const fn = serverFunctions[name as keyof typeof serverFunctions] as (...a: unknown[]) => unknown;
      return JSON.stringify(fn(...(JSON.parse(args) as unknown[])) ?? null);
    });
    await page.addInitScript(fakeRun);
    await page.goto(`file://${join(out, 'Sidebar.html')}`);

    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    const expected = checkWorkbook(snapshot).findings;
    const items = page.getByTestId('finding');
    await items.first().waitFor({ timeout: 20_000 });
    // Only the rows in view are in the page: the list is read by scrolling through it.
    const shown = (await allListed(page)).filter((r) => r.cell !== undefined).map((r) => `${r.cell} ${r.rule}`);
    expect(shown.sort()).toEqual(expected.map((f) => `${f.sheet}!${f.cell} ${f.rule}`).sort());
    // The pane asks once, when it opens, which report and unit list are in force.
    expect(calls).toEqual(['inForce', 'validate']);
    expect([...spreadsheet.sheet('Phụ lục 2').cells.values()].some((c) => c.background === '#ffc7ce')).toBe(true);

    const first = expected.find((f) => f.sheet === 'Phụ lục 2')!;
    await scrollToFinding(page, `Phụ lục 2!${first.cell}`);
    await page.locator(`[data-testid="finding"][data-cell="Phụ lục 2!${first.cell}"] button`).first().click();
    for (let i = 0; i < 200 && !calls.includes('selectCell'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(spreadsheet.active?.name).toBe('Phụ lục 2');
    expect(calls).toEqual(['inForce', 'validate', 'selectCell']);

    mkdirSync(join(__dirname, '..', '..', '..', 'out'), { recursive: true });
    await page.screenshot({ path: join(__dirname, '..', '..', '..', 'out', 'gsheets-sidebar.png'), fullPage: true });

    // Xóa đánh dấu: Soát's colours and note blocks go, the list with them.
    const painted = (): number =>
      spreadsheet.sheets
        .flatMap((s) => [...s.cells.values()])
        .filter((c) => c.background !== undefined || /— Soát —/.test(c.note ?? '')).length;
    expect(painted()).toBeGreaterThan(0);
    await page.getByTestId('clear').click();
    await page.getByTestId('notice').getByText('Đã xóa mọi đánh dấu của Soát.').waitFor({ timeout: 20_000 });
    expect(calls).toEqual(['inForce', 'validate', 'selectCell', 'clear']);
    expect(painted()).toBe(0);
    expect(await page.getByTestId('finding').count()).toBe(0);

    // Tính tỷ lệ, overwriting the mismatched percentages: formulas land in the sheet.
    const computed = computePlan(checkWorkbook(snapshot), { overwrite: true });
    expect(computed.replaced.length).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'Ghi đè tỷ lệ sai' }).check();
    await page.getByTestId('compute').click();
    await page
      .getByTestId('notice')
      .getByText(`Đã ghi ${computed.replaced.length} ô tỷ lệ; giữ nguyên 0 ô lệch.`)
      .waitFor({ timeout: 20_000 });
    expect(calls).toEqual(['inForce', 'validate', 'selectCell', 'clear', 'compute']);
    for (const { sheet, cell } of computed.replaced) {
      const { row, col } = parseAddress(cell);
      expect([sheet, cell, spreadsheet.sheet(sheet).cell(row, col)?.formula]).toEqual([
        sheet,
        cell,
        expect.stringMatching(/^=IF\(E\d+>0,ROUND\([FH]\d+\/E\d+\*100,2\),""\)$/),
      ]);
    }

    expect(errors).toEqual([]);
  },
  60_000,
);
