import fc from 'fast-check';
import type { CellValue } from '../../../src/core/snapshot';
import { formatDecimals, readNumber, type NumberKind, type NumberReading } from '../../../src/core/values/number';

const num = (value: number, decimalsShown: number, decimalComma = false): NumberReading => ({
  kind: 'number',
  value,
  decimalComma,
  decimalsShown,
});
const BLANK: NumberReading = { kind: 'blank' };
const NAN: NumberReading = { kind: 'invalid', rule: 'not-a-number' };
const RANGE: NumberReading = { kind: 'invalid', rule: 'range-value' };
const ERROR: NumberReading = { kind: 'invalid', rule: 'formula-error' };

describe('readNumber: values read the same in every kind', () => {
  const kinds: NumberKind[] = ['count', 'decimal', 'percent'];
  const cases: [string, CellValue, NumberReading][] = [
    // blanks
    ['null', null, BLANK],
    ['empty text', '', BLANK],
    ['spaces', '   ', BLANK],
    ['NBSP', '\u00A0', BLANK],
    ['zero-width', '\u200B\u200C\u200D\uFEFF', BLANK],
    // seed values and plain numbers
    ['1,5 (seed)', '1,5', num(1.5, 1, true)],
    ['1.5', '1.5', num(1.5, 1)],
    ['4.8 (seed)', '4.8', num(4.8, 1)],
    ['56 (seed)', 56, num(56, 0)],
    ['84.96 (seed)', 84.96, num(84.96, 2)],
    ['30.1', 30.1, num(30.1, 1)],
    ['65', 65, num(65, 0)],
    ['0', 0, num(0, 0)],
    ['-0', -0, num(0, 0)],
    ['1,50 keeps its typed decimals', '1,50', num(1.5, 2, true)],
    ['text integer', '66', num(66, 0)],
    ['surrounding spaces', ' 7 ', num(7, 0)],
    ['NBSP around', '\u00A07\u00A0', num(7, 0)],
    ['zero-width inside', '1\u200B2', num(12, 0)],
    ['leading comma', ',5', num(0.5, 1, true)],
    // signs
    ['minus', '-5', num(-5, 0)],
    ['minus sign U+2212', '−5', num(-5, 0)],
    ['minus with space', '- 5', num(-5, 0)],
    ['negative decimal comma', '-2,5', num(-2.5, 1, true)],
    ['plus', '+5', num(5, 0)],
    // mixed separators
    ['1.234,5', '1.234,5', num(1234.5, 1, true)],
    ['1,234.5', '1,234.5', num(1234.5, 1)],
    ['1 234,5', '1 234,5', num(1234.5, 1, true)],
    ['1.234.567,89', '1.234.567,89', num(1234567.89, 2, true)],
    ['12.345.678', '12.345.678', num(12345678, 0)],
    ['1 234 with NBSP', '1\u00A0234', num(1234, 0)],
    ['1 234', '1 234', num(1234, 0)],
    // trailing percent
    ['56%', '56%', num(56, 0)],
    ['4,8 %', '4,8 %', num(4.8, 1, true)],
    ['99.5%', '99.5%', num(99.5, 1)],
    // ranges
    ['2-3 (seed)', '2-3', RANGE],
    ['86-99 (seed)', '86-99', RANGE],
    ['2 - 3', '2 - 3', RANGE],
    ['en dash', '2–3', RANGE],
    ['em dash', '2—3', RANGE],
    ['tilde', '2~3', RANGE],
    ['đến', '2 đến 3', RANGE],
    ['ĐẾN NFD', '2 ĐẾN 3'.normalize('NFD'), RANGE],
    ['từ … đến', 'từ 2 đến 3', RANGE],
    ['percent range', '86%-99%', RANGE],
    ['decimal range', '1,5-2,5', RANGE],
    // not numbers
    ['abc', 'abc', NAN],
    ['x', 'x', NAN],
    ['2 ngày', '2 ngày', NAN],
    ['N/A as text', 'N/A', NAN],
    ['không', 'không', NAN],
    ['lone minus', '-', NAN],
    ['lone percent', '%', NAN],
    ['trailing separator', '5.', NAN],
    ['double separator', '1..2', NAN],
    ['bad grouping', '1,2.5', NAN],
    ['bad groups', '1.23.456', NAN],
    ['space not a group', '2 3', NAN],
    ['three parts', '1-7-2020', NAN],
    ['true', true, NAN],
    ['false', false, NAN],
    ['Date', new Date(Date.UTC(2020, 0, 1)), NAN],
    ['NaN', NaN, NAN],
    ['Infinity', Infinity, NAN],
    ['huge digits', '9'.repeat(400), NAN],
    // errors
    ['CellError', { error: '#DIV/0!' }, ERROR],
    ...['#DIV/0!', '#REF!', '#VALUE!', '#N/A', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'].map(
      (literal): [string, CellValue, NumberReading] => [literal, literal, ERROR],
    ),
    ['error literal, lower case and spaced', ' #n/a ', ERROR],
    ['unknown # text', '#abc', NAN],
  ];
  for (const kind of kinds) {
    test.each(cases)(`${kind}: %s`, (_name, value, expected) => {
      expect(readNumber(value, kind)).toEqual(expected);
    });
  }
});

describe('readNumber: one separator and three digits depends on the kind', () => {
  const cases: [string, NumberKind, NumberReading][] = [
    ['1.234', 'count', num(1234, 0)],
    ['1,234', 'count', num(1234, 0)],
    ['1.234', 'decimal', num(1.234, 3)],
    ['1,234', 'decimal', num(1.234, 3, true)],
    ['1.234', 'percent', num(1.234, 3)],
    ['1,234', 'percent', num(1.234, 3, true)],
    ['1 234,567', 'count', num(1234567, 0)],
    ['1 234,567', 'decimal', num(1234.567, 3, true)],
    // not a thousands shape, so a decimal even in a count column (not-integer is reported elsewhere)
    ['1.5', 'count', num(1.5, 1)],
    ['1,5', 'count', num(1.5, 1, true)],
    ['1234.567', 'count', num(1234.567, 3)],
    ['0.500', 'count', num(0.5, 3)],
    ['1.2345', 'count', num(1.2345, 4)],
  ];
  test.each(cases)('%s in a %s column', (text, kind, expected) => {
    expect(readNumber(text, kind)).toEqual(expected);
  });
});

describe('readNumber: number formats', () => {
  const cases: [CellValue, NumberKind, string | undefined, NumberReading][] = [
    [0.56, 'percent', '0%', num(56, 0)],
    [1e307, 'percent', '0%', NAN],
    [0, 'percent', '0.0%', num(0, 1)],
    [-0, 'percent', '0%', num(0, 0)],
    [0.0704, 'percent', '0.00%', num(7.04, 2)],
    [0.615, 'percent', '0.0%', num(61.5, 1)],
    [1, 'percent', '0%', num(100, 0)],
    [0.5, 'percent', '0.##%', num(50, 0)],
    [56, 'percent', 'General', num(56, 0)],
    [56, 'percent', undefined, num(56, 0)],
    [0.56, 'percent', '"%"0.00', num(0.56, 2)], // a quoted % is a literal: no scaling
    [0.56, 'decimal', '0%', num(0.56, 2)], // only percent columns hold percentage points
    [84.96, 'percent', '0.0', num(84.96, 1)],
    [2, 'decimal', '0.00', num(2, 2)],
    [1.5, 'decimal', '#,##0', num(1.5, 0)],
    [1.5, 'decimal', '0.###', num(1.5, 1)],
    [1.23456, 'decimal', '0.###', num(1.23456, 3)],
    [1e-7, 'decimal', undefined, num(1e-7, 7)],
    [0.1 + 0.2, 'decimal', undefined, num(0.1 + 0.2, 10)],
    ['56%', 'percent', '0%', num(56, 0)], // text is never scaled
  ];
  test.each(cases)('%p (%s, format %p)', (value, kind, format, expected) => {
    expect(readNumber(value, kind, format)).toEqual(expected);
  });
});

describe('formatDecimals', () => {
  const cases: [string | undefined, number | undefined][] = [
    ['0.00', 2],
    ['0%', 0],
    ['0.0%', 1],
    ['#,##0.0', 1],
    ['#,##0', 0],
    ['0', 0],
    ['0.###', 3],
    ['#,##0.00_);[Red](#,##0.00)', 2],
    ['[$-42A]#,##0.0 "đ"', 1],
    ['0.00E+00', 2],
    ['General', undefined],
    ['general', undefined],
    [undefined, undefined],
    ['', undefined],
    ['@', undefined],
    ['dd/mm/yyyy', undefined],
    ['"Tổng"', undefined],
  ];
  test.each(cases)('%p -> %p', (format, expected) => {
    expect(formatDecimals(format)).toBe(expected);
  });
});

const anyCellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.stringMatching(/^[-−+ ]?[\d.,  ]{0,12}%?$/),
  fc.double(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
  fc.record({ error: fc.string() }),
);
const anyKind = fc.constantFrom<NumberKind>('count', 'decimal', 'percent');

describe('readNumber properties', () => {
  test('never throws, and a number reading is finite', () => {
    fc.assert(
      fc.property(anyCellValue, anyKind, fc.option(fc.string(), { nil: undefined }), (value, kind, format) => {
        const reading = readNumber(value, kind, format);
        if (reading.kind === 'number') expect(Number.isFinite(reading.value)).toBe(true);
      }),
    );
  });

  test('a decimal reads the same with a point and with a comma', () => {
    const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
    fc.assert(
      fc.property(fc.boolean(), digits(1, 9), digits(1, 8), anyKind, (negative, whole, fraction, kind) => {
        const sign = negative ? '-' : '';
        const point = readNumber(`${sign}${whole}.${fraction}`, kind);
        const comma = readNumber(`${sign}${whole},${fraction}`, kind);
        expect(point.kind).toBe('number');
        expect(comma).toEqual({ ...point, decimalComma: comma.kind === 'number' && comma.decimalComma });
        if (kind === 'decimal' && point.kind === 'number') {
          expect(point.value).toBe(Number(`${sign}${whole}.${fraction}`) || 0);
        }
      }),
    );
  });

  test('a finite double written by String reads back as itself', () => {
    const plain = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !String(d).includes('e'));
    fc.assert(
      fc.property(plain, (d) => {
        const reading = readNumber(String(d), 'decimal');
        expect(reading).toMatchObject({ kind: 'number', value: d === 0 ? 0 : d });
        expect(readNumber(String(d).replace('.', ','), 'decimal')).toMatchObject({ value: d === 0 ? 0 : d });
      }),
    );
  });

  test('NFD and NFC text read the same', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), anyKind, (text, kind) => {
        expect(readNumber(text.normalize('NFD'), kind)).toEqual(readNumber(text.normalize('NFC'), kind));
      }),
    );
  });
});
