import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What `npm run build` must put beside office.js for Excel to start the add-in: office.js loads
 * Excel's own library for the platform (excel-web-16.00.js, excel-win32-16.01.js…) and its
 * strings for the display language from the folder it was loaded from.
 */
const dist = join(__dirname, '..', '..', 'dist');

test("dist holds the pages, office.js, Excel's per-platform libraries and the vi/en strings", () => {
  const files = [
    'taskpane.html',
    'commands.html',
    'dialog.html',
    'office.js',
    'excel-web-16.00.js',
    'excel-win32-16.01.js',
    'excel-mac-16.00.js',
    'vi-vn/office_strings.js',
    'en-us/office_strings.js',
  ];
  expect(files.filter((file) => !existsSync(join(dist, file)))).toEqual([]);
});

test('each page loads office.js from beside itself, before its own script', () => {
  for (const page of ['taskpane.html', 'commands.html', 'dialog.html']) {
    const html = readFileSync(join(dist, page), 'utf8');
    const office = html.indexOf('<script src="office.js">');
    const own = html.search(/<script[^>]+src="(taskpane|commands|dialog)\.js"/);
    expect([page, office >= 0, own > office]).toEqual([page, true, true]);
  }
});
