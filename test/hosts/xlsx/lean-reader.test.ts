import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { readSnapshotBuffer } from '../../../src/hosts/xlsx/lean/read';
import { seedWorkbooks } from './seed';

/** The lean reader gives, cell for cell, the snapshot the ExcelJS reader gives. */

async function both(bytes: Buffer, name: string) {
  const viaExcelJs = (await readWorkbookBuffer(bytes, name)).snapshot;
  const lean = readSnapshotBuffer(bytes, name);
  return { viaExcelJs, lean };
}

test('every generated seed workbook', async () => {
  for (const [name, bytes] of await seedWorkbooks()) {
    const { viaExcelJs, lean } = await both(bytes, name);
    expect([name, lean]).toEqual([name, viaExcelJs]);
    expect([name, JSON.stringify(lean)]).toEqual([name, JSON.stringify(viaExcelJs)]);
  }
});
