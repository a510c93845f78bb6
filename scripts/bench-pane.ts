/**
 * `npm run bench`, pane part: the findings list in Chromium (the production build of the pane
 * over synthetic findings, test/browser/synthetic-pane.tsx): time from Validate to the first
 * rows on screen, and frame times while the list is scrolled from top to bottom.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'webpack';

/** The repository: this file runs as lib/scripts/bench-pane.js. */
const root = join(__dirname, '..', '..');
const chromiumPath = '/usr/bin/chromium';
const origin = 'http://soat.bench';

/** The synthetic pane, built as the add-in is built for production (minified React). */
async function buildSyntheticPane(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(root, 'webpack.config.js')) as (env: object, argv: object) => Promise<Configuration>;
  const pane = await makeConfig({ offline: true }, { mode: 'production' });
  const output = join(root, 'out', 'bench');
  const config: Configuration = {
    ...pane,
    context: root,
    devtool: false,
    entry: { 'synthetic-pane': join(root, 'test', 'browser', 'synthetic-pane.tsx') },
    output: { path: output, filename: '[name].js', clean: true },
    plugins: [],
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
  return join(output, 'synthetic-pane.js');
}

interface PaneFigures {
  readonly firstRenderMs: number;
  readonly frames: number;
  readonly meanFrameMs: number;
  readonly p95FrameMs: number;
  readonly maxFrameMs: number;
  readonly rowsInPage: number;
}

/** Validate, wait for the first finding on screen, then scroll to the end over 120 frames. */
function measureInPage(): Promise<PaneFigures> {
  const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
  return (async () => {
    const start = performance.now();
    document.querySelector<HTMLButtonElement>('[data-testid="validate"]')!.click();
    while (document.querySelector('[data-testid="finding"]') === null) await frame();
    await frame(); // the frame that shows them
    const firstRenderMs = performance.now() - start;
    const scroller = document.querySelector<HTMLElement>('[data-testid="findings-scroller"]')!;
    const steps = 120;
    const stamps: number[] = [await frame()];
    for (let i = 1; i <= steps; i++) {
      scroller.scrollTop = ((scroller.scrollHeight - scroller.clientHeight) * i) / steps;
      stamps.push(await frame());
    }
    const times = stamps
      .slice(1)
      .map((t, i) => t - stamps[i]!)
      .sort((a, b) => a - b);
    return {
      firstRenderMs,
      frames: times.length,
      meanFrameMs: times.reduce((sum, t) => sum + t, 0) / times.length,
      p95FrameMs: times[Math.floor(times.length * 0.95)]!,
      maxFrameMs: times[times.length - 1]!,
      rowsInPage: document.querySelectorAll('[data-testid="finding"]').length,
    };
  })();
}

export async function benchPane(counts: readonly number[]): Promise<void> {
  process.stdout.write('\nThe findings list in Chromium (production build, 420×900 pane)\n');
  if (!existsSync(chromiumPath)) {
    process.stdout.write(`skipped: ${chromiumPath} is missing (apt-get install -y chromium)\n`);
    return;
  }
  const bundle = readFileSync(await buildSyntheticPane(), 'utf8');
  const html = readFileSync(join(root, 'test', 'browser', 'synthetic.html'), 'utf8');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    process.stdout.write(
      `${'findings'.padStart(9)} ${'first render'.padStart(13)} ${'scroll frame: mean'.padStart(19)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'rows in page'.padStart(13)}\n`,
    );
    for (const count of counts) {
      const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
      await page.route(`${origin}/**`, (route) => {
        const script = new URL(route.request().url()).pathname.endsWith('.js');
        return route.fulfill({
          contentType: script ? 'text/javascript' : 'text/html',
          body: script ? bundle : html,
        });
      });
      await page.goto(`${origin}/synthetic.html?findings=${count}`);
      await page.getByTestId('validate').waitFor();
      const figures = await page.evaluate(measureInPage);
      const ms = (value: number, width: number): string => `${value.toFixed(1)} ms`.padStart(width);
      process.stdout.write(
        `${String(count).padStart(9)} ${ms(figures.firstRenderMs, 13)} ${ms(figures.meanFrameMs, 19)} ${ms(figures.p95FrameMs, 8)} ${ms(figures.maxFrameMs, 8)} ${String(figures.rowsInPage).padStart(13)}\n`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
