import fc from 'fast-check';
import { columnNumber } from '../../../../src/core/address';
import { CellReference } from '../../../../src/hosts/xlsx/lean/reference';

/** A cell's `r` read by its characters, as the pattern and the column letters read it. */

const limit = 16384;

function byPattern(raw: string): { col: number; row: number } | undefined {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(raw);
  if (match === null) return undefined;
  return { col: Math.min(columnNumber(match[1]!), limit + 1), row: Number(/\d+$/.exec(raw)![0]) };
}

function byCharacters(raw: string): { col: number; row: number } | undefined {
  const reference = new CellReference(limit);
  // Read from the middle of a longer text, as the sheet reads it from its part.
  if (!reference.read(`<c r="${raw}"`, 6, 6 + raw.length)) return undefined;
  return { col: Math.min(reference.col, limit + 1), row: reference.row };
}

describe('a cell reference read by its characters', () => {
  it('reads what the pattern reads', () => {
    for (const raw of ['A1', 'B7', '$C$9', 'C$9', '$C9', 'XFD1048576', 'XFE1', 'AAAAAAAAAAAAAAAAAAAA1', 'A007']) {
      expect([raw, byCharacters(raw)]).toEqual([raw, byPattern(raw)]);
    }
    expect(byCharacters('XFD3')).toEqual({ col: 16384, row: 3 });
    expect(byCharacters('A12345678901234567890')).toEqual({ col: 1, row: Number('12345678901234567890') });
  });

  it('refuses what the pattern refuses', () => {
    for (const raw of ['', '1', 'A', 'a1', '$$A1', 'A$$1', 'A1$', 'A-1', ' A1', 'A1 ', 'A1.5', 'A１', 'Ａ1']) {
      expect([raw, byCharacters(raw)]).toEqual([raw, undefined]);
    }
  });

  it('agrees with the pattern on any text of these characters', () => {
    const piece = fc.constantFrom('$', 'A', 'Z', 'X', 'F', 'D', 'a', '0', '1', '9', ' ', '@', '[', '/', ':');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 22 }), (pieces) => {
        const raw = pieces.join('');
        expect(byCharacters(raw)).toEqual(byPattern(raw));
      }),
      { numRuns: 5000 },
    );
  });
});
