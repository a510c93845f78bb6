import ExcelJS from 'exceljs';
import { checkBytes, confirmBytes, unconfirmBytes, writeValueBytes } from '../../../src/hosts/xlsx/commands';
import { changedParts, malformedParts, packageFaults, partsOf } from '../../support/package-parts';

/**
 * A reviewer's confirmation written into the input package: the line is a run of its own in the
 * note, the human's rich runs and Soát's block stay as they are, every other part is the input's.
 */

const block = '— Soát —\n[Lỗi] Tỷ lệ không khớp\n— hết Soát —';

/** A workbook whose C3 holds 39.32 and a note: two formatted runs of a human, then Soát's block. */
async function annotatedWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('PL2');
  sheet.getCell('A1').value = 'Chỉ tiêu';
  sheet.getCell('C3').value = 39.32;
  sheet.getCell('C3').note = {
    texts: [
      { font: { bold: true, size: 9, name: 'Tahoma' }, text: 'Chị Lan: ' },
      { font: { italic: true, size: 9, name: 'Tahoma' }, text: 'số đã đối chiếu.' },
      { font: { size: 9, name: 'Tahoma' }, text: `\n\n${block}` },
    ],
  };
  book.addWorksheet('PL3').getCell('B2').value = 7;
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

const finding = { sheet: 'PL2', cell: 'C3', rule: 'percent-mismatch' };
const runsOf = (comments: string): string[] => comments.match(/<r>[\s\S]*?<\/r>/g) ?? [];

test('a confirmation is added to a rich note as a run of its own before Soát’s block, and removed again to the input’s bytes', async () => {
  const input = await annotatedWorkbook();
  const before = await partsOf(input);
  const commentsPart = [...before.keys()].find((name) => /^xl\/comments\d*\.xml$/.test(name))!;
  const humanRuns = runsOf(before.get(commentsPart)!).slice(0, 2);

  const confirmed = await confirmBytes(input, 'a.xlsx', finding, 'Số đúng theo biên bản', 'vi');
  const after = await partsOf(confirmed);
  // Only the comments part changes: the sheets, drawings, styles and relationships are the input's.
  expect(changedParts(before, after)).toEqual([commentsPart]);
  expect([malformedParts(after), packageFaults(after)]).toEqual([[], []]);
  const runs = runsOf(after.get(commentsPart)!);
  expect(runs.slice(0, 2)).toEqual(humanRuns);
  expect(runs[2]).toMatch(
    /<t xml:space="preserve">\nSoát: xác nhận percent-mismatch = 39,32 — Số đúng theo biên bản<\/t><\/r>$/,
  );
  expect(runs[3]).toContain(`— Soát —`);
  // The lean reader, as Validate reads it, sees the line in the note's human part.
  const note = checkBytes(confirmed, 'a.xlsx', {}).snapshot.sheets[0]!.notes!['C3'];
  expect(note).toBe(
    `Chị Lan: số đã đối chiếu.\nSoát: xác nhận percent-mismatch = 39,32 — Số đúng theo biên bản\n\n${block}`,
  );

  const unconfirmed = await partsOf(await unconfirmBytes(confirmed, 'a.xlsx', finding));
  expect(changedParts(before, unconfirmed)).toEqual([]);
  expect(unconfirmed.get(commentsPart)).toBe(before.get(commentsPart));
});

test('a confirmation on a cell without a note adds a note of that line alone; unconfirming removes the note and its parts', async () => {
  const input = await annotatedWorkbook();
  const confirmed = await confirmBytes(
    input,
    'a.xlsx',
    { sheet: 'PL3', cell: 'B2', rule: 'row-sum' },
    'Đơn vị đã giải trình',
    'en',
  );
  const notes = checkBytes(confirmed, 'a.xlsx', {}).snapshot.sheets[1]!.notes;
  expect(notes).toEqual({ B2: 'Soát: confirmed row-sum = 7 — Đơn vị đã giải trình' });
  const back = await partsOf(await unconfirmBytes(confirmed, 'a.xlsx', { sheet: 'PL3', cell: 'B2', rule: 'row-sum' }));
  const before = await partsOf(input);
  expect([...back.keys()].sort()).toEqual([...before.keys()].sort());
  expect(changedParts(before, back)).toEqual([]);
});

test('an accepted value is written into its cell and nothing else of the package changes', async () => {
  const input = await annotatedWorkbook();
  const before = await partsOf(input);
  const after = await partsOf(await writeValueBytes(input, 'PL3', 'B2', 9));
  expect(changedParts(before, after)).toEqual(['xl/worksheets/sheet2.xml']);
  expect(after.get('xl/worksheets/sheet2.xml')).toMatch(/<c r="B2"[^>]*><v>9<\/v><\/c>/);
  expect(checkBytes(await writeValueBytes(input, 'PL3', 'B2', 9), 'a.xlsx', {}).snapshot.sheets[1]!.values[1]).toEqual([
    null,
    9,
  ]);
});
