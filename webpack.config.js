/*
 * Builds the Excel add-in into dist/: taskpane.html, commands.html, dialog.html, support.html,
 * manifest.xml, assets. The pages load office.js from Microsoft's CDN, as Microsoft requires of a
 * published add-in; `--env offline` copies the npm package's office.js beside them instead (an
 * older library: no notes, no one-step undo). The manifest's origin is SOAT_ORIGIN (default
 * https://localhost:3000, what `npm start` serves).
 */
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const officeJs = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
/** Microsoft's production office.js: the only one that has every current requirement set. */
const officeCdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The origin manifest.xml is written with; the build replaces it by SOAT_ORIGIN. */
const manifestOrigin = 'https://localhost:3000';

/** SOAT_ORIGIN as the manifest needs it: an https URL without a trailing slash. */
function deployedOrigin(value = manifestOrigin) {
  const url = new URL(value);
  if (url.protocol !== 'https:' || url.search !== '' || url.hash !== '')
    throw new Error(`SOAT_ORIGIN must be an https address without query, as Office requires: ${value}`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** manifest.xml with every URL under `base`: the pages, icons and SupportUrl; AppDomain is its origin. */
function manifestFor(xml, base) {
  const domain = `<AppDomain>${manifestOrigin}</AppDomain>`;
  return xml.split(domain).join(`<AppDomain>${new URL(base).origin}</AppDomain>`).split(manifestOrigin).join(base);
}
/** The lean .xlsx reader unzips with Node's zlib; a browser build gives it fflate instead. */
function browserInflate() {
  return new webpack.NormalModuleReplacementPlugin(/^\.\/inflate$/, (resource) => {
    if (/[\\/]hosts[\\/]xlsx[\\/]lean$/.test(resource.context)) resource.request = './inflate-browser';
  });
}
/** What `clean` leaves in the output directory: the Google Sheets add-on, built beside the add-in. */
const keepGsheets = /^gsheets(?:[\\/]|$)/;

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const offline = env.offline === true || env.offline === 'true';
  const origin = deployedOrigin(process.env.SOAT_ORIGIN || undefined);
  const page = (filename, template, chunks) =>
    new HtmlWebpackPlugin({ filename, template, chunks, templateParameters: { officeJs: offline ? 'office.js' : officeCdn } });
  // The npm package's office.js, with Excel's per-platform libraries and strings it loads from
  // beside itself; Microsoft ships them minified, so Terser is not run over their megabytes again.
  const minimized = { minimized: true };
  const officeCopy = [
    { from: path.join(officeJs, 'office.js'), to: 'office.js', info: minimized },
    { context: officeJs, from: 'excel-*.js', to: '[name][ext]', globOptions: { ignore: ['**/*.debug.js'] }, info: minimized },
    { from: path.join(officeJs, 'en-us'), to: 'en-us', info: minimized },
    { from: path.join(officeJs, 'vi-vn'), to: 'vi-vn', info: minimized },
  ];
  const config = {
    mode: production ? 'production' : 'development',
    // No source maps in production: they would be served beside the pages.
    devtool: production ? false : 'eval-source-map',
    entry: {
      taskpane: './src/hosts/excel/pane-entry.tsx',
      commands: './src/commands/commands.ts',
      dialog: './src/commands/dialog.ts',
    },
    // dist/gsheets/ is the Google Sheets build's (webpack.gsheets.config.js): cleaning spares it.
    output: { path: path.resolve(__dirname, env.out ?? 'dist'), filename: '[name].js', clean: { keep: keepGsheets } },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // The .xlsx reader runs in the pane for Merge; its file-system helpers are never called there.
      fallback: { 'fs/promises': false, fs: false, path: false, stream: false },
    },
    module: {
      rules: [{ test: /\.tsx?$/, loader: 'ts-loader', exclude: /node_modules/, options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'es2020' } } }],
    },
    performance: { hints: false },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      browserInflate(),
      page('taskpane.html', './src/taskpane/taskpane.html', ['taskpane']),
      page('commands.html', './src/commands/commands.html', ['commands']),
      // A failed ribbon command shows its message here (Office.context.ui.displayDialogAsync).
      page('dialog.html', './src/commands/dialog.html', ['dialog']),
      // The manifest's SupportUrl: what Soát is, which Excel runs it, where to ask.
      page('support.html', './src/taskpane/support.html', []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content.toString(), origin) },
          { from: 'assets', to: 'assets' },
          ...(offline ? officeCopy : []),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
  if (argv.mode === 'development' && env.WEBPACK_SERVE) {
    const devCerts = require('office-addin-dev-certs');
    config.devServer.server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};
module.exports.officeCdn = officeCdn;
module.exports.browserInflate = browserInflate;
