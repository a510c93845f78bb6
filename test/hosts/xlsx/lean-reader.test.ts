import fc from 'fast-check';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { WorkbookReadError } from '../../../src/hosts/xlsx/errors';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { readSnapshotBuffer } from '../../../src/hosts/xlsx/lean/read';
import { defaultLimits } from '../../../src/hosts/xlsx/limits';
import type { ReadLimits } from '../../../src/hosts/xlsx/limits';
import { declaringSize } from '../../support/zip';
import { seedWorkbooks } from './seed';

/** The lean reader gives, cell for cell, the snapshot (or the refusal) the ExcelJS reader gives. */

type Outcome = { snapshot: WorkbookSnapshot } | { error: [string, string] };

async function viaExcelJs(bytes: Buffer, name?: string, limits?: ReadLimits): Promise<Outcome> {
  try {
    return { snapshot: (await readWorkbookBuffer(bytes, name, limits)).snapshot };
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    return { error: [error.reason, error.message] };
  }
}

function viaLean(bytes: Buffer, name?: string, limits?: ReadLimits): Outcome {
  try {
    return { snapshot: readSnapshotBuffer(bytes, name, limits) };
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    return { error: [error.reason, error.message] };
  }
}

/** Same outcome, and the same JSON (key order included) when both read the file. */
async function expectSame(bytes: Buffer, name?: string, limits?: ReadLimits): Promise<Outcome> {
  const expected = await viaExcelJs(bytes, name, limits);
  const lean = viaLean(bytes, name, limits);
  expect(lean).toEqual(expected);
  expect(JSON.stringify(lean)).toBe(JSON.stringify(expected));
  return lean;
}

async function written(fill: (workbook: ExcelJS.Workbook) => void, sharedStrings = true): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return Buffer.from((await workbook.xlsx.writeBuffer({ useSharedStrings: sharedStrings })) as ArrayBuffer);
}

/** A package whose parts are given as text, for what ExcelJS does not write itself. */
async function handWritten(sheetXml: string, extra: Record<string, string> = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    'xl/workbook.xml',
    '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      (extra['workbookPr'] ?? '') +
      '<sheets><sheet name="Phụ lục 2" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  for (const [path, text] of Object.entries(extra)) if (path.includes('/')) zip.file(path, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const styles =
  '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="ffffc7ce"/></patternFill></fill></fills>' +
  '<cellXfs count="4"><xf numFmtId="0" fillId="0"/><xf numFmtId="164" fillId="0"/><xf numFmtId="9" fillId="2"/><xf numFmtId="0" fillId="2"/></cellXfs></styleSheet>';

test('every generated seed workbook', async () => {
  for (const [name, bytes] of await seedWorkbooks()) await expectSame(bytes, name);
});

test('every kind of cell, written with shared strings and inline', async () => {
  const fill = (workbook: ExcelJS.Workbook): void => {
    const sheet = workbook.addWorksheet('Kinds');
    sheet.getCell('A1').value = 66;
    sheet.getCell('B1').value = 'Sở Du lịch & <Tư pháp> "x" _x0041_ \u0001';
    sheet.getCell('C1').value = true;
    sheet.getCell('D1').value = new Date(Date.UTC(2023, 2, 18));
    sheet.getCell('D1').numFmt = 'dd/mm/yyyy';
    sheet.getCell('E1').value = { formula: 'A1*2', result: 132 };
    sheet.getCell('F1').value = { error: '#DIV/0!' };
    sheet.getCell('G1').value = { richText: [{ text: 'Sở ' }, { text: 'Tư pháp', font: { bold: true } }] };
    sheet.getCell('H1').value = { text: 'Cổng DVC', hyperlink: 'https://dichvucong.gov.vn' };
    sheet.getCell('I1').value = { formula: 'A1/0', result: { error: '#DIV/0!' } };
    sheet.getCell('J1').value = { formula: 'A1+1' };
    sheet.getCell('K1').value = { formula: 'IF(A1>1,"lớn","nhỏ")', result: 'lớn & <b>' };
    sheet.getCell('L1').value = { formula: 'A1>1', result: true };
    sheet.getCell('M1').value = { formula: 'J1*2' };
    sheet.getCell('A2').value = 1;
    sheet.getCell('A3').value = 2;
    sheet.getCell('B2').value = {
      formula: 'A2*2',
      result: 2,
      shareType: 'shared',
      ref: 'B2:B3',
    } as ExcelJS.CellFormulaValue;
    sheet.getCell('B3').value = { sharedFormula: 'B2', result: 4 };
    sheet.getCell('C4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'ffffc7ce' } };
    sheet.getCell('C4').note = 'ghi chú trên ô trống';
    sheet.getCell('E5').value = 0.56;
    sheet.getCell('E5').numFmt = '0%';
    sheet.getCell('D5').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 5, tint: 0.6 } } as ExcelJS.Fill;
    sheet.getCell('F5').fill = { type: 'pattern', pattern: 'darkGrid', fgColor: { argb: 'FF00FF00' } };
    sheet.getCell('A5').note = { texts: [{ text: 'Soát ' }, { text: 'đậm', font: { bold: true } }] };
    sheet.getCell('A6').value = 'Gộp';
    sheet.mergeCells('A6:C7');
    sheet.getCell('D8').value = 1e20;
    sheet.getCell('D8').numFmt = 'dd/mm/yyyy';
    sheet.getCell('E8').value = { formula: '1/0', result: { error: '#VALUE!' } };
    sheet.getCell('E8').numFmt = 'dd/mm/yyyy';
    const second = workbook.addWorksheet('Phụ lục 3');
    second.getCell('B2').value = 'x'.repeat(300);
    second.getCell('Z30').numFmt = '#,##0';
    const hidden = workbook.addWorksheet('_soat', { state: 'veryHidden' });
    hidden.addRow(['Kinds', 'C4', '']);
  };
  const shared = await expectSame(await written(fill), 'kinds.xlsx');
  await expectSame(await written(fill, false), 'kinds.xlsx');
  // Not vacuous: the snapshot holds what the sheet holds.
  expect('snapshot' in shared && shared.snapshot.sheets.map((s) => s.name)).toEqual(['Kinds', 'Phụ lục 3']);
});

test('parts Excel writes and ExcelJS does not: inline rich text, escapes, notes on unlisted cells, 1904 dates', async () => {
  const sheet =
    '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><cols><col min="4" max="4" style="2"/></cols><sheetData>' +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>dòng&#10;hai_x000D_</t></is></c>' +
    '<c r="B1" t="inlineStr"><is><r><t>a_x0042_</t></r><r><rPr><b/></rPr><t xml:space="preserve"> c</t></r></is></c>' +
    '<c r="C1" s="1"><v>45000</v></c><c r="D1" t="str"><f>"a"&amp;"b"</f><v>a&amp;amp;b</v></c>' +
    '<c r="E1" t="s"><v>0</v></c><c r="F1" t="s"><v>1</v></c><c r="G1" t="s"><v>2</v></c></row>' +
    '<row r="3" s="3" customFormat="1"><c r="A3"><f>A5+1</f></c><c r="B3" s="2"/><c r="C3"/><c t="e"><v>#N/A</v></c></row>' +
    '<row r="5"><c r="A5"><v>2</v></c><c r="B5" t="b"><v>1</v></c><c r="C5"><f t="shared" ref="C5:C6" si="0">A5*$A$5</f><v>4</v></c></row>' +
    '<row r="6"><c r="C6"><f t="shared" si="0"/><v>8</v></c><c r="D6"><f>C6+C5</f></c></row>' +
    '</sheetData><mergeCells count="1"><mergeCell ref="D3:E4"/></mergeCells>' +
    '<hyperlinks><hyperlink ref="D6" r:id="rId2"/></hyperlinks></worksheet>';
  const strings =
    '<sst><si><t>chia sẻ_x0009_</t></si><si><r><t>Sở </t></r><r><t>Tư pháp</t></r></si><si><t>x</t><rPh><t>phonetic</t></rPh></si></sst>';
  const comments =
    '<comments><authors><author>Lan</author></authors><commentList>' +
    '<comment ref="H9" authorId="0"><text><r><rPr><b/></rPr><t>Lan:</t></r><r><t xml:space="preserve">\nxem lại_x000A_</t></r></text></comment>' +
    '<comment ref="C3" authorId="0"><text><r><t>mất</t></r></text></comment>' +
    '<comment ref="A5" authorId="0"><text><t>không có run</t></text></comment></commentList></comments>';
  const rels =
    '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>' +
    '<Relationship Id="rId2" Type="hyperlink" Target="https://example.vn" TargetMode="External"/></Relationships>';
  const parts = {
    'xl/sharedStrings.xml': strings,
    'xl/styles.xml': styles,
    'xl/comments1.xml': comments,
    'xl/worksheets/_rels/sheet1.xml.rels': rels,
  };
  const read = await expectSame(await handWritten(sheet, parts), 'excel.xlsx');
  await expectSame(await handWritten(sheet, { ...parts, workbookPr: '<workbookPr date1904="1"/>' }), 'excel.xlsx');
  expect('snapshot' in read && read.snapshot.sheets[0]!.notes).toEqual({ A5: '', H9: 'Lan:\nxem lại\n' });
});

test('hostile and broken packages: the same refusal', async () => {
  const good = await written((w) => w.addWorksheet('Phụ lục 2').addRow([1, 2, 3, 'x'.repeat(40)]));
  await expectSame(Buffer.alloc(0), 'rong.xlsx');
  await expectSame(Buffer.from('not a zip at all'), 'a.xlsx');
  await expectSame(good.subarray(0, good.length - 30), 'cut.xlsx');
  await expectSame(declaringSize(good, 'xl/worksheets/sheet1.xml', 400 * 1024 * 1024), 'lon.xlsx');
  await expectSame(good, 'a.xlsx', { ...defaultLimits, cellsPerSheet: 3 });
  await expectSame(good, 'a.xlsx', { ...defaultLimits, charactersPerCell: 39 });
  await expectSame(good, 'a.xlsx', { ...defaultLimits, charactersPerCell: 40 });
  const broken = (xml: string) => handWritten(xml, { 'xl/styles.xml': styles });
  await expectSame(await broken('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'), 'open.xlsx');
  await expectSame(await broken('<worksheet><sheetData><row r="1"><c r="A1"><v>1</c></row></sheetData></worksheet>'));
  await expectSame(
    await broken('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>'),
  );
  await expectSame(
    await broken(
      '<worksheet><sheetData/><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells></worksheet>',
    ),
  );
});

test('a zip bomb stops at the part limit, whatever its directory declares', async () => {
  const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`);
  const bomb = await handWritten(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`);
  const lying = declaringSize(bomb, 'xl/worksheets/sheet1.xml', 100);
  const limits = { ...defaultLimits, partBytes: 50_000 };
  expect(viaLean(lying, 'bom.xlsx', limits)).toEqual({
    error: [
      'too-large',
      'bom.xlsx: Tệp vượt giới hạn Soát đọc được: phần "xl/worksheets/sheet1.xml" giải nén ra hơn 1 MB, vượt giới hạn 1 MB. / ' +
        'The file is over the limits Soát reads: part "xl/worksheets/sheet1.xml" unpacks to more than 1 MB, over the limit of 1 MB.',
    ],
  });
});

const text = fc
  .array(fc.constantFrom('a', 'Sở', ' ', '\t', '\n', '&', '<', '"', '_x0041_', '=', '1,5', '\u202e', 'đ'), {
    maxLength: 6,
  })
  .map((parts) => parts.join(''));
const cellValue = fc.oneof(
  fc.integer({ min: -5, max: 200 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  text,
  fc.boolean(),
  fc.constantFrom('#VALUE!', '#REF!', '#N/A', '#NAME?').map((error) => ({ error })),
  fc.constantFrom(45000, 1e20, -5).map((serial) => ({ date: serial })),
  fc.record({
    formula: fc.constantFrom('A1+1', 'B2*2', 'SUM(A1:C3)', '1/0'),
    result: fc.option(fc.integer(), { nil: undefined }),
  }),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((runs) => ({ richText: runs.map((t) => ({ text: t })) })),
  text.map((t) => ({ text: t, hyperlink: 'https://example.vn' })),
  fc.constant(null),
);
const cellShape = fc.record({
  row: fc.integer({ min: 1, max: 8 }),
  col: fc.integer({ min: 1, max: 6 }),
  value: cellValue,
  numFmt: fc.option(fc.constantFrom('0%', 'dd/mm/yyyy', '#,##0', 'General', '[h]:mm'), { nil: undefined }),
  fill: fc.option(fc.constantFrom('FFFFC7CE', 'ffffeb9c', 'theme', 'pattern'), { nil: undefined }),
  note: fc.option(fc.oneof(text, fc.array(text, { minLength: 2, maxLength: 3 })), { nil: undefined }),
});
const bookShape = fc.record({
  sheets: fc.array(fc.array(cellShape, { maxLength: 14 }), { minLength: 1, maxLength: 3 }),
  merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }), fc.nat(2), fc.nat(2)), {
    maxLength: 3,
  }),
  sharedStrings: fc.boolean(),
});

test('fast-check: any workbook ExcelJS writes reads the same through both readers', async () => {
  await fc.assert(
    fc.asyncProperty(bookShape, async (shape) => {
      const bytes = await written((workbook) => {
        shape.sheets.forEach((cells, i) => {
          const sheet = workbook.addWorksheet(`Trang ${i + 1}`);
          for (const c of cells) {
            const cell = sheet.getCell(c.row, c.col);
            const v = c.value as unknown;
            if (v !== null && typeof v === 'object' && 'date' in v) {
              cell.value = (v as { date: number }).date;
              cell.numFmt = 'dd/mm/yyyy';
            } else cell.value = v as ExcelJS.CellValue;
            if (c.numFmt !== undefined) cell.numFmt = c.numFmt;
            if (c.fill === 'theme') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4 } };
            else if (c.fill === 'pattern')
              cell.fill = { type: 'pattern', pattern: 'lightGray', fgColor: { argb: 'FF000000' } };
            else if (c.fill !== undefined) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.fill } };
            if (typeof c.note === 'string') cell.note = c.note;
            else if (c.note !== undefined) cell.note = { texts: c.note.map((t) => ({ text: t })) };
          }
          for (const [top, left, height, width] of shape.merges) {
            try {
              sheet.mergeCells(top, left, top + height, left + width);
            } catch {
              // overlapping areas: ExcelJS refuses the second, as Excel would
            }
          }
        });
      }, shape.sharedStrings);
      await expectSame(bytes, 'gen.xlsx');
    }),
    { numRuns: 150 },
  );
}, 120_000);
