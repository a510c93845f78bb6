import fc from 'fast-check';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { humanPart } from '../../src/core/report/annotation';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/read';
import { soat } from '../support/cli';
import { pl2Header, pl3Header } from '../support/grids';

/**
 * Workbooks a unit might send on a bad day, generated: dates that are no dates, error values,
 * control characters, long strings, merged cells, reviewers' notes. Whatever they hold, the
 * command answers 0, 1 or 2, `validate --out` changes no value and keeps every human note.
 */

const dir = mkdtempSync(join(tmpdir(), 'soat-fuzz-'));

const controlText = fc
  .array(fc.constantFrom('a', 'Sở', ' ', '\t', '\n', '\r', '=', '+', '-', '@', '\u202e', '\u0085', '1,5', '2-3'), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));
const cell = fc.oneof(
  fc.integer({ min: -5, max: 200 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  controlText,
  fc.constantFrom('#DIV/0!', '#NAME?', 'x', 'X', 'có', '0', ''),
  fc.constant('y'.repeat(5000)),
  fc.constantFrom('#VALUE!', '#REF!', '#N/A').map((error) => ({ error })),
);
const dateCell = fc.oneof(
  fc.constantFrom(1e20, -5, 60, 45000),
  fc.constantFrom('T1/2023', 'Quý V/2023', 'T13/2022', '1/7/2020'),
  fc.constantFrom('#VALUE!', '#NUM!').map((error) => ({ formula: '1/0', result: { error } })),
);
const humanNote = fc.constantFrom('Chị Lan: đã hỏi lại', 'ghi chú\ncó hai dòng', 'Anh Minh: xem lại');

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
  for (const [r, c, note] of shape.notes) pl2.getCell(r, c).note = note;
  if (shape.merge) pl2.mergeCells('Q2:Q3');
  const pl3 = workbook.addWorksheet('Phụ lục 3');
  pl3.addRow(pl3Header);
  shape.pl3.forEach(([model, date], i) => {
    pl3.addRow([i + 1, 'Sở Du lịch', model, date]);
    pl3.getCell(i + 2, 4).numFmt = 'dd/mm/yyyy';
  });
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function parts(bytes: Buffer): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(bytes)).files).sort();
}

test('any generated workbook: exit 0 or 1, never 2; validate --out keeps every value, part and human note', async () => {
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
      const computed = await soat('compute', input, '--out', join(dir, `computed-${n}.xlsx`));
      expect([computed.stderr, computed.status]).toEqual(['', 0]);
      const merged = await soat('merge', input, '--out', join(dir, `merged-${n}.xlsx`));
      expect([merged.stderr, [0, 1].includes(merged.status)]).toEqual(['', true]);

      const written = readFileSync(out);
      const before = (await readWorkbookBuffer(bytes)).snapshot;
      const after = (await readWorkbookBuffer(written)).snapshot;
      expect(after.sheets.map((s) => s.values)).toEqual(before.sheets.map((s) => s.values));
      for (const [i, sheet] of before.sheets.entries()) {
        for (const [address, note] of Object.entries(sheet.notes ?? {})) {
          expect(humanPart(after.sheets[i]!.notes?.[address])).toBe(note);
        }
      }
      const kept = await parts(written);
      for (const part of await parts(bytes)) expect(kept).toContain(part);
    }),
    { numRuns: 12 },
  );
}, 60_000);
