/* Builds the Excel add-in into dist/: taskpane.html, commands.html, dialog.html, manifest.xml, assets, office.js. */
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const officeJs = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
/** What `clean` leaves in the output directory: the Google Sheets add-on, built beside the add-in. */
const keepGsheets = /^gsheets(?:[\\/]|$)/;

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const config = {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-source-map',
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
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      // A failed ribbon command shows its message here (Office.context.ui.displayDialogAsync).
      new HtmlWebpackPlugin({ filename: 'dialog.html', template: './src/commands/dialog.html', chunks: ['dialog'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'assets', to: 'assets' },
          { from: path.join(officeJs, 'office.js'), to: 'office.js' },
          // office.js loads Excel's own library (excel-web-16.00.js, excel-win32-16.01.js…) and
          // its strings from beside itself: without them the add-in does not start in Excel.
          { context: officeJs, from: 'excel-*.js', to: '[name][ext]', globOptions: { ignore: ['**/*.debug.js'] } },
          { from: path.join(officeJs, 'en-us'), to: 'en-us' },
          { from: path.join(officeJs, 'vi-vn'), to: 'vi-vn' },
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
