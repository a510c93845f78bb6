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

/**
 * Letter pairs and words of many profiles, indexed once, so that an unknown name is scored
 * against only the profiles it shares something with, by integer counts, with the same figures
 * `similarity` gives: a profile that shares nothing scores 0 and cannot reach any threshold.
 */
export class SimilarityIndex {
  private readonly pairIds = new Map<string, number>();
  private readonly wordIds = new Map<string, number>();
  private readonly pairPostings: { readonly profiles: Int32Array; readonly counts: Int32Array }[] = [];
  private readonly wordPostings: Int32Array[] = [];
  private readonly wordCounts: Int32Array;
  private readonly pairCounts: Int32Array;
  private readonly sharedWords: Int32Array;
  private readonly sharedPairs: Int32Array;

  constructor(profiles: readonly Profile[]) {
    const n = profiles.length;
    this.wordCounts = new Int32Array(n);
    this.pairCounts = new Int32Array(n);
    this.sharedWords = new Int32Array(n);
    this.sharedPairs = new Int32Array(n);
    const pairLists: { profiles: number[]; counts: number[] }[] = [];
    const wordLists: number[][] = [];
    profiles.forEach((p, i) => {
      this.wordCounts[i] = p.words.size;
      this.pairCounts[i] = p.pairCount;
      for (const word of p.words) {
        let id = this.wordIds.get(word);
        if (id === undefined) {
          id = wordLists.length;
          this.wordIds.set(word, id);
          wordLists.push([]);
        }
        wordLists[id]!.push(i);
      }
      for (const [pair, count] of p.pairs) {
        let id = this.pairIds.get(pair);
        if (id === undefined) {
          id = pairLists.length;
          this.pairIds.set(pair, id);
          pairLists.push({ profiles: [], counts: [] });
        }
        pairLists[id]!.profiles.push(i);
        pairLists[id]!.counts.push(count);
      }
    });
    for (const list of wordLists) this.wordPostings.push(Int32Array.from(list));
    for (const list of pairLists) {
      this.pairPostings.push({ profiles: Int32Array.from(list.profiles), counts: Int32Array.from(list.counts) });
    }
  }

  /** `visit(i, score)` for every profile that shares a word or a letter pair with `wanted`, in index order. */
  scoreShared(wanted: Profile, visit: (index: number, score: number) => void): void {
    const { sharedWords, sharedPairs } = this;
    const touched: number[] = [];
    for (const word of wanted.words) {
      const id = this.wordIds.get(word);
      if (id === undefined) continue;
      for (const i of this.wordPostings[id]!) {
        if (sharedWords[i] === 0 && sharedPairs[i] === 0) touched.push(i);
        sharedWords[i]! += 1;
      }
    }
    for (const [pair, n] of wanted.pairs) {
      const id = this.pairIds.get(pair);
      if (id === undefined) continue;
      const { profiles, counts } = this.pairPostings[id]!;
      for (let k = 0; k < profiles.length; k++) {
        const i = profiles[k]!;
        if (sharedWords[i] === 0 && sharedPairs[i] === 0) touched.push(i);
        sharedPairs[i]! += Math.min(n, counts[k]!);
      }
    }
    const score = (i: number): number => {
      const value =
        (dice(sharedWords[i]!, wanted.words.size, this.wordCounts[i]!) +
          dice(sharedPairs[i]!, wanted.pairCount, this.pairCounts[i]!)) /
        2;
      sharedWords[i] = 0;
      sharedPairs[i] = 0;
      return value;
    };
    // In a small registry nearly every profile shares a letter pair: walking them all in order
    // costs less than sorting the touched ones, which a large registry's few touched still need.
    if (touched.length * 8 >= sharedWords.length) {
      for (let i = 0; i < sharedWords.length; i++) if (sharedWords[i] !== 0 || sharedPairs[i] !== 0) visit(i, score(i));
      return;
    }
    touched.sort((a, b) => a - b);
    for (const i of touched) visit(i, score(i));
  }
}
