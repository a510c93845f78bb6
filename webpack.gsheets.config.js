// Builds the Google Sheets add-on into dist/gsheets/, ready for `clasp push`:
//   Code.js          the server bundle, one file, its functions as top-level functions
//   Sidebar.html     the sidebar, self-contained (JavaScript inlined)
//   appsscript.json  the manifest: V8, the two narrowest scopes
const path = require('node:path');
const vm = require('node:vm');
const webpack = require('webpack');
const { browserInflate } = require('./webpack.config');

const out = path.resolve(__dirname, 'dist/gsheets');
const library = 'Soat';

const manifest = {
  timeZone: 'Asia/Ho_Chi_Minh',
  runtimeVersion: 'V8',
  exceptionLogging: 'STACKDRIVER',
  oauthScopes: [
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.container.ui',
  ],
};

const typescript = (target) => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      transpileOnly: true, // `npm run typecheck` type-checks; this only strips types
      compilerOptions: { module: 'esnext', target, noEmit: false, sourceMap: false },
    },
  },
});

/** Appends `function f(a, b) { return Soat.f(a, b); }` for every function the bundle exports. */
class TopLevelFunctionsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('TopLevelFunctions', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'TopLevelFunctions', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const code = compilation.getAsset('Code.js').source.source().toString();
          const context = vm.createContext({});
          vm.runInContext(`${code}\n;this.__soat = ${library};`, context);
          const exported = context.__soat;
          const stubs = Object.keys(exported)
            .filter((name) => typeof exported[name] === 'function')
            .sort()
            .map((name) => `function ${name}() { return ${library}.${name}.apply(this, arguments); }`);
          const banner = '// Soát for Google Sheets. Built by `npm run build:gsheets`; do not edit.\n';
          const source = `${banner}${code}\n\n${stubs.join('\n')}\n`;
          compilation.updateAsset('Code.js', new webpack.sources.RawSource(source));
          compilation.emitAsset('appsscript.json', new webpack.sources.RawSource(`${JSON.stringify(manifest, null, 2)}\n`));
        },
      );
    });
  }
}

/** Sidebar.html with the bundle inlined: HtmlService serves one file, no script URLs. */
class InlineSidebarPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlineSidebar', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'InlineSidebar', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const js = compilation.getAsset('sidebar.js').source.source().toString().replace(/<\/script/gi, '<\\/script');
          const html = [
            '<!DOCTYPE html>',
            '<html lang="vi">',
            '<head><base target="_top"><meta charset="utf-8"><title>Soát</title>',
            '<style>html,body{margin:0;padding:0;font-family:"Segoe UI",Roboto,Arial,sans-serif}</style></head>',
            '<body><div id="root"></div>',
            `<script>${js}</script>`,
            '</body></html>',
            '',
          ].join('\n');
          compilation.emitAsset('Sidebar.html', new webpack.sources.RawSource(html));
          compilation.deleteAsset('sidebar.js');
        },
      );
    });
  }
}

const server = {
  name: 'gsheets-server',
  mode: 'production',
  target: ['web', 'es2019'],
  entry: './src/hosts/gsheets/entry.ts',
  devtool: false,
  output: { path: out, filename: 'Code.js', library: { name: library, type: 'var' }, clean: false },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [typescript('es2019')] },
  optimization: { minimize: false }, // readable in the Apps Script editor, and in stack traces
  performance: { hints: false },
  plugins: [new TopLevelFunctionsPlugin()],
};

const sidebar = {
  name: 'gsheets-sidebar',
  mode: 'production',
  target: ['web', 'es2020'],
  entry: './src/hosts/gsheets/sidebar.tsx',
  devtool: false,
  // HtmlService serves one file: what the pane loads on demand elsewhere (the confirm dialog) is bundled in.
  output: { path: out, filename: 'sidebar.js', asyncChunks: false },
  resolve: {
    extensions: ['.tsx', '.ts', '.js'],
    fallback: { 'fs/promises': false, fs: false, path: false, buffer: require.resolve('buffer/') },
  },
  module: { rules: [typescript('es2020')] },
  performance: { hints: false },
  plugins: [
    new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
      resource.request = resource.request.replace(/^node:/, '');
    }),
    new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
    browserInflate(), // the lean reader unzips with fflate in the browser
    new webpack.DefinePlugin({ 'process.env.NODE_ENV': JSON.stringify('production') }),
    new InlineSidebarPlugin(),
  ],
};

module.exports = [server, sidebar];
