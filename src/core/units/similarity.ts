/**
 * How alike two bare (accent-free) name keys are, to suggest the closest units for an unknown
 * name. Word overlap catches a changed word ("Sở Du hành" ~ "Sở Du lịch"); letter pairs catch
 * typos inside words and break ties between names that share only "quận" or "sở".
 */

export interface Profile {
  readonly words: ReadonlySet<string>;
  readonly pairs: ReadonlyMap<string, number>;
  readonly pairCount: number;
}

export function profile(bare: string): Profile {
  const words = new Set(bare.split(' ').filter((w) => w !== ''));
  const pairs = new Map<string, number>();
  const padded = ` ${bare} `;
  for (let i = 0; i + 1 < padded.length; i++) {
    const pair = padded.slice(i, i + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return { words, pairs, pairCount: Math.max(0, padded.length - 1) };
}

function dice(shared: number, a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * shared) / (a + b);
}

/** 0 (nothing in common) to 1 (same words, same letters): the mean of two Dice coefficients. */
export function similarity(a: Profile, b: Profile): number {
  let sharedWords = 0;
  for (const w of a.words) if (b.words.has(w)) sharedWords++;
  let sharedPairs = 0;
  for (const [pair, n] of a.pairs) sharedPairs += Math.min(n, b.pairs.get(pair) ?? 0);
  return (dice(sharedWords, a.words.size, b.words.size) + dice(sharedPairs, a.pairCount, b.pairCount)) / 2;
}
