import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack from 'webpack';

/**
 * `npm run build` (Excel, webpack.config.js) and `npm run build:gsheets` share dist/: the Excel
 * build cleans its output but must leave dist/gsheets/ as the Google Sheets build left it. This
 * runs webpack with the Excel configuration's own `output.clean` over such a directory.
 */

type MakeConfig = (env: object, argv: object) => Promise<webpack.Configuration>;

test("the Excel build's cleaning removes its stale files and keeps dist/gsheets/", async () => {
  const dist = mkdtempSync(join(tmpdir(), 'soat-dist-'));
  mkdirSync(join(dist, 'gsheets'));
  writeFileSync(join(dist, 'gsheets', 'Code.js'), '// server');
  writeFileSync(join(dist, 'gsheets', 'Sidebar.html'), '<html></html>');
  writeFileSync(join(dist, 'gsheets', 'appsscript.json'), '{}');
  writeFileSync(join(dist, 'stale.js'), '// an older Excel build');
  mkdirSync(join(dist, 'gsheets-old'));
  writeFileSync(join(dist, 'gsheets-old', 'x.js'), '// not the add-on');
  const entry = join(dist, '..', `${dist.split(/[\\/]/).pop()!}-entry.js`);
  writeFileSync(entry, 'console.log(1);');

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require('../../../webpack.config.js') as MakeConfig;
  const excel = await makeConfig({ out: dist }, { mode: 'development' });
  expect(excel.output?.path).toBe(dist);
  await new Promise<void>((resolve, reject) =>
    webpack(
      {
        mode: 'development',
        devtool: false,
        entry,
        output: { path: dist, filename: 'taskpane.js', clean: excel.output?.clean },
      },
      (error, stats) =>
        error ? reject(error) : stats?.hasErrors() ? reject(new Error(stats.toString('errors-only'))) : resolve(),
    ),
  );

  expect(existsSync(join(dist, 'taskpane.js'))).toBe(true);
  expect(existsSync(join(dist, 'stale.js'))).toBe(false);
  expect(existsSync(join(dist, 'gsheets-old'))).toBe(false);
  expect(readFileSync(join(dist, 'gsheets', 'Code.js'), 'utf8')).toBe('// server');
  expect(existsSync(join(dist, 'gsheets', 'Sidebar.html'))).toBe(true);
  expect(existsSync(join(dist, 'gsheets', 'appsscript.json'))).toBe(true);
}, 60_000);

test('the Google Sheets build writes only under dist/gsheets/ and cleans nothing else', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configs = require('../../../webpack.gsheets.config.js') as webpack.Configuration[];
  for (const config of configs) {
    expect(config.output?.path).toBe(join(__dirname, '..', '..', '..', 'dist', 'gsheets'));
    expect(config.output?.clean ?? false).toBe(false);
  }
});
