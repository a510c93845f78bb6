/*
 * Builds Soát as a static web page into dist/web/ (`npm run build:web`): index.html, index.js,
 * worker.js (reading, checking and writing), sw.js (offline), manifest.webmanifest and icons.
 * Nothing in it is fetched from elsewhere; `npx soat serve` or any static host serves it.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { browserInflate } = require('./webpack.config.js');

/** Emits sw.js with the list of every file of the page and a version that changes with any of them. */
class ServiceWorkerPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SoatServiceWorker', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SoatServiceWorker', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const names = Object.keys(compilation.assets)
            .filter((name) => !name.endsWith('.map') && !name.endsWith('.LICENSE.txt'))
            .sort();
          const hash = crypto.createHash('sha256');
          for (const name of names) hash.update(name).update(compilation.assets[name].source());
          const source = fs
            .readFileSync(path.join(__dirname, 'src/web/sw.js'), 'utf8')
            .replace('__SOAT_VERSION__', hash.digest('hex').slice(0, 16))
            .replace('__SOAT_ASSETS__', JSON.stringify(['./', ...names]));
          compilation.emitAsset('sw.js', new webpack.sources.RawSource(source));
        },
      );
    });
  }
}

const typescript = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  loader: 'ts-loader',
  options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'es2020' } },
};

module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode === 'development' ? 'development' : 'production',
  // No eval-based source maps: the page's Content-Security-Policy forbids evaluating text.
  devtool: 'source-map',
  target: ['web', 'es2020'],
  entry: { index: './src/web/index.tsx', worker: './src/web/worker.ts' },
  output: {
    path: path.resolve(__dirname, env.out ?? 'dist/web'),
    filename: '[name].js',
    publicPath: '',
    globalObject: 'self',
    clean: true,
    // What the page and the worker import when needed (ExcelJS to write, the confirm dialog) is
    // bundled into each: nothing is fetched later, and the worker has no document to load a chunk with.
    asyncChunks: false,
  },
  resolve: {
    extensions: ['.tsx', '.ts', '.js'],
    fallback: { 'fs/promises': false, fs: false, path: false, stream: false, buffer: require.resolve('buffer/') },
  },
  module: { rules: [typescript] },
  optimization: { splitChunks: false },
  performance: { hints: false },
  plugins: [
    new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
      resource.request = resource.request.replace(/^node:/, '');
    }),
    new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
    // The lean reader unzips with fflate here, not Node's zlib.
    browserInflate(),
    new HtmlWebpackPlugin({ filename: 'index.html', template: './src/web/index.html', chunks: ['index'] }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets', to: 'assets' },
        { from: 'src/web/manifest.webmanifest', to: 'manifest.webmanifest' },
      ],
    }),
    new ServiceWorkerPlugin(),
  ],
});
