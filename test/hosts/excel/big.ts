import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { seedFile, sheetOf } from '../xlsx/seed';

/**
 * Phụ lục 3 with `rows` data rows: the seed's header and its first ten rows (the first date
 * made invalid, so there is always a cell to colour), then clean continuation rows of the last
 * unit (blank STT and unit, a model and a date): a big sheet whose findings do not grow with it.
 */
export async function phuLuc3WithRows(rows: number): Promise<WorkbookSnapshot> {
  const { snapshot } = await readWorkbookBuffer(await seedFile('seed-report.xlsx'));
  const sheet = sheetOf(snapshot, 'Phụ lục 3');
  const firstData = sheet.values.findIndex((row) => row[0] === 1);
  const values: CellValue[][] = sheet.values.slice(0, firstData + Math.min(10, rows)).map((row) => [...row]);
  values[firstData]![3] = 'T13/2023';
  for (let i = values.length - firstData; i < rows; i++)
    values.push([null, null, `Hỗ trợ doanh nghiệp đợt ${i}`, 'T10/2022']);
  return { sheets: [{ name: 'Phụ lục 3', values, merges: sheet.merges ?? [] }] };
}
