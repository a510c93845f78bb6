import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { declaredPartSizes, defaultLimits } from '../../../src/hosts/xlsx/limits';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import type { WorkbookReadError } from '../../../src/hosts/xlsx/errors';
import { declaringSize } from '../../support/zip';

async function small(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Phụ lục 2'));
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const reject = (promise: Promise<unknown>): Promise<WorkbookReadError> =>
  promise.then(
    () => {
      throw new Error('read where it should have been refused');
    },
    (error: unknown) => error as WorkbookReadError,
  );

describe('limits of what is read', () => {
  it('reads the sizes the central directory declares', async () => {
    const zip = new JSZip();
    zip.file('a.xml', 'x'.repeat(5000));
    zip.file('b/c.xml', 'y');
    const sizes = declaredPartSizes(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect([...sizes]).toEqual([
      ['a.xml', 5000],
      ['b/', 0],
      ['b/c.xml', 1],
    ]);
  });

  it('refuses a part declared larger than the limit before unpacking anything', async () => {
    const bytes = declaringSize(await small((s) => s.addRow([1])), 'xl/worksheets/sheet1.xml', 400 * 1024 * 1024);
    const error = await reject(readWorkbookBuffer(bytes, 'lon.xlsx'));
    expect([error.reason, error.message]).toEqual([
      'too-large',
      'lon.xlsx: Tệp vượt giới hạn Soát đọc được: phần "xl/worksheets/sheet1.xml" giải nén ra 400 MB, vượt giới hạn 100 MB. / ' +
        'The file is over the limits Soát reads: part "xl/worksheets/sheet1.xml" unpacks to 400 MB, over the limit of 100 MB.',
    ]);
  });

  it('refuses a sheet with more cells, or a cell with more characters, than the limits', async () => {
    const bytes = await small((s) => {
      s.addRow([1, 2, 3]);
      s.addRow(['x'.repeat(40)]);
    });
    const cells = await reject(readWorkbookBuffer(bytes, 'a.xlsx', { ...defaultLimits, cellsPerSheet: 3 }));
    expect(cells.en).toBe(
      'a.xlsx: The file is over the limits Soát reads: sheet "Phụ lục 2" has more than 3 cells with data.',
    );
    const text = await reject(readWorkbookBuffer(bytes, 'a.xlsx', { ...defaultLimits, charactersPerCell: 39 }));
    expect(text.vi).toBe('a.xlsx: Tệp vượt giới hạn Soát đọc được: ô Phụ lục 2!A2 dài 40 ký tự, vượt giới hạn 39.');
    expect(
      (await readWorkbookBuffer(bytes, 'a.xlsx', { ...defaultLimits, charactersPerCell: 40 })).snapshot.sheets,
    ).toHaveLength(1);
  });
});
