import fc from 'fast-check';
import { nameKey } from '../../../src/core/units/names';

describe('nameKey', () => {
  const piece = fc.constantFrom(
    'UBND',
    'Ủy ban nhân dân',
    'phường',
    'Thử Nghiệm',
    '17',
    'P.',
    'LĐ-TB&XH',
    'Sở',
    'GD',
    '&',
    'ĐT',
    'và',
    'TT',
    'Thông tin',
    'tỉnh',
    'Hải Phòng',
    'thành phố',
    'TP',
    'Hoà',
    'ω',
    'a_b',
    ',',
    '-',
  );

  it('splits plain text into the words the general pattern finds', () => {
    // An em dash is no letter of any script: it sends the text down the general pattern, and splits nothing more.
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.constantFrom(' ', '', '  '), (pieces, space) => {
        const text = pieces.join(space);
        expect(nameKey(`${text} —`)).toEqual(nameKey(text));
      }),
    );
  });

  it('reads a ward named by a number, whatever the script of its words', () => {
    expect(nameKey('UBND phường Thử Nghiệm 17')).toEqual({
      key: 'phường thử nghiệm 17',
      bare: 'phuong thu nghiem 17',
      local: { kind: 'ward', level: 'phường', place: 'thử nghiệm 17', placeBare: 'thu nghiem 17' },
    });
    expect(nameKey('Sở LĐ-TB&XH ω_2')).toEqual({
      key: 'sở lao động thương binh và xã hội ω 2',
      bare: 'so lao dong thuong binh va xa hoi ω 2',
    });
  });
});
