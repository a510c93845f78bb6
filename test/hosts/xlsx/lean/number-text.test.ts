import fc from 'fast-check';
import { decimal, integer } from '../../../../src/hosts/xlsx/lean/number-text';

/** A cell's number text reads as parseFloat and parseInt read it, to the last bit and sign. */

const samples = [
  '0',
  '-0',
  '51',
  '68.63',
  '-68.63',
  '1.5',
  '0.1',
  '0.30000000000000004',
  '123456789012345',
  '1234567890123456',
  '9007199254740993',
  '99999999999999.9',
  '007',
  '00.5',
  '1.',
  '.5',
  '-',
  '',
  '1e5',
  '1E-7',
  ' 12',
  '12 ',
  '+3',
  '0x1A',
  'Infinity',
  '1.2.3',
  '--1',
  '4.35',
  '2.675',
];

describe('number text', () => {
  it('reads every sample as parseFloat and parseInt do', () => {
    for (const text of samples) {
      expect([text, Object.is(decimal(text), parseFloat(text))]).toEqual([text, true]);
      expect([text, Object.is(integer(text), parseInt(text, 10))]).toEqual([text, true]);
    }
  });

  it('reads any decimal text as parseFloat and parseInt do', () => {
    const digits = fc.stringMatching(/^[0-9]{1,17}$/);
    const text = fc
      .tuple(fc.constantFrom('', '-', '+'), digits, fc.option(fc.tuple(fc.constantFrom('.', ','), digits)))
      .map(([sign, whole, part]) => sign + whole + (part === null ? '' : part[0] + part[1]));
    fc.assert(
      fc.property(text, (t) => {
        expect(Object.is(decimal(t), parseFloat(t))).toBe(true);
        expect(Object.is(integer(t), parseInt(t, 10))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
});
