// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['lib/', 'dist/', 'out/', 'node_modules/', 'coverage/', '*.config.js', 'bin/'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core is host-free: hosts, UI and the command line import it, never the reverse.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/hosts/**', '**/taskpane/**', '**/cli/**', '**/commands/**'], message: 'src/core must not import a host, the UI or the CLI.' },
            { group: ['exceljs', 'react', 'react-dom', '@fluentui/*', 'node:*', 'fs', 'path'], message: 'src/core is pure: no I/O, no host library.' },
          ],
        },
      ],
    },
  },
);
