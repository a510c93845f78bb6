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
  /** What scoring each profile one by one gives: every profile sharing something, in order. */
  function oneByOne(profiles: readonly Profile[], wanted: Profile): [number, number][] {
    return profiles.flatMap((p, i) => {
      const shares =
        [...wanted.words].some((w) => p.words.has(w)) || [...wanted.pairs.keys()].some((k) => p.pairs.has(k));
      return shares ? [[i, similarity(wanted, p)] as [number, number]] : [];
    });
  }

  function visits(index: SimilarityIndex, wanted: Profile): [number, number][] {
    const seen: [number, number][] = [];
    index.scoreShared(wanted, (i, score) => seen.push([i, score]));
    return seen;
  }

  it('scores alike the profiles of a small registry, where most are touched', () => {
    const profiles = ['so y te', 'so tai chinh', 'quan le chan', 'huyen an lao', 'xa an lao'].map(profile);
    const index = new SimilarityIndex(profiles);
    for (const text of ['so y te', 'an lao', 'phuong thu nghiem 17', 'zzz']) {
      const wanted = profile(text);
      expect([text, visits(index, wanted)]).toEqual([text, oneByOne(profiles, wanted)]);
    }
  });

  it('scores alike the few profiles a name touches in a large registry, and again on the next name', () => {
    const profiles = Array.from({ length: 400 }, (_, i) => profile(`p${i} q${i}`));
    profiles.push(profile('ward west'));
    const index = new SimilarityIndex(profiles);
    for (const text of ['ward', 'west wards', 'ward', 'xy']) {
      const wanted = profile(text);
      const expected = oneByOne(profiles, wanted);
      expect(expected.length * 8).toBeLessThan(profiles.length);
      expect([text, visits(index, wanted)]).toEqual([text, expected]);
    }
  });
});
