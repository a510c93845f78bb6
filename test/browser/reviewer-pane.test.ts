import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { checkWorkbook } from '../../src/core/check';
import type { Finding } from '../../src/core/report/finding';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/read';
import { seedFile } from '../hosts/xlsx/seed';
import { pl2Header, pl2Row } from '../support/grids';
import { describeInBrowser, useBrowser } from './harness';

/** Three rows the engine finds fault with: two suggestions (E2 = 4 from F2, G3 = 29,33) and a range. */
const workbook: WorkbookSnapshot = {
  sheets: [
    {
      name: 'Phụ lục 2',
      values: [
        pl2Header,
        pl2Row(1, 'Sở Tư pháp', { E: 1, F: 4, G: 100, H: 0, I: 0 }),
        pl2Row(2, 'Sở Nội vụ', { E: 75, F: 22, G: 20.55, H: 53, I: 70.67 }),
        pl2Row(3, 'Sở Y tế', { D: '2-3' }),
      ],
    },
  ],
};

const severityRank = { error: 0, warning: 1, info: 2 };
/** The order a reviewer walks: sheet by sheet as they come, worst severity first, then as found. */
function walkOrder(findings: readonly Finding[]): string[] {
  const sheets = [...new Set(findings.map((f) => f.sheet))];
  return [...findings]
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        sheets.indexOf(a.f.sheet) - sheets.indexOf(b.f.sheet) ||
        severityRank[a.f.severity] - severityRank[b.f.severity] ||
        a.i - b.i,
    )
    .map(({ f }) => `${f.sheet}!${f.cell}`);
}

/** The sheet and cell the fake Excel has selected. */
function selection(page: Page): Promise<string> {
  return page.evaluate(() => {
    const book = (window as unknown as { __fakeExcel: { book: { activeSheet: string; selection: string } } })
      .__fakeExcel.book;
    return `${book.activeSheet}!${book.selection}`;
  });
}

/**
 * Serious and critical violations axe-core finds in the page as it is now; it throws when axe did
 * not check contrast and names (nothing to check would pass unnoticed).
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const { serious, checked } = await page.evaluate(async () => {
    interface AxeResult {
      id: string;
      impact?: string | null;
      nodes: { target: string[] }[];
    }
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeResult[]; passes: AxeResult[] }> } })
      .axe;
    const { violations, passes } = await axe.run();
    return {
      serious: violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      checked: passes.map((p) => p.id),
    };
  });
  for (const rule of ['color-contrast', 'button-name', 'label'])
    if (!checked.includes(rule)) throw new Error(`axe did not check ${rule}`);
  return serious;
}

describeInBrowser('the reviewer in the task pane, in Chromium', () => {
  const browser = useBrowser();

  test('next and previous (buttons, F8, Shift+F8) walk the findings and select each cell in Excel', async () => {
    const expected = checkWorkbook(workbook).findings;
    const order = walkOrder(expected);
    expect(order.length).toBeGreaterThanOrEqual(3);
    const { page, errors } = await browser.open('taskpane.html', workbook);
    await page.getByTestId('validate').click();
    await page.getByTestId('findings').waitFor({ timeout: 20_000 });
    const position = page.getByTestId('finding-position');
    expect(await position.textContent()).toBe(`– / ${order.length}`);

    await page.getByTestId('next-finding').click();
    await position.filter({ hasText: `1 / ${order.length}` }).waitFor();
    await page.waitForFunction((cell) => {
      const book = (window as unknown as { __fakeExcel: { book: { activeSheet: string; selection: string } } })
        .__fakeExcel.book;
      return `${book.activeSheet}!${book.selection}` === cell;
    }, order[0]);
    expect(await page.locator('[data-testid="finding"][aria-current="true"]').getAttribute('data-cell')).toBe(order[0]);

    await page.keyboard.press('F8');
    await position.filter({ hasText: `2 / ${order.length}` }).waitFor();
    await page.getByTestId('progress').waitFor({ state: 'detached' });
    expect(await selection(page)).toBe(order[1]);
    await page.keyboard.press('F8');
    await position.filter({ hasText: `3 / ${order.length}` }).waitFor();
    await page.getByTestId('progress').waitFor({ state: 'detached' });
    expect(await selection(page)).toBe(order[2]);

    await page.keyboard.press('Shift+F8');
    await position.filter({ hasText: `2 / ${order.length}` }).waitFor();
    await page.getByTestId('progress').waitFor({ state: 'detached' });
    expect(await selection(page)).toBe(order[1]);
    await page.getByTestId('previous-finding').click();
    await position.filter({ hasText: `1 / ${order.length}` }).waitFor();
    await page.getByTestId('progress').waitFor({ state: 'detached' });
    expect(await selection(page)).toBe(order[0]);
    // Before the first is the last.
    await page.getByTestId('previous-finding').click();
    await position.filter({ hasText: `${order.length} / ${order.length}` }).waitFor();
    await page.getByTestId('progress').waitFor({ state: 'detached' });
    expect(await selection(page)).toBe(order[order.length - 1]);
    expect(await page.getByTestId('next-finding').getAttribute('title')).toBe('Vấn đề tiếp theo (F8)');
    expect(await page.getByTestId('previous-finding').getAttribute('title')).toBe('Vấn đề trước (Shift+F8)');
    expect(errors).toEqual([]);
  }, 60_000);

  test('after "Nhận gợi ý" the pane moves to the next finding and selects its cell', async () => {
    const { page, errors } = await browser.open('taskpane.html', workbook);
    await page.getByTestId('validate').click();
    await page.getByTestId('findings').waitFor({ timeout: 20_000 });
    const first = page
      .getByTestId('finding')
      .filter({ has: page.getByTestId('accept') })
      .first();
    const accepted = await first.getAttribute('data-cell');
    expect(accepted).toBe('Phụ lục 2!F2'); // a part above its total: the total E2 = 4 is suggested
    const before = walkOrder(checkWorkbook(workbook).findings);
    const next = before[before.indexOf(accepted!) + 1]!;
    await first.getByTestId('accept').click();
    await page.getByTestId('notice').filter({ hasText: 'E2' }).waitFor({ timeout: 20_000 });
    expect(await selection(page)).toBe(next);
    expect(await page.locator('[data-testid="finding"][aria-current="true"]').getAttribute('data-cell')).toBe(next);
    expect(errors).toEqual([]);
  }, 60_000);

  test('rule titles in the filter and on each finding, numbers with a decimal comma, and the summary line', async () => {
    const expected = checkWorkbook(workbook).findings;
    const { page, errors } = await browser.open('taskpane.html', workbook);
    await page.getByTestId('validate').click();
    await page.getByTestId('findings').waitFor({ timeout: 20_000 });

    const options = await page.getByTestId('rule-filter').locator('option').allTextContents();
    expect(options).toContain('Tỷ lệ không khớp số liệu');
    expect(options).toContain('Ghi khoảng giá trị');
    expect(options.some((o) => /^[a-z]+(-[a-z]+)+$/.test(o))).toBe(false);
    const g3 = page.locator('[data-testid="finding"][data-cell="Phụ lục 2!G3"]');
    expect(await g3.getByTestId('rule-title').textContent()).toBe('Tỷ lệ không khớp số liệu');
    expect(await g3.getByTestId('accept').textContent()).toBe('Nhận gợi ý: G3 = 29,33');

    const count = (s: string): number => expected.filter((f) => f.severity === s).length;
    expect(await page.getByTestId('count-error').textContent()).toBe(`Lỗi: ${count('error')}`);
    expect(await page.getByTestId('count-warning').textContent()).toBe(`Cảnh báo: ${count('warning')}`);
    expect(await page.getByTestId('count-info').textContent()).toBe(`Thông tin: ${count('info')}`);
    expect(await page.getByTestId('checked-at').textContent()).toMatch(/^Kiểm tra lúc \d\d:\d\d \d\d\/\d\d\/20\d\d$/);
    expect(await page.getByTestId('in-force').textContent()).toBe(
      'Mẫu: Báo cáo 9T/2024 – KH 197/KH-UBND (có sẵn) · 46 đơn vị, danh mục có sẵn',
    );

    // Filtering by a title keeps only that rule's findings.
    await page.getByTestId('rule-filter').selectOption({ label: 'Tỷ lệ không khớp số liệu' });
    const rules = await page
      .getByTestId('finding')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-rule')));
    expect(new Set(rules)).toEqual(new Set(['ratio-mismatch']));

    await page.getByTestId('lang').click();
    expect(await g3.getByTestId('rule-title').textContent()).toBe('Ratio does not match counts');
    expect(await g3.getByTestId('accept').textContent()).toBe('Accept suggestion: G3 = 29.33');
    expect(await page.getByTestId('rule-filter').locator('option:checked').textContent()).toBe(
      'Ratio does not match counts',
    );
    expect(errors).toEqual([]);
  }, 60_000);

  test('the language chosen is the language of the pane after a reload', async () => {
    const { page, errors } = await browser.open('taskpane.html', workbook);
    await page.getByTestId('validate').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('validate').textContent()).toBe('Kiểm tra');
    await page.getByTestId('lang').click();
    expect(await page.getByTestId('validate').textContent()).toBe('Validate');
    await page.reload();
    await page.getByTestId('validate').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('validate').textContent()).toBe('Validate');
    await page.getByTestId('lang').click();
    await page.reload();
    await page.getByTestId('validate').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('validate').textContent()).toBe('Kiểm tra');
    expect(errors).toEqual([]);
  }, 60_000);

  test('120,000 findings: a window of rows in the page, the end reached by scrolling and by Shift+F8', async () => {
    const count = 120_000;
    const { page, errors } = await browser.open(`synthetic.html?findings=${count}`);
    await page.getByTestId('validate').click();
    await page.getByTestId('findings').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('count-error').textContent()).toBe('Lỗi: 40000');
    expect(await page.getByTestId('finding-position').textContent()).toBe('– / 120000');
    const inPage = await page.getByTestId('finding').count();
    expect(inPage).toBeGreaterThan(0);
    expect(inPage).toBeLessThan(60);

    // The last finding listed: the last sheet's info findings come last.
    await page.getByTestId('findings-scroller').evaluate((s) => (s.scrollTop = s.scrollHeight));
    const last = page.locator('[data-testid="finding"][data-cell="Phụ lục 3!D40002"][data-rule="decimal-comma"]');
    await last.waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('finding').count()).toBeLessThan(60);

    await page.getByTestId('findings-scroller').evaluate((s) => (s.scrollTop = 0));
    await page.locator('[data-testid="finding"][data-cell="Phụ lục 2!G3"]').waitFor();
    await page.keyboard.press('Shift+F8');
    await last.waitFor({ timeout: 10_000 });
    expect(await last.getAttribute('aria-current')).toBe('true');
    expect(await page.getByTestId('finding-position').textContent()).toBe('120000 / 120000');
    const selected = await page.evaluate(() => (window as unknown as { __soatSelected: string[] }).__soatSelected);
    expect(selected).toEqual(['Phụ lục 3!D40002']);
    expect(errors).toEqual([]);
  }, 90_000);

  test('every action is reached with Tab from the top of the pane', async () => {
    const { page, errors } = await browser.open('taskpane.html', workbook);
    await page.getByTestId('validate').click();
    await page.getByTestId('findings').waitFor({ timeout: 20_000 });
    await page.getByTestId('progress').waitFor({ state: 'detached' });
    await page.locator('body').focus();
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(
        () => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? '',
      );
      reached.add(id);
    }
    for (const id of [
      'lang',
      'validate',
      'compute',
      'clear',
      'revert',
      'merge-sheets',
      'load-definition',
      'create-registry',
      'rule-filter',
      'previous-finding',
      'next-finding',
      'accept',
    ])
      expect([id, reached.has(id)]).toEqual([id, true]);
    expect(errors).toEqual([]);
  }, 60_000);

  test('axe finds no serious or critical violation, in Vietnamese and English, findings and merge panel shown', async () => {
    const seed = (await readWorkbookBuffer(await seedFile('seed-report.xlsx'))).snapshot;
    const plain: WorkbookSnapshot = {
      sheets: seed.sheets.map((s) => ({
        ...s,
        values: s.values.map((row) => row.map((v) => (v instanceof Date ? v.getTime() / 86_400_000 + 25569 : v))),
      })),
    };
    const { page, errors } = await browser.open('taskpane.html', plain);
    await page.getByTestId('validate').click();
    await page.getByTestId('findings').waitFor({ timeout: 20_000 });
    await page.getByTestId('progress').waitFor({ state: 'detached' });
    await page.getByTestId('next-finding').click(); // a current finding, highlighted
    await page.getByTestId('progress').waitFor({ state: 'detached' });
    await page.getByTestId('drop-zone').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('lang').click();
    await page.getByTestId('validate').filter({ hasText: 'Validate' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  test('in Excel’s dark theme the pane is dark, and axe still finds nothing serious; high contrast when colours are forced', async () => {
    const dark = {
      isDarkTheme: true,
      bodyBackgroundColor: '#262626',
      bodyForegroundColor: '#ffffff',
      controlBackgroundColor: '#363636',
      controlForegroundColor: '#ffffff',
      themeId: 'DarkGray',
    };
    const { page, errors } = await browser.open('taskpane.html', workbook, {}, '1.18', dark);
    await page.getByTestId('validate').click();
    await page.getByTestId('findings').waitFor({ timeout: 20_000 });
    await page.getByTestId('progress').waitFor({ state: 'detached' });
    const colours = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const provider = main.parentElement!;
      return [
        getComputedStyle(provider).backgroundColor,
        getComputedStyle(main.querySelector('h1, .fui-Title3')!).color,
      ];
    });
    expect(colours).toEqual(['rgb(38, 38, 38)', 'rgb(255, 255, 255)']);
    expect(await seriousViolations(page)).toEqual([]);

    // Windows' high-contrast mode forces the system's colours: the pane takes Fluent's high-contrast theme.
    await page.emulateMedia({ forcedColors: 'active' });
    await page.reload();
    await page.getByTestId('validate').waitFor({ timeout: 20_000 });
    // The browser paints system colours itself then: the theme is seen in Fluent's tokens.
    const token = (name: string): Promise<string> =>
      page.evaluate(
        (n) => getComputedStyle(document.querySelector('main')!.parentElement!).getPropertyValue(n).trim(),
        name,
      );
    expect([await token('--colorNeutralBackground1'), await token('--colorNeutralForeground1')]).toEqual([
      '#000000',
      '#ffffff',
    ]);
    expect(errors).toEqual([]);
  }, 60_000);
});
