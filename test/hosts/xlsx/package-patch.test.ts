import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { patchPackage } from '../../../src/hosts/xlsx/package/patch';
import { UnpatchableCellError } from '../../../src/hosts/xlsx/package/unpatchable';
import { cellsOf, malformedParts, packageFaults, partsOf, styleLists } from '../../support/package-parts';

/** The package patch on small workbooks: what it writes into a cell, a format, a note. */

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('PL2'));
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

const noRecord = { fills: {} };
const change = (edits: Partial<Parameters<typeof patchPackage>[1][number]['edits'][number]>) => [
  { edits: [{ sheet: 'PL2', fills: [], notes: [], writes: [], ...edits }], record: noRecord },
];

async function replaceSheet(bytes: Uint8Array, from: string, to: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', xml.replace(from, to));
  return zip.generateAsync({ type: 'uint8array' });
}

test('text that looks like a formula is written as text whose format carries quotePrefix', async () => {
  const input = await workbook((s) => (s.getCell('A1').value = 'x'));
  const out = await partsOf(
    await patchPackage(
      input,
      change({
        writes: [
          { cell: 'B1', value: '=1+1' },
          { cell: 'C1', value: 'Sở' },
        ],
      }),
    ),
  );
  const cells = cellsOf(out.get('xl/worksheets/sheet1.xml')!);
  expect(cells.get('C1')).toBe('<c r="C1" t="inlineStr"><is><t xml:space="preserve">Sở</t></is></c>');
  const quoted = /^<c r="B1" s="(\d+)" t="inlineStr"><is><t xml:space="preserve">=1\+1<\/t><\/is><\/c>$/.exec(
    cells.get('B1')!,
  );
  expect(quoted).not.toBeNull();
  const xf = styleLists(out.get('xl/styles.xml')!)['cellXfs']!.entries[Number(quoted![1])]!;
  expect(xf).toMatch(/ quotePrefix="1"/);
  expect(packageFaults(out)).toEqual([]);
});

test('control characters in written text are escaped as _xHHHH_, and a literal _x0041_ keeps its underscore', async () => {
  const input = await workbook((s) => (s.getCell('A1').value = 'x'));
  const out = await partsOf(
    await patchPackage(input, change({ writes: [{ cell: 'A2', value: 'a\u001bb\rc_x0041_' }] })),
  );
  expect(cellsOf(out.get('xl/worksheets/sheet1.xml')!).get('A2')).toBe(
    '<c r="A2" t="inlineStr"><is><t xml:space="preserve">a_x001B_b_x000D_c_x005F_x0041_</t></is></c>',
  );
  expect(malformedParts(out)).toEqual([]);
});

test('a write into the first cell of a shared formula is refused before anything is written', async () => {
  const plain = await workbook((s) => {
    s.getCell('A1').value = 1;
    s.getCell('B1').value = 2;
  });
  const input = await replaceSheet(
    plain,
    '<c r="B1"><v>2</v></c>',
    '<c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c>',
  );
  await expect(patchPackage(input, change({ writes: [{ cell: 'B1', value: 5 }] }))).rejects.toThrow(
    new UnpatchableCellError('PL2', 'B1'),
  );
  await expect(patchPackage(input, change({ writes: [{ cell: 'B1', value: 5 }] }))).rejects.toThrow(
    'ô PL2!B1 là ô đầu của một công thức dùng chung; Soát không ghi vào đó để khỏi làm hỏng các ô dùng chung công thức, chưa ghi tệp nào / ' +
      'cell PL2!B1 starts a shared formula; Soát does not write into it, which would break the cells that share it; nothing was written',
  );
  // Painting it changes its format only, which breaks nothing.
  const painted = await partsOf(await patchPackage(input, change({ fills: [{ color: 'FFFFC7CE', cells: ['B1'] }] })));
  expect(cellsOf(painted.get('xl/worksheets/sheet1.xml')!).get('B1')).toMatch(
    /^<c r="B1" s="\d+"><f t="shared" ref="B1:B3" si="0">A1\*2<\/f><v>2<\/v><\/c>$/,
  );
});

test('a note on a sheet without notes adds a comments part, a drawing and their relationships, signed Soát', async () => {
  const input = await workbook((s) => (s.getCell('A1').value = 'x'));
  const noted = await patchPackage(
    input,
    change({ notes: [{ cell: 'C3', text: '— Soát —\n[Lỗi] thiếu số\n— hết Soát —' }] }),
  );
  const out = await partsOf(noted);
  expect(out.get('xl/comments1.xml')).toContain(
    '<authors><author>Soát</author></authors><commentList><comment ref="C3" authorId="0"><text><r><t xml:space="preserve">— Soát —\n[Lỗi] thiếu số\n— hết Soát —</t></r></text></comment></commentList>',
  );
  expect(out.get('xl/drawings/vmlDrawing1.vml')).toContain('<x:Row>2</x:Row><x:Column>2</x:Column>');
  expect(out.get('xl/worksheets/sheet1.xml')).toMatch(/<legacyDrawing r:id="rId\d+"\/><\/worksheet>$/);
  expect([malformedParts(out), packageFaults(out)]).toEqual([[], []]);
  // The note taken away again, the package holds the input's parts and no other.
  const cleared = await partsOf(await patchPackage(noted, change({ notes: [{ cell: 'C3', text: null }] })));
  const original = await partsOf(input);
  expect([...cleared.keys()]).toEqual([...original.keys()]);
  expect(cleared.get('xl/worksheets/sheet1.xml')).toBe(original.get('xl/worksheets/sheet1.xml'));
  expect(cleared.get('[Content_Types].xml')).toBe(original.get('[Content_Types].xml'));
});
