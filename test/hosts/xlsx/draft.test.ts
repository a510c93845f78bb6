import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { WorkbookDraft } from '../../../src/core/merge/output';
import { draftToXlsx } from '../../../src/hosts/xlsx/draft';
import { cellsOf, styleLists } from '../../support/package-parts';

/** The .xlsx writer of drafts: cells, looks and the native chart, checked in the bytes. */

const draft: WorkbookDraft = {
  sheets: [
    {
      name: 'Dữ liệu',
      rows: [
        [
          { text: 'Tên', bold: true, border: true },
          { text: 'Tỷ lệ', bold: true },
        ],
        [{ text: '=SUM(A1:A9)' }, { number: 56.5, numberFormat: '0.0', fill: 'FFFFC7CE', note: 'ghi chú' }],
        [{ text: '+84 123' }, { formula: 'B2*2', result: 113 }],
        [null, { formula: 'IF(B2>0,"","")', result: '' }],
      ],
      merges: ['A5:B5'],
      columnWidths: [20, 10],
      frozenRows: 1,
      validations: [{ range: 'B2:B9', kind: 'decimal', min: 0, max: 100, message: 'từ 0 đến 100' }],
    },
    {
      name: "Tổng hợp & 'biểu' đồ",
      rows: [
        [{ text: 'Đơn vị' }, { text: '%' }],
        [{ text: 'Sở A' }, { formula: "'Dữ liệu'!B2", result: 56.5 }],
        [{ text: 'Sở <B>' }, null],
        [{ text: 'Sở C' }, { number: 100 }],
      ],
      charts: [
        {
          kind: 'bar',
          title: 'Tỷ lệ toàn trình',
          categories: 'A2:A4',
          values: 'B2:B4',
          seriesName: 'Tỷ lệ (%)',
          valueAxis: { min: 0, max: 100 },
          anchor: { cell: 'D2', columns: 8, rows: 15 },
        },
      ],
    },
  ],
};

let bytes: Buffer;
let zip: JSZip;
const part = (path: string): Promise<string> => zip.file(path)!.async('string');

beforeAll(async () => {
  bytes = await draftToXlsx(draft);
  zip = await JSZip.loadAsync(bytes);
});

test('cells come back as written: text as text, numbers, formulas with their results, looks', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Dữ liệu')!;
  expect(['A2', 'A3'].map((a) => [sheet.getCell(a).type, sheet.getCell(a).value])).toEqual([
    [ExcelJS.ValueType.String, '=SUM(A1:A9)'],
    [ExcelJS.ValueType.String, '+84 123'],
  ]);
  expect(sheet.getCell('B3').value).toEqual({ formula: 'B2*2', result: 113 });
  const b2 = sheet.getCell('B2');
  expect([b2.value, b2.numFmt, b2.fill, b2.note]).toEqual([
    56.5,
    '0.0',
    { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
    'ghi chú',
  ]);
  expect(sheet.getCell('A1').font?.bold).toBe(true);
  expect(sheet.model.merges).toEqual(['A5:B5']);
  expect([sheet.getColumn(1).width, sheet.views[0]]).toEqual([
    20,
    expect.objectContaining({ state: 'frozen', ySplit: 1 }),
  ]);
  const xml = await part('xl/worksheets/sheet1.xml');
  expect(xml).toMatch(/<c r="A2"[^>]* t="s"><v>\d+<\/v><\/c>/);
  // "between" is the default operator, so it is not written.
  expect(xml).toMatch(
    /<dataValidation type="decimal" allowBlank="1"[^>]* sqref="B2:B9"><formula1>0<\/formula1><formula2>100<\/formula2>/,
  );
});

test('the chart: a bar chart part whose series read the sheet, with cached values', async () => {
  const chart = await part('xl/charts/chart1.xml');
  expect(chart).toContain('<c:barChart><c:barDir val="bar"/>');
  expect(chart).toContain("<c:f>'Tổng hợp &amp; ''biểu'' đồ'!$A$2:$A$4</c:f>");
  expect(chart).toContain("<c:f>'Tổng hợp &amp; ''biểu'' đồ'!$B$2:$B$4</c:f>");
  expect(chart).toContain('<c:pt idx="1"><c:v>Sở &lt;B&gt;</c:v></c:pt>');
  // The blank value has no point: a gap, not a zero.
  expect(chart).toContain(
    '<c:ptCount val="3"/><c:pt idx="0"><c:v>56.5</c:v></c:pt><c:pt idx="2"><c:v>100</c:v></c:pt>',
  );
  expect(chart).toContain('<c:max val="100"/><c:min val="0"/>');
});

test('the chart is wired in: drawing, relationships, the sheet’s <drawing> and the content types', async () => {
  const drawing = await part('xl/drawings/drawing1.xml');
  expect(drawing).toContain('<xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>');
  expect(drawing).toContain('<xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row>');
  expect(await part('xl/drawings/_rels/drawing1.xml.rels')).toContain('Target="../charts/chart1.xml"');
  const rels = await part('xl/worksheets/_rels/sheet2.xml.rels');
  const id = /Id="(rId\d+)" Type="[^"]*\/drawing" Target="..\/drawings\/drawing1.xml"/.exec(rels)?.[1];
  expect(id).toBeDefined();
  expect(await part('xl/worksheets/sheet2.xml')).toMatch(new RegExp(`<drawing r:id="${id}"/></worksheet>$`));
  const types = await part('[Content_Types].xml');
  expect(types).toContain(
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
  );
  expect(types).toContain(
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
  );
});

test('a sheet with notes keeps them: the drawing goes before the notes’ legacy drawing', async () => {
  const withNotes: WorkbookDraft = {
    sheets: [
      { ...draft.sheets[1]!, rows: [[{ text: 'Đơn vị', note: 'một ghi chú' }], ...draft.sheets[1]!.rows.slice(1)] },
    ],
  };
  const written = await JSZip.loadAsync(await draftToXlsx(withNotes));
  const xml = await written.file('xl/worksheets/sheet1.xml')!.async('string');
  expect(xml).toMatch(/<drawing r:id="rId\d+"\/><legacyDrawing r:id="rId\d+"\/>/);
  const rels = await written.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string');
  expect(new Set(rels.match(/Id="rId\d+"/g)).size).toBe(3); // comments, vml, drawing: no clash
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await written.generateAsync({ type: 'nodebuffer' })) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets[0]!.getCell('A1').note).toBe('một ghi chú');
});

test('text that looks like a formula carries quotePrefix in its format; other text does not', async () => {
  const zip = await JSZip.loadAsync(bytes);
  const styles = styleLists(await zip.file('xl/styles.xml')!.async('string'));
  const xfs = styles['cellXfs']!.entries;
  const cells = cellsOf(await zip.file('xl/worksheets/sheet1.xml')!.async('string'));
  const quoted = (address: string): boolean => {
    const s = Number(/\ss="(\d+)"/.exec(cells.get(address)!)?.[1] ?? 0);
    return / quotePrefix="1"/.test(xfs[s]!);
  };
  expect(['A1', 'A2', 'A3', 'B2'].map(quoted)).toEqual([false, true, true, false]);
  expect(styles['cellXfs']!.count).toBe(xfs.length);
});
