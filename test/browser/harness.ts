import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { distDir, fakeBundle, syntheticPages } from './build';

/** The built add-in in Debian's Chromium, its office.js replaced by the fake Excel. */

const chromiumPath = '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
if (!haveChromium) console.warn(`Browser test skipped: ${chromiumPath} is missing (apt-get install -y chromium).`);
export const describeInBrowser = haveChromium ? describe : describe.skip;

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.xml': 'text/xml',
};

/** dist/ over http, as `npm start` would serve it (without TLS). */
function serve(): Promise<Server> {
  const server = createServer((request, response) => {
    const url = decodeURIComponent((request.url ?? '/').split('?')[0]!);
    const path = syntheticPages[url] ?? normalize(join(distDir, url));
    if ((!path.startsWith(distDir) && syntheticPages[url] === undefined) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' })
      .end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface Harness {
  /**
   * A page of dist/ (`path` with its query), `workbook` in the fake Excel, `storage` in
   * localStorage, `apiVersion` the highest ExcelApi set the fake reports (1.18 by default),
   * `officeTheme` what Office.context.officeTheme reports (none by default).
   */
  open(
    path: string,
    workbook?: WorkbookSnapshot,
    storage?: Record<string, string>,
    apiVersion?: string,
    officeTheme?: object,
  ): Promise<{ page: Page; errors: string[] }>;
}

/** Starts the server and the browser before the tests of the calling describe, stops them after. */
export function useBrowser(): Harness {
  let browser: Browser | undefined;
  let server: Server | undefined;
  beforeAll(async () => {
    server = await serve();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
  return {
    async open(path, workbook = { sheets: [] }, storage = {}, apiVersion = '1.18', officeTheme = undefined) {
      const page = await browser!.newPage({ viewport: { width: 420, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(
        ([snapshot, items, version, theme]) => {
          (window as unknown as { __soatWorkbook: unknown }).__soatWorkbook = snapshot;
          (window as unknown as { __soatApiVersion: unknown }).__soatApiVersion = version;
          (window as unknown as { __soatOfficeTheme: unknown }).__soatOfficeTheme = theme;
          // Put in before the first load only: a reload keeps what the page stored since.
          if (sessionStorage.getItem('__soatSeeded') === null) {
            sessionStorage.setItem('__soatSeeded', '1');
            for (const [key, value] of Object.entries(items)) window.localStorage.setItem(key, value);
          }
        },
        [workbook, storage, apiVersion, officeTheme] as [unknown, Record<string, string>, string, unknown],
      );
      await page.route('**/office.js', (route) =>
        route.fulfill({ contentType: 'text/javascript', body: readFileSync(fakeBundle, 'utf8') }),
      );
      const { port } = server!.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/${path}`);
      return { page, errors };
    },
  };
}
