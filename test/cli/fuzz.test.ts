import fc from 'fast-check';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { humanPart } from '../../src/core/report/annotation';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/read';
import { soat } from '../support/cli';
import type { Parts } from '../support/package-parts';
import { cellsOf, changedParts, malformedParts, packageFaults, partsOf, withoutStyle } from '../support/package-parts';
import { pl2Header, pl3Header } from '../support/grids';

/**
 * Workbooks a unit might send on a bad day, generated: dates that are no dates, error values,
 * control characters (raw, and as Excel's _xHHHH_ escapes), huge strings, merged cells, reviewers'
 * notes plain and rich. Whatever they hold, the command answers 0, 1 or 2, and `validate --out`
 * keeps every part it does not change, every cell's content and every human note byte for byte.
 */

const dir = mkdtempSync(join(tmpdir(), 'soat-fuzz-'));

const controlText = fc
  .array(
    fc.constantFrom(
      'a',
      'Sở',
      ' ',
      '\t',
      '\n',
      '\r',
      '\u001b',
      '\u001b]8;;http://x\u0007',
      '_x001B_',
      '_x000D_',
      '_x005F_',
      '=',
      '+',
      '-',
      '@',
      '\u202e',
      '\u0085',
      '1,5',
      '2-3',
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));
const cell = fc.oneof(
  fc.integer({ min: -5, max: 200 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  controlText,
  fc.constantFrom('#DIV/0!', '#NAME?', 'x', 'X', 'có', '0', ''),
  fc.constant('y'.repeat(5000)),
  fc.constant('Sở\u001b'.repeat(10_000)),
  fc.constantFrom('#VALUE!', '#REF!', '#N/A').map((error) => ({ error })),
);
const dateCell = fc.oneof(
  fc.constantFrom(1e20, -5, 60, 45000),
  fc.constantFrom('T1/2023', 'Quý V/2023', 'T13/2022', '1/7/2020'),
  fc.constantFrom('#VALUE!', '#NUM!').map((error) => ({ formula: '1/0', result: { error } })),
);
const humanNote = fc.oneof(
  fc.constantFrom('Chị Lan: đã hỏi lại', 'ghi chú\ncó hai dòng', 'Anh Minh: xem lại'),
  fc.constant({
    texts: [
      { font: { bold: true }, text: 'Chị Lan:' },
      { font: { italic: true }, text: ' số liệu\r\nchưa khớp' },
    ],
  }),
);

const workbookShape = fc.record({
  pl2: fc.array(fc.array(cell, { minLength: 17, maxLength: 17 }), { minLength: 1, maxLength: 4 }),
  pl3: fc.array(fc.tuple(cell, dateCell), { minLength: 1, maxLength: 3 }),
  notes: fc.array(fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 17 }), humanNote), {
    maxLength: 3,
  }),
  merge: fc.boolean(),
});

type Shape = typeof workbookShape extends fc.Arbitrary<infer T> ? T : never;

async function build(shape: Shape): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const pl2 = workbook.addWorksheet('Phụ lục 2');
  pl2.addRow(pl2Header);
  for (const row of shape.pl2) pl2.addRow(row);
  for (const [r, c, note] of shape.notes) pl2.getCell(r, c).note = note as string | ExcelJS.Comment;
  if (shape.merge) pl2.mergeCells('Q2:Q3');
  const pl3 = workbook.addWorksheet('Phụ lục 3');
  pl3.addRow(pl3Header);
  shape.pl3.forEach(([model, date], i) => {
    pl3.addRow([i + 1, 'Sở Du lịch', model, date]);
    pl3.getCell(i + 2, 4).numFmt = 'dd/mm/yyyy';
  });
  return excelEscapes(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
}

/** ExcelJS writes ESC and other control characters raw, which XML cannot hold; Excel writes _xHHHH_. */
async function excelEscapes(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
    const xml = await zip.file(name)!.async('string');
    const escaped = xml.replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
    if (escaped !== xml) zip.file(name, escaped);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Parts Soát may change: its sheets' cells, formats, notes, and the entries of its record sheet. */
const changeable =
  /^(xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|xl\/styles\.xml|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml)$/;

const commentsOf = (parts: Parts): Map<string, string> => {
  const comments = new Map<string, string>();
  for (const [name, text] of parts) {
    if (!/^xl\/comments\d+\.xml$/.test(name)) continue;
    for (const [comment] of text.matchAll(/<comment\b[\s\S]*?<\/comment>/g)) {
      comments.set(`${name}!${/ref="([^"]+)"/.exec(comment)![1]}`, comment);
    }
  }
  return comments;
};
const runsOf = (comment: string): string[] => [...comment.matchAll(/<r>[\s\S]*?<\/r>/g)].map((m) => m[0]);

test('any generated workbook: exit 0 or 1, never 2; validate --out keeps every part, cell and human note byte for byte', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(workbookShape, async (shape) => {
      const input = join(dir, `in-${++n}.xlsx`);
      const out = join(dir, `out-${n}.xlsx`);
      const bytes = await build(shape);
      writeFileSync(input, bytes);
      const validated = await soat('validate', input, '--out', out, '--json', '--period-end', '2024-09-30');
      // Every generated file is a readable workbook: 2 (unusable input) would be a crash told politely.
      expect([validated.stderr, [0, 1].includes(validated.status)]).toEqual(['', true]);
      const cleared = await soat('clear', out, '--out', join(dir, `cleared-${n}.xlsx`));
      expect([cleared.stderr, cleared.status]).toEqual(['', 0]);
      const computed = await soat('compute', input, '--out', join(dir, `computed-${n}.xlsx`));
      expect([computed.stderr, computed.status]).toEqual(['', 0]);
      const merged = await soat('merge', input, '--out', join(dir, `merged-${n}.xlsx`));
      expect([merged.stderr, [0, 1].includes(merged.status)]).toEqual(['', true]);

      const written = readFileSync(out);
      const before = await partsOf(bytes);
      const after = await partsOf(written);
      expect([malformedParts(after), packageFaults(after)]).toEqual([[], []]);
      // Every part Soát does not change is the input's, byte for byte.
      expect(changedParts(before, after).filter((name) => !changeable.test(name))).toEqual([]);
      // Every cell is as it was, control characters and escapes included; only its format may change.
      for (const [name, text] of before) {
        if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
        const now = cellsOf(after.get(name)!);
        for (const [address, cell] of cellsOf(text))
          expect([name, address, withoutStyle(now.get(address) ?? '')]).toEqual([name, address, withoutStyle(cell)]);
      }
      // Human notes: a note Soát adds nothing to is byte for byte; under Soát's block, its runs are.
      const notesAfter = commentsOf(after);
      for (const [key, comment] of commentsOf(before)) {
        const now = notesAfter.get(key)!;
        if (now !== comment)
          expect([key, runsOf(now).slice(0, runsOf(comment).length)]).toEqual([key, runsOf(comment)]);
      }
      const snapshot = (await readWorkbookBuffer(written)).snapshot;
      const original = (await readWorkbookBuffer(bytes)).snapshot;
      for (const [i, sheet] of original.sheets.entries()) {
        for (const [address, note] of Object.entries(sheet.notes ?? {})) {
          expect(humanPart(snapshot.sheets[i]!.notes?.[address])).toBe(note);
        }
      }
    }),
    { numRuns: 12 },
  );
}, 60_000);
