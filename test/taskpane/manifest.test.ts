import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { commandNamesInSource } from './commands-source';
import { distDir } from '../browser/build';

const root = join(__dirname, '..', '..');
const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
const all = (pattern: RegExp): string[] => [...xml.matchAll(pattern)].map((m) => m[1]!);

describe('manifest.xml', () => {
  test('`office-addin-manifest info` reads it: a Workbook task pane add-in, vi-VN first, ReadWriteDocument', () => {
    // The CLI, as a user runs it (its API is ESM-only and does not load under ts-jest).
    const cli = join(root, 'node_modules', '.bin', 'office-addin-manifest');
    const info = execFileSync(cli, ['info', join(root, 'manifest.xml')], { encoding: 'utf8' });
    const field = (name: string): string | undefined => new RegExp(`^\\s*${name}: (.*)$`, 'm').exec(info)?.[1]?.trim();
    expect([field('Hosts'), field('Default Locale'), field('Permissions'), field('Name'), field('Type')]).toEqual([
      'Workbook',
      'vi-VN',
      'ReadWriteDocument',
      'Soát',
      'TaskPaneApp',
    ]);
    expect(field('Id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('every resid is defined once, every defined resource is used', () => {
    const used = new Set(all(/resid="([^"]+)"/g));
    const defined = all(/<bt:(?:Image|Url|String) id="([^"]+)"/g);
    expect(new Set(defined).size).toBe(defined.length);
    expect([...used].sort()).toEqual([...new Set(defined)].sort());
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });

  test('control ids are unique, every short and long string has an English override', () => {
    const ids = all(/<Control xsi:type="Button" id="([^"]+)"/g);
    expect(ids).toEqual(['Soat.Validate', 'Soat.Compute', 'Soat.Merge', 'Soat.Clear', 'Soat.ShowTaskpane']);
    const strings = xml.match(/<bt:String id="[^"]+" DefaultValue="[^"]*">\s*<bt:Override Locale="en-US"/g) ?? [];
    expect(strings).toHaveLength(all(/<bt:String id="([^"]+)"/g).length);
  });

  test('URLs are https on localhost:3000, and each names a file the build produces', () => {
    const urls = all(/(?:DefaultValue|Value)="(https?:[^"]+)"/g);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000\//);
    const files = [...new Set(urls.map((u) => new URL(u).pathname.slice(1)).filter((p) => p !== ''))];
    for (const file of files) {
      const source = file.startsWith('assets/') ? join(root, file) : join(distDir, file);
      expect([file, existsSync(source)]).toEqual([file, true]);
    }
  });

  test('the ExecuteFunction names are exactly those commands.ts registers with Office.actions.associate', () => {
    expect(all(/<FunctionName>([^<]+)<\/FunctionName>/g).sort()).toEqual(commandNamesInSource().sort());
  });

  test('requirement set: ExcelApi 1.9, what the host checks at run time', () => {
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
    expect(readFileSync(join(root, 'src/hosts/excel/api.ts'), 'utf8')).toMatch(/minimumExcelApi = '1.9'/);
  });
});
