import { parseDefinition } from '../../../src/core/definition';
import { unitWorkbookDraft } from '../../../src/core/merge/template';
import { defaultRegistry } from '../../../src/core/units/registry';
import { draftToXlsx } from '../../../src/hosts/xlsx/draft';
import { definitionTextOfFile } from '../../../src/hosts/xlsx/definition-file';
import { definitionText } from '../../support/definitions';

/** What the pane takes from a chosen file as the definition to store. */

const tthc = definitionText('hp-tthc-q3-2025.json');

test('a .json file gives its text as it is', async () => {
  const file = { name: 'mẫu.json', base64: Buffer.from(tthc, 'utf8').toString('base64') };
  expect(await definitionTextOfFile(file)).toBe(tthc);
});

test('a template workbook gives the definition it carries', async () => {
  const draft = unitWorkbookDraft(parseDefinition(tthc, 'x'), defaultRegistry, 'vi', 2);
  const file = { name: 'mau-don-vi.xlsx', base64: (await draftToXlsx(draft)).toString('base64') };
  expect(await definitionTextOfFile(file)).toBe(tthc);
});

test('a workbook carrying none is refused, naming the file', async () => {
  const draft = { sheets: [{ name: 'Trang 1', rows: [[{ text: 'x' }]] }] };
  const file = { name: 'trống.xlsx', base64: (await draftToXlsx(draft)).toString('base64') };
  await expect(definitionTextOfFile(file)).rejects.toThrow(
    'Tệp trống.xlsx không mang mẫu báo cáo nào (không có trang _soat_mau). / trống.xlsx carries no report definition (no _soat_mau sheet).',
  );
});
