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
