import { existsSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { startServer } from '../../src/cli/serve';
import { newest, root } from '../browser/build';

/** The built web page in Debian's Chromium, served by `soat serve`'s server, every request watched. */

const chromiumPath = '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
if (!haveChromium) console.warn(`Web page test skipped: ${chromiumPath} is missing (apt-get install -y chromium).`);
export const describeInBrowser = haveChromium ? describe : describe.skip;

/** The page as `npm run build:web` builds it, into out/test-web so that dist/ is left alone. */
export const webTestDir = join(root, 'out', 'test-web');

/** Builds the page when a source changed since the last build. */
async function buildWeb(): Promise<void> {
  const sources = Math.max(newest(join(root, 'src')), statSync(join(root, 'webpack.web.config.js')).mtimeMs);
  // webpack leaves unchanged files untouched: a stamp written after each build dates it.
  const stamp = join(webTestDir, '.built');
  if (existsSync(stamp) && statSync(stamp).mtimeMs > sources) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(root, 'webpack.web.config.js')) as (env: object, argv: object) => object;
  await new Promise<void>((resolve, reject) =>
    webpack(config({ out: webTestDir }, { mode: 'production' }) as import('webpack').Configuration, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
  writeFileSync(stamp, '');
}

export interface OpenPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Uncaught errors of the page. */
  readonly errors: string[];
  /** Every request the page (or its workers) tried to send anywhere but the page's own server. */
  readonly foreign: string[];
  readonly origin: string;
}

export interface WebHarness {
  open(): Promise<OpenPage>;
}

/** Builds and serves the page and starts the browser before the tests of the calling describe. */
export function useWebPage(): WebHarness {
  let browser: Browser | undefined;
  let server: Server | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    await buildWeb();
    server = await startServer(webTestDir, 0);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 600_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    server?.close();
  });
  return {
    async open() {
      const origin = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
      const context = await browser!.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 1000 } });
      contexts.push(context);
      const foreign: string[] = [];
      // Every request of the context, the service worker's included: another origin is recorded and refused.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (new URL(url).origin === origin) return route.continue();
        foreign.push(url);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`${origin}/`);
      await page.getByTestId('in-force').waitFor({ timeout: 30_000 });
      return { page, context, errors, foreign, origin };
    },
  };
}
