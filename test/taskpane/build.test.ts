import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Configuration } from 'webpack';
import { distDir, root } from '../browser/build';

/**
 * What the build puts beside the pages. The production build loads office.js from Microsoft's
 * CDN and writes the manifest on SOAT_ORIGIN; the offline build (`--env offline`, which the
 * browser tests use) copies the npm package's office.js, which loads Excel's own library for the
 * platform (excel-web-16.00.js, excel-win32-16.01.js…) and its strings from beside itself.
 */

const cdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const pages = ['taskpane.html', 'commands.html', 'dialog.html'];

/** The office.js a page loads, and whether it comes before the page's own script. */
function officeScript(html: string): { src: string | undefined; first: boolean } {
  const office = /<script[^>]*\ssrc="?([^"\s>]*office\.js)"?/.exec(html);
  const own = html.search(/<script[^>]+src="?(taskpane|commands|dialog)\.js/);
  return { src: office?.[1], first: office !== null && own > office.index };
}

type MakeConfig = (env: object, argv: object) => Promise<Configuration>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(join(root, 'webpack.config.js')) as MakeConfig;

/**
 * `npm run build` (production) with SOAT_ORIGIN, into a temporary folder. The pages' scripts are
 * one-line stand-ins so that it takes seconds: the HTML, the copied files and the manifest come
 * from the same plugins as in a full build, which is what is checked here.
 */
async function productionBuild(env: Record<string, unknown>, origin?: string): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'soat-build-'));
  const stub = join(out, 'stub.js');
  writeFileSync(stub, 'window.stub = 1;\n');
  const saved = process.env['SOAT_ORIGIN'];
  if (origin === undefined) delete process.env['SOAT_ORIGIN'];
  else process.env['SOAT_ORIGIN'] = origin;
  try {
    const config = await makeConfig({ ...env, out: join(out, 'dist') }, { mode: 'production' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const webpack = require('webpack') as typeof import('webpack');
    const stubbed = { ...config, devtool: false as const, entry: { taskpane: stub, commands: stub, dialog: stub } };
    await new Promise<void>((resolve, reject) =>
      webpack(stubbed, (error, stats) => {
        if (error) reject(error);
        else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
        else resolve();
      }),
    );
  } finally {
    if (saved === undefined) delete process.env['SOAT_ORIGIN'];
    else process.env['SOAT_ORIGIN'] = saved;
  }
  return join(out, 'dist');
}

describe('the production build', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await productionBuild({}, 'https://soat.example.vn/addin/');
  }, 120_000);

  test("each page loads Microsoft's office.js from the CDN before its own script; none is copied", () => {
    for (const page of pages)
      expect([page, officeScript(readFileSync(join(dist, page), 'utf8'))]).toEqual([page, { src: cdn, first: true }]);
    expect(['office.js', 'excel-web-16.00.js', 'vi-vn'].filter((file) => existsSync(join(dist, file)))).toEqual([]);
  });

  test('the manifest carries SOAT_ORIGIN: pages, icons, SupportUrl under it, AppDomain its origin', () => {
    const xml = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('localhost');
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\/soat\.example\.vn\/addin\/[a-z]/);
    expect(/<SupportUrl DefaultValue="([^"]+)"/.exec(xml)?.[1]).toBe('https://soat.example.vn/addin/support.html');
    expect([...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1])).toEqual(['https://soat.example.vn']);
    const files = [...new Set(urls.map((url) => url.slice('https://soat.example.vn/addin/'.length)))];
    expect(files.filter((file) => !existsSync(join(dist, file)))).toEqual([]);
  });

  test('an origin that is not https is refused before anything is built', async () => {
    const saved = process.env['SOAT_ORIGIN'];
    process.env['SOAT_ORIGIN'] = 'http://soat.example.vn';
    try {
      await expect(makeConfig({}, { mode: 'production' })).rejects.toThrow(
        'SOAT_ORIGIN must be an https address without query, as Office requires: http://soat.example.vn',
      );
    } finally {
      if (saved === undefined) delete process.env['SOAT_ORIGIN'];
      else process.env['SOAT_ORIGIN'] = saved;
    }
  });
});

describe('the offline build (`npm run build -- --env offline`)', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await productionBuild({ offline: true });
  }, 120_000);

  test("each page loads the npm package's office.js from beside itself, before its own script", () => {
    for (const page of pages)
      expect([page, officeScript(readFileSync(join(dist, page), 'utf8'))]).toEqual([
        page,
        { src: 'office.js', first: true },
      ]);
  });

  test("office.js, Excel's per-platform libraries and the vi/en strings are copied beside the pages", () => {
    const files = [
      'office.js',
      'excel-web-16.00.js',
      'excel-win32-16.01.js',
      'excel-mac-16.00.js',
      'vi-vn/office_strings.js',
      'en-us/office_strings.js',
    ];
    for (const folder of [dist, distDir]) expect(files.filter((file) => !existsSync(join(folder, file)))).toEqual([]);
    expect(readFileSync(join(dist, 'manifest.xml'), 'utf8')).toContain('https://localhost:3000/taskpane.html');
  });
});

describe('a light pane', () => {
  // The add-in as the browser tests open it (built by test/browser/global-setup.ts from src/);
  // a development build heads each module it defines with a banner: `!*** ./src/…/read.ts ***!`.
  const ownChunks = (): string[] =>
    readdirSync(distDir).filter((file) => file.endsWith('.js') && !/^(office|excel-.*)\.js$/.test(file));
  const text = (file: string): string => readFileSync(join(distDir, file), 'utf8');
  const defining = (module: string): string[] =>
    ownChunks().filter((file) => text(file).includes(`!*** ${module} ***!`));
  const initial = ['taskpane.js', 'commands.js', 'dialog.js'];

  test('the first screen ships without ExcelJS or the .xlsx reader; ExcelJS is in no chunk of the pane', () => {
    expect(ownChunks().filter((file) => text(file).includes('node_modules/exceljs/'))).toEqual([]);
    expect(defining('./src/hosts/xlsx/lean/read.ts').filter((file) => initial.includes(file))).toEqual([]);
    expect(text('taskpane.js')).not.toContain('node_modules/fflate/');
  });

  test('reading .xlsx files (the lean reader with fflate) is a chunk of its own, loaded on demand', () => {
    const reader = defining('./src/hosts/xlsx/lean/read.ts');
    expect(reader).toHaveLength(1);
    expect(initial).not.toContain(reader[0]);
    expect(defining('./src/hosts/xlsx/lean/inflate-browser.ts')).toEqual(reader);
    expect(defining('./src/hosts/xlsx/lean/inflate.ts')).toEqual([]);
    expect(text('taskpane.js')).toContain(reader[0]!.replace(/\.js$/, ''));
  });

  test('the production build serves no source maps', async () => {
    expect((await makeConfig({}, { mode: 'production' })).devtool).toBe(false);
  });
});
