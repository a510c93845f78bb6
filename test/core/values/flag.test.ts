import fc from 'fast-check';
import type { CellValue } from '../../../src/core/snapshot';
import { readFlag, type FlagReading } from '../../../src/core/values/flag';

const YES: FlagReading = { kind: 'yes' };
const NO: FlagReading = { kind: 'no' };
const INVALID: FlagReading = { kind: 'invalid' };

describe('readFlag', () => {
  const cases: [string, CellValue, FlagReading][] = [
    ['x (seed)', 'x', YES],
    ['X', 'X', YES],
    ['x with spaces', '  x ', YES],
    ['x with NBSP', '\u00A0x\u00A0', YES],
    ['check mark', '✓', YES],
    ['heavy check mark', '✔', YES],
    ['emoji check mark', '✔\uFE0F', YES],
    ['có', 'có', YES],
    ['Có', 'Có', YES],
    ['CÓ', 'CÓ', YES],
    ['có NFD', 'có'.normalize('NFD'), YES],
    ['true', true, YES],
    ['"0" (seed)', '0', NO],
    ['0 (seed)', 0, NO],
    ['"" (seed)', '', NO],
    ['null', null, NO],
    ['spaces', '   ', NO],
    ['zero-width', '\u200B', NO],
    ['không', 'không', NO],
    ['Không NFD', 'Không'.normalize('NFD'), NO],
    ['false', false, NO],
    ['1', 1, INVALID],
    ['"1"', '1', INVALID],
    ['-1', -1, INVALID],
    ['NaN', NaN, INVALID],
    ['y', 'y', INVALID],
    ['xx', 'xx', INVALID],
    ['có?', 'có?', INVALID],
    ['co without accent', 'co', INVALID],
    ['khong without accent', 'khong', INVALID],
    ['x x', 'x x', INVALID],
    ['Date', new Date(Date.UTC(2024, 0, 1)), INVALID],
    ['CellError', { error: '#N/A' }, INVALID],
  ];
  test.each(cases)('%s', (_name, value, expected) => {
    expect(readFlag(value)).toEqual(expected);
  });
});

describe('readFlag properties', () => {
  const anyCellValue: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.double(),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
    fc.constant(null),
    fc.record({ error: fc.string() }),
  );

  test('never throws on any cell value', () => {
    fc.assert(
      fc.property(anyCellValue, (value) => {
        expect(['yes', 'no', 'invalid']).toContain(readFlag(value).kind);
      }),
    );
  });

  test('"x" and "có" in any case, form and padding are yes', () => {
    const padding = fc.constantFrom('', ' ', '  ', '\u00A0', '\t', '\u200B');
    fc.assert(
      fc.property(
        fc.constantFrom('x', 'có'),
        fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
        fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'),
        padding,
        padding,
        (word, upper, form, before, after) => {
          const cased = [...word].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join('');
          expect(readFlag(before + cased.normalize(form) + after)).toEqual(YES);
        },
      ),
    );
  });

  test('NFD and NFC text read the same', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(readFlag(text.normalize('NFD'))).toEqual(readFlag(text.normalize('NFC')));
      }),
    );
  });
});
