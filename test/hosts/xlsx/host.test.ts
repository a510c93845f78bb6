import * as ExcelJS from 'exceljs';
import { recordSheetName } from '../../../src/core/annotate';
import type { EditPlan } from '../../../src/core/plan';
import { fillColors } from '../../../src/core/plan';
import { soatEndMarker, soatMarker } from '../../../src/core/report/annotation';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { loadWorkbookBuffer, readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { readWorkbookSnapshot } from '../../../src/hosts/xlsx/snapshot';
import { toBuffer } from '../../../src/hosts/xlsx/write';
import { seedFile, sheetOf } from './seed';

const red = fillColors.error;
const amber = fillColors.warning;
const rowTint = fillColors.row;
const yellow = 'FFFFFF00';
/** A colour from Excel's theme palette: no ARGB, yet Clear must give it back exactly. */
const themeFill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { theme: 5, tint: 0.7999816888943144 },
  bgColor: { indexed: 64 },
} as ExcelJS.Fill;
const humanD10 = 'Chị Lan: đơn vị ghi 1,5 — đã gọi hỏi lại';
const humanB7 = 'Công an gửi muộn 2 ngày';
const humanBlank = 'Ô này đơn vị để trống';

/** The consolidator's file before Soát: seed-report.xlsx with a reviewer's fills and notes. */
async function reviewedReport(): Promise<Buffer> {
  const workbook = await loadWorkbookBuffer(await seedFile('seed-report.xlsx'));
  const pl2 = workbook.getWorksheet('Phụ lục 2')!;
  // Loaded cells share style objects: `cell.fill = …` would paint every cell of the same style.
  const paint = (address: string, fill: ExcelJS.Fill): void => {
    const cell = pl2.getCell(address);
    cell.style = { ...cell.style, fill };
  };
  paint('D10', { type: 'pattern', pattern: 'solid', fgColor: { argb: yellow } });
  pl2.getCell('D10').note = humanD10;
  paint('K22', themeFill);
  pl2.getCell('B7').note = humanB7;
  pl2.getCell('D25').note = humanBlank; // UBND huyện Kiến Thụy left C and D blank
  return toBuffer(workbook);
}

/** Findings on Phụ lục 2 as the engine would plan them. */
const plan: EditPlan = {
  sheets: [
    {
      sheet: 'Phụ lục 2',
      fills: [
        { kind: 'row', color: rowTint, cells: ['A18', 'B18'] },
        { kind: 'error', color: red, cells: ['D10', 'K22', 'D16'] },
        { kind: 'warning', color: amber, cells: ['E18', 'D25'] },
      ],
      notes: [
        { cell: 'D10', text: 'Dấu phẩy thập phân: "1,5" đọc là 1.5.' },
        { cell: 'K22', text: '"86-99" là một khoảng, không phải một số.' },
        { cell: 'D16', text: '"2-3" là một khoảng, không phải một số.' },
        { cell: 'E18', text: 'F (4) lớn hơn E (1).' },
        { cell: 'D25', text: 'Thiếu số ngày trung bình.' },
      ],
      writes: [],
    },
  ],
};

async function annotated(bytes: Buffer): Promise<Buffer> {
  const workbook = await loadWorkbookBuffer(bytes);
  await new XlsxHost(workbook).applyPlan(plan);
  return toBuffer(workbook);
}

async function cleared(bytes: Buffer): Promise<Buffer> {
  const workbook = await loadWorkbookBuffer(bytes);
  await new XlsxHost(workbook).clear();
  return toBuffer(workbook);
}

/** Notes and exact fills (theme colours included), as Clear must leave them. */
async function marks(bytes: Buffer): Promise<WorkbookSnapshot> {
  return readWorkbookSnapshot(await loadWorkbookBuffer(bytes), undefined, { marksOnly: true, exactFills: true });
}

async function recordRows(bytes: Buffer): Promise<unknown[][]> {
  const sheet = (await loadWorkbookBuffer(bytes)).getWorksheet(recordSheetName);
  if (sheet === undefined) return [];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push([1, 2, 3].map((c) => row.getCell(c).value)));
  return rows;
}

let original: Buffer;
let first: Buffer;
beforeAll(async () => {
  original = await reviewedReport();
  first = await annotated(original);
});

describe('applyPlan', () => {
  test('paints the findings; the reviewer’s fills underneath are recorded', async () => {
    const pl2 = sheetOf((await readWorkbookBuffer(first)).snapshot, 'Phụ lục 2');
    expect(pl2.fills).toEqual({ A18: rowTint, B18: rowTint, D10: red, K22: red, D16: red, E18: amber, D25: amber });
  });

  test('adds Soát’s block after a human note and keeps other human notes as they were', async () => {
    const pl2 = sheetOf((await readWorkbookBuffer(first)).snapshot, 'Phụ lục 2');
    expect(pl2.notes).toEqual({
      B7: humanB7,
      D10: `${humanD10}\n\n${soatMarker}\nDấu phẩy thập phân: "1,5" đọc là 1.5.\n${soatEndMarker}`,
      K22: `${soatMarker}\n"86-99" là một khoảng, không phải một số.\n${soatEndMarker}`,
      D16: `${soatMarker}\n"2-3" là một khoảng, không phải một số.\n${soatEndMarker}`,
      E18: `${soatMarker}\nF (4) lớn hơn E (1).\n${soatEndMarker}`,
      D25: `${humanBlank}\n\n${soatMarker}\nThiếu số ngày trung bình.\n${soatEndMarker}`,
    });
  });

  test('keeps the record in a very hidden "_soat" sheet that the snapshot leaves out', async () => {
    const { workbook, snapshot } = await readWorkbookBuffer(first);
    expect(workbook.getWorksheet(recordSheetName)?.state).toBe('veryHidden');
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3']);
    const theme = `json:${JSON.stringify((await loadWorkbookBuffer(original)).getWorksheet('Phụ lục 2')!.getCell('K22').fill)}`;
    expect(await recordRows(first)).toEqual([
      ['Phụ lục 2', 'A18', null],
      ['Phụ lục 2', 'B18', null],
      ['Phụ lục 2', 'D10', yellow],
      ['Phụ lục 2', 'K22', theme],
      ['Phụ lục 2', 'D16', null],
      ['Phụ lục 2', 'E18', null],
      ['Phụ lục 2', 'D25', null],
    ]);
  });

  test('never changes a value', async () => {
    const before = (await readWorkbookBuffer(original)).snapshot;
    const after = (await readWorkbookBuffer(first)).snapshot;
    expect(after.sheets.map((s) => s.values)).toEqual(before.sheets.map((s) => s.values));
  });

  test('run again on the saved file: the same notes, not duplicated, the same fills and record', async () => {
    const second = await annotated(first);
    expect(await marks(second)).toEqual(await marks(first));
    expect(await recordRows(second)).toEqual(await recordRows(first));
  });
});

describe('clear', () => {
  test('restores every original fill exactly, theme colour included, and keeps human notes', async () => {
    const back = await cleared(await annotated(first));
    expect(await marks(back)).toEqual(await marks(original));
    const k22 = (await loadWorkbookBuffer(back)).getWorksheet('Phụ lục 2')!.getCell('K22');
    expect(k22.fill).toEqual(themeFill);
  });

  test('gives back the whole snapshot and removes the record sheet', async () => {
    const back = await cleared(first);
    const { workbook, snapshot } = await readWorkbookBuffer(back);
    expect(snapshot).toEqual((await readWorkbookBuffer(original)).snapshot);
    expect(workbook.getWorksheet(recordSheetName)).toBeUndefined();
  });

  test('readSnapshot of the host shows the same as a fresh read', async () => {
    const workbook = await loadWorkbookBuffer(first);
    expect(await new XlsxHost(workbook, 'x.xlsx').readSnapshot()).toEqual(
      (await readWorkbookBuffer(first, 'x.xlsx')).snapshot,
    );
  });
});

describe('writes', () => {
  const writes: EditPlan = {
    sheets: [
      {
        sheet: 'Phụ lục 2',
        fills: [],
        notes: [],
        writes: [
          { cell: 'B40', value: '=1+1' },
          { cell: 'C40', value: '+84 912 345 678' },
          { cell: 'D40', value: '-' },
          { cell: 'E40', value: '@Sở Du lịch' },
          { cell: 'F40', formula: 'SUM(C6:C8)' },
          { cell: 'G40', value: 12.5, numberFormat: '0.00' },
          { cell: 'C6', value: null },
        ],
      },
    ],
  };

  test('a string is written as a string, a formula as a formula, with its number format', async () => {
    const workbook = await loadWorkbookBuffer(original);
    await new XlsxHost(workbook).applyPlan(writes);
    const cell = workbook.getWorksheet('Phụ lục 2')!.getCell('B40');
    expect(cell.type).toBe(ExcelJS.ValueType.String);

    const pl2 = sheetOf((await readWorkbookBuffer(await toBuffer(workbook))).snapshot, 'Phụ lục 2');
    // The formula is written with its result, computed after C6 (66) was emptied: C7 + C8 = 10.
    expect(pl2.values[39]).toEqual([null, '=1+1', '+84 912 345 678', '-', '@Sở Du lịch', 10, 12.5]);
    expect(pl2.formulas?.[39]).toEqual([undefined, undefined, undefined, undefined, undefined, 'SUM(C6:C8)']);
    expect(pl2.numberFormats?.[39]?.[6]).toBe('0.00');
    expect(pl2.values[5]?.slice(0, 3)).toEqual([1, 'Sở Kế hoạch và Đầu tư', null]);
    expect(workbook.calcProperties.fullCalcOnLoad).toBe(true);
  });
});

test('a note on an empty cell of a file from Excel or LibreOffice survives a save and a re-read', async () => {
  // ExcelJS writes no <c> element for a note-only cell, as Excel and LibreOffice do.
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('S').getCell('C3').note = 'chưa điền';
  const once = await toBuffer(workbook);
  const twice = await toBuffer(await loadWorkbookBuffer(once));
  expect((await readWorkbookBuffer(twice)).snapshot.sheets[0]!.notes).toEqual({ C3: 'chưa điền' });
});
