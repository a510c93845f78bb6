import fc from 'fast-check';
import { cleanSpaces, foldText, stripAccents } from '../../../src/core/values/text';

describe('text folding', () => {
  it.each([
    ['Hoá', 'hóa'],
    ['Thuỷ Nguyên', 'thủy nguyên'],
    ['Uỷ ban nhân dân', 'ủy ban nhân dân'],
    ['Khoẻ', 'khỏe'],
    ['  Sở\u00A0Du\u200B lịch\n', 'sở du lịch'],
    ['Sở Tài Nguyên và Môi trường', 'sở tài nguyên và môi trường'],
  ])('%j folds like %j', (a, b) => {
    expect(foldText(a)).toBe(foldText(b));
  });

  it('keeps a tone that is not on oa/oe/uy at the end of a syllable', () => {
    expect(foldText('Hoàng Hoạt')).toBe('hoàng hoạt');
    expect(foldText('Hoà')).toBe('hòa');
  });

  it('strips accents and đ for matching typos', () => {
    expect(stripAccents('Phòng hợp trực tuyến Đà')).toBe('phong hop truc tuyen da');
    expect(cleanSpaces(' a \t b ')).toBe('a b');
  });

  it('treats NFD and NFC as the same text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(foldText(s.normalize('NFD'))).toBe(foldText(s.normalize('NFC')));
      }),
    );
    expect(foldText('Thủy Nguyên'.normalize('NFD'))).toBe(foldText('Thủy Nguyên'));
  });
});

describe('folding plain Vietnamese text by lower-casing gives what the full folding gives', () => {
  /** The full folding, step by step, as SPEC.md describes it. */
  const clean = (s: string) =>
    s
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      .replace(/[\s\u00A0\u2007\u202F]+/g, ' ')
      .trim();
  const oldTone = /([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}]*[\p{L}])/gu;
  const fold = (s: string) => clean(s).normalize('NFD').toLowerCase().replace(oldTone, '$1$3$2').normalize('NFC');

  it('for every character up to U+20FF', () => {
    const differ: string[] = [];
    for (let code = 0; code < 0x2100; code++) {
      const c = String.fromCharCode(code);
      if (foldText(c) !== fold(c) || cleanSpaces(c) !== clean(c)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it('for every pair of Latin characters, Vietnamese letters, spaces and marks ("oậ" moves its tone)', () => {
    const codes: number[] = [];
    for (let code = 0; code < 0x250; code++) codes.push(code);
    for (let code = 0x300; code < 0x370; code++) codes.push(code);
    for (let code = 0x1e00; code < 0x1f00; code++) codes.push(code);
    codes.push(0x2000, 0x200b, 0x202f);
    const differ: string[] = [];
    for (const a of codes) {
      for (const b of codes) {
        const s = String.fromCharCode(a, b);
        if (foldText(s) !== fold(s) || cleanSpaces(s) !== clean(s)) differ.push(s);
      }
    }
    expect(differ).toEqual([]);
    expect(foldText('Oậ')).toBe('ọâ');
  });

  it('for any text of Vietnamese words, spaces and punctuation', () => {
    const piece = fc.constantFrom(
      'Hoà',
      'hoạ',
      'Uỷ',
      'UÝ',
      'khoẻ',
      'quý',
      'ĐẶNG',
      'ậ',
      'o',
      'u',
      'a',
      ' ',
      '  ',
      '\t',
      '-',
      '17',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const s = pieces.join('');
        expect(foldText(s)).toBe(fold(s));
        expect(cleanSpaces(s)).toBe(clean(s));
      }),
    );
  });

  it('strips the accents of ASCII and Vietnamese text alike', () => {
    expect(stripAccents('UBND phường Thử Nghiệm 17')).toBe('ubnd phuong thu nghiem 17');
    expect(stripAccents('ubnd 17 - a&b')).toBe('ubnd 17 - a&b');
  });
});
