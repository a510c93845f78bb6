import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { UnitMatcher } from '../../../src/core/units/match';
import { nameKey } from '../../../src/core/units/names';
import type { Unit, UnitRegistry } from '../../../src/core/units/registry';
import { defaultRegistry, parseCsv, registryFromRows, registryFromUnits } from '../../../src/core/units/registry';
import { profile, similarity, SimilarityIndex, type Profile } from '../../../src/core/units/similarity';

/**
 * The indexed suggestion of the closest units gives what scoring every name one by one gave.
 * The reference below is that earlier implementation, kept as it was.
 */

const MAX_CLOSEST = 3;
const MIN_SIMILARITY = 0.35;
const WHOLE_SCAN_LIMIT = 400;

function referenceClosest(matcher: UnitMatcher, bare: string): string[] {
  if (bare === '') return [];
  const names = (matcher as unknown as { bareNames: { unit: Unit; bare: string }[] }).bareNames;
  const profiles = names.map(({ unit, bare: b }) => ({ unit, profile: profile(b) }));
  const wordIndex = new Map<string, number[]>();
  profiles.forEach(({ profile: p }, i) => {
    for (const word of p.words) wordIndex.set(word, [...(wordIndex.get(word) ?? []), i]);
  });
  const candidates = (wanted: Profile) => {
    if (profiles.length <= WHOLE_SCAN_LIMIT) return profiles;
    const distinctive = profiles.length / 20;
    const picked = new Set<number>();
    for (const word of wanted.words) {
      const postings = wordIndex.get(word);
      if (postings && postings.length <= distinctive) for (const i of postings) picked.add(i);
    }
    return picked.size === 0 ? profiles : [...picked].sort((a, b) => a - b).map((i) => profiles[i]!);
  };
  const wanted = profile(bare);
  const scores = new Map<Unit, number>();
  for (const { unit, profile: p } of candidates(wanted)) {
    const score = similarity(wanted, p);
    if (score > (scores.get(unit) ?? -1)) scores.set(unit, score);
  }
  return [...scores]
    .filter(([, score]) => score >= MIN_SIMILARITY)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CLOSEST)
    .map(([unit]) => unit.name);
}

function expectSameSuggestions(registry: UnitRegistry, texts: readonly string[]): number {
  const matcher = new UnitMatcher(registry);
  let unknown = 0;
  for (const text of texts) {
    const match = matcher.match(text);
    if (match.kind !== 'unknown') continue;
    unknown++;
    expect([text, match.closest.map((u) => u.name)]).toEqual([text, referenceClosest(matcher, nameKey(text).bare)]);
  }
  return unknown;
}

const words = [
  'Sở',
  'Du',
  'lịch',
  'hành',
  'Tư',
  'pháp',
  'phường',
  'xã',
  'An',
  'Lão',
  'Kiến',
  'Thụy',
  'huyện',
  'Lê',
  'Chân',
  'quận',
  'số',
  '1',
  '2',
  'UBND',
  'Ban',
  'Công',
  'an',
];
const name = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));

test('the default registry: unknown names get the same suggestions', () => {
  const texts = ['Sở Du hành', 'Sở Tư phap', 'Công an TP', 'UBND', 'Ban Quản lý', 'xyz', 'Sở', 'Thanh tra'];
  expect(expectSameSuggestions(defaultRegistry, texts)).toBeGreaterThan(4);
});

test("Hải Phòng's registry of every ward (scored by distinctive words): the same suggestions", () => {
  const csv = readFileSync(join(__dirname, '../../../definitions/units/hai-phong-2025.csv'), 'utf8');
  const registry = registryFromRows(parseCsv(csv));
  const texts = ['phường Lê Chân 2', 'xã An Lão mới', 'UBND phường', 'Sở Du hành', 'Kiến Thụy xã', 'phuong 7', 'zzz'];
  expect(expectSameSuggestions(registry, texts)).toBeGreaterThan(4);
});

test('a registry of 500 wards, scored by distinctive words: the same suggestions', () => {
  const places = ['Thử Nghiệm', 'Lê Chân', 'An Lão', 'Kiến An', 'Hồng Bàng'];
  const registry = registryFromUnits(
    Array.from({ length: 500 }, (_, i) => ({ name: `${i % 2 ? 'Phường' : 'UBND xã'} ${places[i % 5]!} ${i}` })),
  );
  const texts = ['Phường Thử Nghiệm 17', 'xã Lê Chân 3', 'UBND phường An Lão 999', 'Kiến An', 'phuong 7', 'zzz 12'];
  const matcher = new UnitMatcher(registry);
  matcher.match('zzz');
  expect((matcher as unknown as { bareNames: unknown[] }).bareNames.length).toBeGreaterThan(WHOLE_SCAN_LIMIT);
  expect(expectSameSuggestions(registry, texts)).toBe(texts.length);
});

test('fast-check: any registry and any names, the same suggestions in the same order', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(name, { minLength: 1, maxLength: 30, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
      fc.array(name, { minLength: 1, maxLength: 10 }),
      (units, texts) => {
        let registry: UnitRegistry;
        try {
          registry = registryFromUnits(units.map((n) => ({ name: n })));
        } catch {
          return; // a list the registry refuses (two names for one unit) suggests nothing
        }
        expectSameSuggestions(registry, texts);
      },
    ),
    { numRuns: 300 },
  );
});

describe('SimilarityIndex.scoreShared', () => {
  /** What scoring each name one by one gives: every name sharing something, in order. */
  function oneByOne(bares: readonly string[], text: string, minScore = 0): [number, number][] {
    const wanted = profile(text);
    return bares.flatMap((bare, i) => {
      const p = profile(bare);
      const shares =
        [...wanted.words].some((w) => p.words.has(w)) || [...wanted.pairs.keys()].some((k) => p.pairs.has(k));
      const score = similarity(wanted, p);
      return shares && score >= minScore ? [[i, score] as [number, number]] : [];
    });
  }

  function visits(index: SimilarityIndex, text: string, minScore = 0): [number, number][] {
    const seen: [number, number][] = [];
    index.scoreShared(text, minScore, (i, score) => seen.push([i, score]));
    return seen;
  }

  it('scores alike the names of a small registry, where most are touched', () => {
    const bares = ['so y te', 'so tai chinh', 'quan le chan', 'huyen an lao', 'xa an lao'];
    const index = new SimilarityIndex(bares);
    for (const text of ['so y te', 'an lao', 'phuong thu nghiem 17', 'zzz', '', 'an  lao an']) {
      expect([text, visits(index, text)]).toEqual([text, oneByOne(bares, text)]);
      expect([text, visits(index, text, 0.35)]).toEqual([text, oneByOne(bares, text, 0.35)]);
    }
  });

  it('scores alike the few names a text touches in a large registry (tracked, then sorted), and again on the next text', () => {
    const bares = Array.from({ length: 600 }, (_, i) => `p${i} q${i}`);
    bares.push('ward west', 'wärd ωest');
    const index = new SimilarityIndex(bares);
    for (const text of ['ward', 'west wards', 'ward', 'xy', 'wärd', 'ωest ω']) {
      const expected = oneByOne(bares, text);
      expect(expected.length * 8).toBeLessThan(bares.length);
      expect([text, visits(index, text)]).toEqual([text, expected]);
    }
  });

  it('fast-check: any names, any text, the same scores as similarity', () => {
    const letters = fc.constantFrom('a', 'b', 'an', 'ư', 'ω', ' ', '  ', '1');
    const bare = fc.array(letters, { maxLength: 8 }).map((l) => l.join(''));
    fc.assert(
      fc.property(fc.array(bare, { minLength: 1, maxLength: 20 }), fc.array(bare, { maxLength: 5 }), (bares, texts) => {
        const index = new SimilarityIndex(bares);
        for (const text of texts) expect(visits(index, text, 0.35)).toEqual(oneByOne(bares, text, 0.35));
      }),
    );
  });
});
