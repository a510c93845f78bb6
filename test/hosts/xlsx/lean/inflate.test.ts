import { deflateRawSync } from 'node:zlib';
import { inflate, InflateLimitError } from '../../../../src/hosts/xlsx/lean/inflate';

describe('inflate with the size the zip declares', () => {
  const text = Buffer.from('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(5000));
  const packed = deflateRawSync(text);

  it('gives the same bytes whether the declared size is right, short, too large or absent', () => {
    for (const declared of [text.length, 10, text.length * 50, 2 ** 32 - 2, undefined]) {
      expect([declared, Buffer.from(inflate(packed, 10 * text.length, declared)).equals(text)]).toEqual([
        declared,
        true,
      ]);
    }
  });

  it('still stops at the limit when the declared size lies under it', () => {
    expect(() => inflate(packed, text.length - 2, 100)).toThrow(InflateLimitError);
  });

  it('takes a part of exactly the limit and stops one byte over it', () => {
    expect(Buffer.from(inflate(packed, text.length, text.length)).equals(text)).toBe(true);
    for (const declared of [text.length, undefined]) {
      expect(() => inflate(packed, text.length - 1, declared)).toThrow(InflateLimitError);
    }
  });
});
