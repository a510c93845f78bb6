import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { WorkbookDraft } from '../../../src/core/merge/output';
import { draftToXlsx } from '../../../src/hosts/xlsx/draft';
import { nativeWriting } from '../../../src/hosts/xlsx/native-writing';
import { quoteFormulaLikeText } from '../../../src/hosts/xlsx/package/quote-prefix';
import { cellsOf, partsOf, styleLists } from '../../support/package-parts';

/** The command line's writing and the portable one give the same package, part for part. */

const draft: WorkbookDraft = {
  sheets: [
    {
      name: 'Dữ liệu',
      rows: [
        [{ text: 'Tên', bold: true, note: 'ở hàng 1: "ngoặc" & <thẻ>' }, { text: '=1+1' }],
        [
          { text: 'Sở A', note: 'ghi chú\nhai dòng' },
          { number: 56.5, fill: 'FFFFC7CE', note: " it's\u0007 " },
        ],
        [null, null, { text: 'C3', note: '— Soát —\n[Lỗi] x' }],
      ],
      charts: [
        {
          kind: 'bar',
          title: 'Tỷ lệ',
          categories: 'A2:A2',
          values: 'B2:B2',
          seriesName: 'Tỷ lệ',
          anchor: { cell: 'D2', columns: 4, rows: 8 },
        },
      ],
    },
    { name: 'Không ghi chú', rows: [[{ text: 'x' }]] },
    {
      name: "Tổng hợp & 'biểu' đồ",
      rows: [[{ text: 'một', note: 'chỉ một ghi chú' }]],
    },
    {
      name: 'Nhiều',
      rows: Array.from({ length: 30 }, (_, r) => [
        { number: r, note: `dòng ${r + 1}` },
        { text: 'y', note: 'cột B' },
      ]),
    },
  ],
};

/** The parts but the package's dates, which are the time of writing. */
async function timelessParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const parts = await partsOf(bytes);
  parts.set('docProps/core.xml', parts.get('docProps/core.xml')!.replace(/\d{4}-\d\d-\d\dT[\d:]+Z/g, 'T'));
  return parts;
}

test('the command line loads the very Workbook class of ExcelJS, by a shorter way', () => {
  expect(nativeWriting.Workbook).toBe(ExcelJS.Workbook);
});

test('Node’s zlib and the portable deflate write the same parts, checksums right, chart and note in', async () => {
  const native = await draftToXlsx(draft, nativeWriting);
  const portable = await draftToXlsx(draft);
  await JSZip.loadAsync(native, { checkCRC32: true });
  await JSZip.loadAsync(portable, { checkCRC32: true });
  const parts = await timelessParts(native);
  expect(parts).toEqual(await timelessParts(portable));
  expect([...parts.keys()]).toEqual(
    expect.arrayContaining(['xl/charts/chart1.xml', 'xl/comments1.xml', 'xl/comments3.xml', 'xl/comments4.xml']),
  );
  // The names in the same order: the parts are where ExcelJS put them.
  expect(Object.keys((await JSZip.loadAsync(native)).files).filter((n) => !n.endsWith('/'))).toEqual([
    ...Object.keys((await JSZip.loadAsync(portable)).files).filter((n) => !n.endsWith('/')),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(native as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Dữ liệu')!;
  expect([sheet.getCell('B1').value, sheet.getCell('A2').note, sheet.getCell('B2').value]).toEqual([
    '=1+1',
    'ghi chú\nhai dòng',
    56.5,
  ]);
  expect(workbook.getWorksheet('Nhiều')!.getCell('A30').note).toBe('dòng 30');
});

test('a text typed inline that looks like a formula is quoted even when no shared string does', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('A').getCell('A1').value = 'văn bản';
  const written = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const sheetPart = 'xl/worksheets/sheet1.xml';
  const xml = await written.file(sheetPart)!.async('string');
  const inline = '<c r="B1" t="inlineStr"><is><t>+84 123</t></is></c>';
  written.file(sheetPart, xml.replace('</row>', `${inline}</row>`));
  const quoted = await JSZip.loadAsync(await quoteFormulaLikeText(await written.generateAsync({ type: 'uint8array' })));
  const cells = cellsOf(await quoted.file(sheetPart)!.async('string'));
  const style = Number(/\ss="(\d+)"/.exec(cells.get('B1')!)?.[1]);
  const xfs = styleLists(await quoted.file('xl/styles.xml')!.async('string'))['cellXfs']!.entries;
  expect(xfs[style]).toContain('quotePrefix="1"');
  expect(cells.get('A1')).not.toContain(`s="${style}"`);
});
