import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedFile } from '../hosts/xlsx/seed';
import { soat } from '../support/cli';
import type { Parts } from '../support/package-parts';
import {
  cellsOf,
  changedParts,
  malformedParts,
  packageFaults,
  partsOf,
  sheetFrame,
  styleLists,
  withoutStyle,
} from '../support/package-parts';
import { controlCells, richNoteCell, richReport, threadCell } from '../support/rich-report';

/**
 * `validate`, `compute` and `clear --out` write the input package back with Soát's changes only:
 * every part Soát does not change is byte for byte the input's, and in the parts it changes
 * (sheets, styles, notes) everything that is not Soát's is kept as written.
 */

const dir = mkdtempSync(join(tmpdir(), 'soat-keep-'));
const input = join(dir, 'bao-cao.xlsx');
let before: Parts;

const sheetPart = 'xl/worksheets/sheet2.xml'; // Phụ lục 2
const commentsPart = 'xl/comments2.xml'; // its notes

beforeAll(async () => {
  const bytes = await richReport(await seedFile('seed-report.xlsx'));
  writeFileSync(input, bytes);
  before = await partsOf(bytes);
});

async function run(...argv: string[]): Promise<Parts> {
  const out = join(dir, `${argv[0]}-${Math.random().toString(36).slice(2)}.xlsx`);
  const { status, stderr } = await soat(...argv, '--out', out);
  expect([stderr, [0, 1].includes(status)]).toEqual(['', true]);
  return partsOf(readFileSync(out));
}

const commentOf = (comments: string, cell: string): string | undefined =>
  new RegExp(`<comment ref="${cell}"[^>]*>[\\s\\S]*?</comment>`).exec(comments)?.[0];
const runsOf = (comment: string): string[] => [...comment.matchAll(/<r>[\s\S]*?<\/r>/g)].map((m) => m[0]);
const plain = (xml: string): string =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)]
    .map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    .join('');

/** The input's human runs of the rich note: all but the run that holds the old Soát block. */
function humanRunsOf(parts: Parts): string[] {
  return runsOf(commentOf(parts.get(commentsPart)!, richNoteCell)!).filter((run) => !run.includes('— Soát —'));
}

/** The checks every written package passes: well-formed, consistent, nothing of the input lost. */
function expectSound(after: Parts): void {
  expect(malformedParts(after)).toEqual([]);
  expect(packageFaults(after)).toEqual([]);
  for (const name of before.keys()) expect([name, after.has(name)]).toEqual([name, true]);
  // Formats are only ever appended: every cell that is not Soát's keeps its look.
  const [was, now] = [styleLists(before.get('xl/styles.xml')!), styleLists(after.get('xl/styles.xml')!)];
  for (const [list, { entries }] of Object.entries(was)) {
    expect([list, now[list]!.entries.slice(0, entries.length)]).toEqual([list, entries]);
  }
  // The sheet outside its cells: eight validations, the chart's drawing, margins… as they were.
  expect(sheetFrame(after.get(sheetPart)!)).toBe(sheetFrame(before.get(sheetPart)!));
  expect(after.get(sheetPart)!.match(/<dataValidation /g)).toHaveLength(8);
  const cells = cellsOf(after.get(sheetPart)!);
  for (const [address, xml] of Object.entries(controlCells)) {
    expect(cells.get(address)).toBe(cellsOf(before.get(sheetPart)!).get(address) ?? xml);
  }
  // A threaded comment's legacy note: its text is kept as written, Soát's block only follows it.
  const thread = runsOf(commentOf(before.get(commentsPart)!, threadCell)!);
  expect(runsOf(commentOf(after.get(commentsPart)!, threadCell)!).slice(0, thread.length)).toEqual(thread);
}

describe('validate --out', () => {
  let after: Parts;
  beforeAll(async () => {
    after = await run('validate', input);
  });

  it('changes only the sheets, styles, notes and the workbook entries of its record', () => {
    expect(changedParts(before, after)).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      commentsPart,
      'xl/drawings/vmlDrawing2.vml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      sheetPart,
      'xl/worksheets/sheet3.xml',
    ]);
    // The chart, its drawing, the thread and its people, shared strings: untouched, among the rest.
    for (const part of [
      'xl/charts/chart1.xml',
      'xl/drawings/drawing1.xml',
      'xl/threadedComments/threadedComment1.xml',
      'xl/persons/person.xml',
      'xl/sharedStrings.xml',
    ]) {
      expect([part, after.get(part)]).toEqual([part, before.get(part)]);
    }
    expectSound(after);
  });

  it('paints cells by their format alone: every value and formula is as the input wrote it', () => {
    const was = cellsOf(before.get(sheetPart)!);
    const now = cellsOf(after.get(sheetPart)!);
    let painted = 0;
    for (const [address, cell] of was) {
      expect([address, withoutStyle(now.get(address)!)]).toEqual([address, withoutStyle(cell)]);
      if (now.get(address) !== cell) painted++;
    }
    expect(painted).toBeGreaterThan(10);
    // Cells the input did not list are added empty, with a format only.
    for (const [address, cell] of now) if (!was.has(address)) expect(cell).toMatch(/^<c r="[A-Z]+\d+" s="\d+"\/>$/);
  });

  it("replaces only Soát's block of a rich note: the human runs and the reply under it are byte for byte", () => {
    const note = commentOf(after.get(commentsPart)!, richNoteCell)!;
    for (const run of humanRunsOf(before)) expect(note).toContain(run);
    expect(plain(note)).toMatch(
      /^Chị Lan: đã hỏi lại đơn vị\n\n— Soát —\n\[Lỗi\] (?!một lời cũ)[\s\S]*\n— hết Soát —\n\nAnh Minh: đơn vị đã gửi lại số liệu$/,
    );
  });

  it('adds its record as a very hidden sheet with a part of its own', () => {
    expect(after.get('xl/workbook.xml')).toMatch(
      /<sheet name="_soat" sheetId="\d+" state="veryHidden" r:id="rId\d+"\/><\/sheets>/,
    );
    expect(after.get('xl/worksheets/sheet4.xml')).toMatch(
      /^<\?xml[\s\S]*<c r="A1" t="inlineStr"><is><t xml:space="preserve">Phụ lục 1<\/t>/,
    );
  });
});

describe('compute --out --overwrite', () => {
  it('writes formulas with their result into the cells it computes, and nothing else', async () => {
    const after = await run('compute', input, '--overwrite');
    expectSound(after);
    const was = cellsOf(before.get(sheetPart)!);
    const now = cellsOf(after.get(sheetPart)!);
    const written = [...now].filter(([address, cell]) => was.get(address) !== cell);
    expect(written.length).toBeGreaterThan(0);
    for (const [, cell] of written)
      expect(cell).toMatch(/^<c r="[A-Z]+\d+"( s="\d+")?><f>[^<]+<\/f><v>[-\d.E]+<\/v><\/c>$/);
    expect(after.get('xl/workbook.xml')).toContain('fullCalcOnLoad="1"');
  });
});

describe('clear --out', () => {
  it("on the input, takes out the old Soát block only: the note's part is all that changes", async () => {
    const after = await run('clear', input);
    expect(changedParts(before, after)).toEqual([commentsPart]);
    const note = commentOf(after.get(commentsPart)!, richNoteCell)!;
    // Each human run keeps its format and words; only the blank lines that framed the block are joined.
    const [asked, checked, reply] = humanRunsOf(before);
    expect(runsOf(note)).toEqual([asked, checked, reply!.replace('\n\nAnh Minh', 'Anh Minh')]);
    expect(plain(note)).toBe('Chị Lan: đã hỏi lại đơn vị\n\nAnh Minh: đơn vị đã gửi lại số liệu');
    expectSound(after);
  });

  it('after validate, gives back every cell of the input with its format, and removes what validate added', async () => {
    const validated = join(dir, 'validated.xlsx');
    await soat('validate', input, '--out', validated);
    const after = await run('clear', validated);
    expectSound(after);
    for (const name of ['xl/worksheets/sheet1.xml', sheetPart, 'xl/worksheets/sheet3.xml']) {
      const was = cellsOf(before.get(name)!);
      const now = cellsOf(after.get(name)!);
      for (const [address, cell] of was) expect([name, address, now.get(address)]).toEqual([name, address, cell]);
      for (const [address, cell] of now)
        if (!was.has(address)) expect([address, cell]).toEqual([address, `<c r="${address}"/>`]);
    }
    expect([...after.keys()].filter((name) => !before.has(name))).toEqual([]);
    for (const part of [
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
      'xl/drawings/vmlDrawing2.vml',
    ]) {
      expect([part, after.get(part)]).toEqual([part, before.get(part)]);
    }
  });
});
