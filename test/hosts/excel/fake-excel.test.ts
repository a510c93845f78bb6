import { FakeExcel, FakeOfficeError, WorkbookModel } from '../../support/fake-excel';
import type { FakeRequestContext } from '../../support/fake-excel';

/** The fake keeps the Office.js rules a host can get wrong: if it did not, host tests would prove little. */
function excel(): FakeExcel {
  return new FakeExcel(
    WorkbookModel.fromSnapshot({
      sheets: [
        {
          name: 'S',
          values: [
            [1, 2],
            ['a', null],
          ],
        },
      ],
    }),
  );
}

describe('the fake Excel', () => {
  test('a property throws until it is loaded and synced; writes land only at sync', async () => {
    const fake = excel();
    await fake.run({}, async (context: FakeRequestContext) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:B1').load('values');
      expect(() => range.values).toThrow(/not available/);
      context.workbook.worksheets.getItem('S').getRange('B2').values = [[5]];
      expect(fake.values('S')['B2']).toBeUndefined();
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
      expect(fake.values('S')['B2']).toBe(5);
    });
    expect(fake.counters.syncs).toBe(1);
  });

  test('a missing sheet fails the sync with ItemNotFound; a null object says so', async () => {
    const fake = excel();
    await fake.run({}, async (context: FakeRequestContext) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('X').load('name');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      context.workbook.worksheets.getItem('X').getRange('A1').values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  test('getRanges over 400 areas and requests over 5 MB are refused', async () => {
    const fake = excel();
    await fake.run({}, async (context: FakeRequestContext) => {
      const areas = Array.from({ length: 401 }, (_, i) => `A${2 * i + 1}`).join(',');
      context.workbook.worksheets.getItem('S').getRanges(areas).format.fill.color = '#FF0000';
      await expect(context.sync()).rejects.toBeInstanceOf(FakeOfficeError);
      context.workbook.worksheets.getItem('S').getRange('A1').values = [['x'.repeat(6_000_000)]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
  });

  test('text starting with "=" becomes a formula unless the cell is formatted as text, as in Excel', async () => {
    const fake = excel();
    await fake.run({}, async (context: FakeRequestContext) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('C1').values = [['=A1']];
      const c2 = sheet.getRange('C2');
      c2.numberFormat = [['@']];
      c2.values = [['=A1']];
      await context.sync();
    });
    expect(fake.book.sheet('S')!.cell(1, 3)!.formula).toBe('=A1');
    expect(fake.book.sheet('S')!.cell(2, 3)!.value).toBe('=A1');
  });
});
