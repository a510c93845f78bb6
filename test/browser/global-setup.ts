import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, fakeBundle, newest, root } from './build';

/**
 * Builds what the browser test opens (the add-in's offline build in out/test-dist/, the fake
 * office.js in out/browser/)
 * when a source changed since the last build, so that `npm ci && npm test` works on a clean clone.
 */
export default async function globalSetup(): Promise<void> {
  const sources = Math.max(
    newest(join(root, 'src')),
    newest(join(root, 'test', 'support')),
    newest(join(root, 'test', 'browser')),
    ...['manifest.xml', 'webpack.config.js'].map((file) => statSync(join(root, file)).mtimeMs),
  );
  const built =
    existsSync(join(distDir, 'taskpane.js')) && existsSync(fakeBundle)
      ? Math.min(statSync(join(distDir, 'taskpane.js')).mtimeMs, statSync(fakeBundle).mtimeMs)
      : 0;
  if (built > sources) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(root, 'webpack.config.js')) as (
    env: object,
    argv: object,
  ) => Promise<import('webpack').Configuration>;
  const pane = await makeConfig({ offline: true, out: distDir }, { mode: 'development' });
  const fake: import('webpack').Configuration = {
    ...pane,
    devtool: false,
    entry: {
      'fake-office': join(root, 'test', 'browser', 'fake-office.ts'),
      'synthetic-pane': join(root, 'test', 'browser', 'synthetic-pane.tsx'),
    },
    output: { path: join(root, 'out', 'browser'), filename: '[name].js', clean: true },
    plugins: [],
  };
  await new Promise<void>((resolve, reject) =>
    webpack([{ ...pane, devtool: false }, fake], (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
}
