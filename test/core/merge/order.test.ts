import fc from 'fast-check';
import { mergeUnitWorkbooks } from '../../../src/core/merge';
import type { MergeInput } from '../../../src/core/merge';
import { seedUnitInputs, sheetOf, shown, today } from './support';

/**
 * "Merge" must not depend on the order files arrive in (a folder listing, a drag and drop), and
 * a unit's rows must not depend on which other units were merged with it.
 */

let inputs: MergeInput[];
beforeAll(async () => {
  inputs = await seedUnitInputs();
}, 60_000); // building the seed workbooks takes seconds on a busy machine

const merge = (subset: readonly MergeInput[]) => mergeUnitWorkbooks(subset, { lang: 'vi', today });

/** The merged Phụ lục 2 rows from row 6 on, as shown from B (unit) to R (source), STT left out. */
const phuLuc2Rows = (subset: readonly MergeInput[]) =>
  sheetOf(merge(subset).draft, 'Phụ lục 2')
    .rows.slice(5)
    .map((r) => r.slice(1, 18).map(shown));

test('a random subset of unit files, in any order, gives the same workbook and findings', () => {
  fc.assert(
    fc.property(fc.shuffledSubarray(inputs, { minLength: 0 }), (subset) => {
      const sorted = [...subset].sort((a, b) => (a.file < b.file ? -1 : 1));
      const a = merge(subset);
      const b = merge(sorted);
      expect(a.draft).toEqual(b.draft);
      expect(a.findings).toEqual(b.findings);
      expect(a.files).toEqual(sorted.map((i) => i.file));
    }),
    { numRuns: 25 },
  );
});

test('a subset’s Phụ lục 2 is the full merge’s rows from those files, in the same order', () => {
  const all = phuLuc2Rows(inputs);
  fc.assert(
    fc.property(fc.shuffledSubarray(inputs, { minLength: 1 }), (subset) => {
      const files = new Set(subset.map((i) => i.file));
      const fromSubset = all.filter((row) => files.has(String(row[16]).split(' › ')[0]!));
      expect(phuLuc2Rows(subset)).toEqual(fromSubset);
    }),
    { numRuns: 20 },
  );
});
