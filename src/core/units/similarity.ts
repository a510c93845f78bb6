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

/** A letter pair as one number: the two UTF-16 codes, as `profile` slices them. */
function pairKey(first: number, second: number): number {
  return first * 0x10000 + second;
}

const SPACE = 0x20;
/** Up to this many names, every scoring walks them all in order rather than tracking the touched ones. */
const WALK_LIMIT = 512;
/** A score this much below the threshold, relatively, stays below it whatever the rounding. */
const ROUNDING = 1e-9;
/** Pairs of two ASCII codes are looked up in a table; others in a map. */
const ASCII = 0x80;

/** A growable list of integers that is reused from one scoring to the next. */
class IntList {
  items = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
}

/**
 * Letter pairs and words of many bare names, indexed once, so that an unknown name is scored
 * against only the names it shares something with, by integer counts in reused typed arrays,
 * with the same figures `similarity` gives: a name that shares nothing scores 0.
 */
export class SimilarityIndex {
  private readonly asciiPairIds = new Int32Array(ASCII * ASCII).fill(-1);
  private readonly otherPairIds = new Map<number, number>();
  private readonly wordIds = new Map<string, number>();
  /** Postings as one array each, the postings of id k from starts[k] to starts[k + 1]. */
  private readonly pairStarts: Int32Array;
  private readonly pairNames: Int32Array;
  private readonly pairCountsInName: Int32Array;
  private readonly wordStarts: Int32Array;
  private readonly wordNames: Int32Array;
  private readonly wordCounts: Int32Array;
  private readonly pairCounts: Int32Array;
  private readonly sharedWords: Int32Array;
  private readonly sharedPairs: Int32Array;
  /** The wanted name's count of each known pair, zero again after each scoring. */
  private readonly wantedPairs: Int32Array;
  private readonly wantedPairIds = new IntList();
  private readonly touched = new IntList();
  private readonly tracksTouched: boolean;

  constructor(bares: readonly string[]) {
    const n = bares.length;
    this.tracksTouched = n > WALK_LIMIT;
    this.wordCounts = new Int32Array(n);
    this.pairCounts = new Int32Array(n);
    this.sharedWords = new Int32Array(n);
    this.sharedPairs = new Int32Array(n);
    const pairLists: { names: number[]; counts: number[] }[] = [];
    const wordLists: number[][] = [];
    bares.forEach((bare, i) => {
      const p = profile(bare);
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
        const first = pair.charCodeAt(0);
        const second = pair.charCodeAt(1);
        let id = this.pairId(first, second);
        if (id < 0) {
          id = pairLists.length;
          if (first < ASCII && second < ASCII) this.asciiPairIds[first * ASCII + second] = id;
          else this.otherPairIds.set(pairKey(first, second), id);
          pairLists.push({ names: [], counts: [] });
        }
        pairLists[id]!.names.push(i);
        pairLists[id]!.counts.push(count);
      }
    });
    this.wantedPairs = new Int32Array(pairLists.length);
    this.pairStarts = starts(pairLists.map((list) => list.names));
    this.pairNames = Int32Array.from(pairLists.flatMap((list) => list.names));
    this.pairCountsInName = Int32Array.from(pairLists.flatMap((list) => list.counts));
    this.wordStarts = starts(wordLists);
    this.wordNames = Int32Array.from(wordLists.flat());
  }

  private pairId(first: number, second: number): number {
    return first < ASCII && second < ASCII
      ? this.asciiPairIds[first * ASCII + second]!
      : (this.otherPairIds.get(pairKey(first, second)) ?? -1);
  }

  /**
   * `visit(i, score)` for every name that shares a word or a letter pair with `bare` and scores
   * at least `minScore`, in index order.
   */
  scoreShared(bare: string, minScore: number, visit: (index: number, score: number) => void): void {
    const { sharedWords, sharedPairs, touched, wordCounts, pairCounts } = this;
    touched.length = 0;
    const wantedWords = this.addSharedWords(bare);
    const wantedPairCount = this.addSharedPairs(bare);
    // In a small registry nearly every name shares a letter pair: walking them all in order
    // costs less than sorting the touched ones, which a large registry's few touched still need.
    const walkAll = !this.tracksTouched || touched.length * 8 >= sharedWords.length;
    const order = walkAll ? undefined : touched.items.subarray(0, touched.length).sort();
    const end = order ? order.length : sharedWords.length;
    for (let k = 0; k < end; k++) {
      const i = order ? order[k]! : k;
      const words = sharedWords[i]!;
      const pairs = sharedPairs[i]!;
      if (words === 0 && pairs === 0) continue;
      sharedWords[i] = 0;
      sharedPairs[i] = 0;
      // The score is words / wordTotal + pairs / pairTotal: compared by products, a name far below skips the divisions.
      const wordTotal = wantedWords + wordCounts[i]!;
      const pairTotal = wantedPairCount + pairCounts[i]!;
      const product = wordTotal * pairTotal;
      if (wordTotal > 0 && words * pairTotal + pairs * wordTotal < minScore * product * (1 - ROUNDING)) continue;
      const score = (dice(words, wantedWords, wordCounts[i]!) + dice(pairs, wantedPairCount, pairCounts[i]!)) / 2;
      if (score >= minScore) visit(i, score);
    }
  }

  /** Counts the words each name shares with `bare`; returns how many distinct words `bare` has. */
  private addSharedWords(bare: string): number {
    const { sharedWords, sharedPairs, touched, tracksTouched, wordNames, wordStarts } = this;
    const seen: string[] = [];
    for (let start = 0; start < bare.length;) {
      let end = bare.indexOf(' ', start);
      if (end < 0) end = bare.length;
      if (end > start) {
        const word = bare.slice(start, end);
        if (!seen.includes(word)) {
          seen.push(word);
          const id = this.wordIds.get(word);
          if (id !== undefined) {
            for (let k = wordStarts[id]!; k < wordStarts[id + 1]!; k++) {
              const i = wordNames[k]!;
              if (tracksTouched && sharedWords[i] === 0 && sharedPairs[i] === 0) touched.push(i);
              sharedWords[i]! += 1;
            }
          }
        }
      }
      start = end + 1;
    }
    return seen.length;
  }

  /** Counts the letter pairs each name shares with ` bare `; returns how many pairs that has. */
  private addSharedPairs(bare: string): number {
    const { sharedWords, sharedPairs, touched, tracksTouched, wantedPairs, wantedPairIds } = this;
    const { pairNames, pairStarts, pairCountsInName } = this;
    wantedPairIds.length = 0;
    let previous = SPACE;
    for (let at = 0; at <= bare.length; at++) {
      const code = at < bare.length ? bare.charCodeAt(at) : SPACE;
      const id = this.pairId(previous, code);
      previous = code;
      if (id >= 0 && wantedPairs[id]!++ === 0) wantedPairIds.push(id);
    }
    for (let w = 0; w < wantedPairIds.length; w++) {
      const id = wantedPairIds.items[w]!;
      const n = wantedPairs[id]!;
      wantedPairs[id] = 0;
      for (let k = pairStarts[id]!; k < pairStarts[id + 1]!; k++) {
        const i = pairNames[k]!;
        if (tracksTouched && sharedWords[i] === 0 && sharedPairs[i] === 0) touched.push(i);
        sharedPairs[i]! += Math.min(n, pairCountsInName[k]!);
      }
    }
    return bare.length + 1;
  }
}

/** Where each list starts in the lists laid end to end, and where the last ends. */
function starts(lists: readonly (readonly number[])[]): Int32Array {
  const at = new Int32Array(lists.length + 1);
  lists.forEach((list, k) => (at[k + 1] = at[k]! + list.length));
  return at;
}
