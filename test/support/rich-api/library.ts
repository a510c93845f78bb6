import { readFileSync } from 'node:fs';

/**
 * Microsoft's Excel client library (the build Excel on the web loads), run in this realm: the
 * proxies, load rules and request serialisation the add-in meets in Excel, without Excel.
 */
export interface ExcelLibrary {
  readonly Excel: typeof Excel;
  readonly OfficeExtension: typeof OfficeExtension & {
    HttpUtility: {
      setCustomSendRequestFunc(func: ((request: RichApiRequest) => Promise<RichApiResponse>) | null): void;
    };
  };
}

export interface RichApiRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | object;
}

export interface RichApiResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

// Resolved as a package, so that the compiled bench (lib/) finds it as the tests do.
const libraryFile = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');

let loaded: ExcelLibrary | undefined;

export function excelLibrary(): ExcelLibrary {
  if (loaded !== undefined) return loaded;
  const source = readFileSync(libraryFile, 'utf8');
  // A page without Office around it: no host bridge, so every sync goes through HttpUtility.
  const window = {
    navigator: { userAgent: 'node' },
    location: { href: 'https://localhost/', search: '', hash: '' },
    setTimeout,
    clearTimeout,
  };
  const document = {
    getElementsByTagName: () => [],
    createElement: () => ({ style: {}, setAttribute() {}, appendChild() {} }),
    addEventListener() {},
    readyState: 'complete',
  };
  // In a page, top-level `var`s are properties of `window`, and the library relies on it: each
  // is declared on the stand-in window, and `with (window)` resolves every bare name there.
  for (const [, name] of source.matchAll(/^var (\w+)/gm)) (window as Record<string, unknown>)[name!] = undefined;
  const run = new Function(
    'window',
    'self',
    'document',
    'navigator',
    'location',
    `with (window) {\n${source}\n}\nreturn { Excel: window.Excel, OfficeExtension: window.OfficeExtension };`,
  ) as (...args: unknown[]) => ExcelLibrary;
  loaded = run(window, window, document, window.navigator, window.location);
  return loaded;
}
