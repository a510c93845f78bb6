/**
 * Finds which registry unit a written name means. The index is built once per registry, so that
 * matching a workbook's thousands of unit cells costs a few map lookups each.
 */
import { foldText } from '../values/text';
import { localKindOf } from './kinds';
import { foldedNameKey, nameKey, type LocalKind, type NameKey } from './names';
import type { Unit, UnitRegistry } from './registry';
import { SimilarityIndex } from './similarity';

export type UnitMatch =
  /** The canonical name, up to case, Unicode form, spaces and tone-mark placement. */
  | { kind: 'exact'; unit: Unit }
  /** An abbreviation, a registry alias or a variant (punctuation, accents, city suffix). */
  | { kind: 'alias'; unit: Unit }
  /** Up to 3 units, the most alike first; none when nothing is alike. */
  | { kind: 'unknown'; closest: readonly Unit[] };

const MAX_CLOSEST = 3;
/** Below this a suggestion misleads more than it helps. */
const MIN_SIMILARITY = 0.35;
/** Registries up to this many names (the default has under a hundred) are always scored whole. */
const WHOLE_SCAN_LIMIT = 400;

/** A place filed under its kind, or under no kind for a name that writes no level word. */
function placeKey(kind: LocalKind | undefined, place: string): string {
  return kind === undefined || place === '' ? place : `${kind}:${place}`;
}

/** A key's unit, or null when two units share the key: then the key decides nothing. */
class KeyIndex {
  private readonly units = new Map<string, Unit | null>();

  add(key: string, unit: Unit): void {
    if (key === '') return;
    const before = this.units.get(key);
    this.units.set(key, before === undefined || before === unit ? unit : null);
  }

  get(key: string): Unit | null | undefined {
    return this.units.get(key);
  }
}

export class UnitMatcher {
  private readonly canonical = new Map<string, Unit>();
  private readonly aliases = new KeyIndex();
  private readonly keys = new KeyIndex();
  private readonly bareKeys = new KeyIndex();
  private readonly places = new KeyIndex();
  private readonly barePlaces = new KeyIndex();
  /** The bare names to compare an unknown name with; indexed on the first unknown name only. */
  private readonly bareNames: { readonly unit: Unit; readonly bare: string }[] = [];
  private similar?: Similar;
  private readonly units: readonly Unit[];

  constructor(registry: UnitRegistry) {
    this.units = registry.units;
    for (const unit of registry.units) {
      const folded = foldText(unit.name);
      if (!this.canonical.has(folded)) this.canonical.set(folded, unit);
      for (const alias of unit.aliases) this.aliases.add(foldText(alias), unit);
      for (const written of [unit.name, ...unit.aliases]) {
        const key = nameKey(written);
        this.keys.add(key.key, unit);
        this.bareKeys.add(key.bare, unit);
        if (key.local) {
          // A name without a level word ("UBND An Lão") is filed under its unit's kind too.
          const kind = key.local.kind ?? localKindOf(unit.kind);
          for (const level of kind ? [undefined, kind] : [undefined]) {
            this.places.add(placeKey(level, key.local.place), unit);
            this.barePlaces.add(placeKey(level, key.local.placeBare), unit);
          }
        }
        this.bareNames.push({ unit, bare: key.bare });
        // The key leaves "Ủy ban nhân dân" out; "UBND" alone should still bring the local units up.
        if (key.local) this.bareNames.push({ unit, bare: `uy ban nhan dan ${key.bare}` });
      }
    }
  }

  /** Most sheets name only known units: the similarity index is made when first needed. */
  private get similarIndex(): Similar {
    if (!this.similar) {
      const unitIndex = new Map(this.units.map((unit, u) => [unit, u]));
      const unitOf = Int32Array.from(this.bareNames, ({ unit }) => unitIndex.get(unit)!);
      const firstName = new Int32Array(this.units.length).fill(-1);
      unitOf.forEach((u, i) => {
        if (firstName[u] === -1) firstName[u] = i;
      });
      const wordIndex = new Map<string, number[]>();
      if (this.bareNames.length > WHOLE_SCAN_LIMIT) {
        this.bareNames.forEach(({ bare }, i) => {
          for (const word of wordsOf(bare)) {
            const postings = wordIndex.get(word) ?? [];
            postings.push(i);
            wordIndex.set(word, postings);
          }
        });
      }
      this.similar = {
        index: new SimilarityIndex(this.bareNames.map(({ bare }) => bare)),
        unitOf,
        firstName,
        wordIndex,
        bestScore: new Float64Array(this.units.length).fill(-1),
        order: new Int32Array(this.units.length),
      };
    }
    return this.similar;
  }

  /** A sheet names the same units again and again (merges, long tables): match each text once. */
  private readonly seen = new Map<string, UnitMatch>();

  match(text: string): UnitMatch {
    let result = this.seen.get(text);
    if (result === undefined) {
      result = this.matchOnce(text);
      this.seen.set(text, result);
    }
    return result;
  }

  private matchOnce(text: string): UnitMatch {
    const folded = foldText(text);
    const unit = this.canonical.get(folded);
    if (unit) return { kind: 'exact', unit };
    const key = foldedNameKey(folded);
    const found = this.lookup(folded, key);
    return found ? { kind: 'alias', unit: found } : this.unknown(key.bare);
  }

  /** Unknown names with the same suggestions share one answer: a sheet of them keeps few objects. */
  private readonly unknownMatches = new Map<number, UnitMatch>();

  private unknown(bare: string): UnitMatch {
    const closest = this.closest(bare);
    const answer = (): UnitMatch => ({ kind: 'unknown', closest: closest.map((u) => this.units[u]!) });
    // The suggestions as one number: each unit's place plus one is a digit in base units + 1.
    const base = this.units.length + 1;
    if (base ** MAX_CLOSEST > Number.MAX_SAFE_INTEGER) return answer();
    let id = 0;
    for (const u of closest) id = id * base + u + 1;
    let match = this.unknownMatches.get(id);
    if (match === undefined) this.unknownMatches.set(id, (match = answer()));
    return match;
  }

  /** From the surest tier to the loosest; a key shared by two units ends the search unmatched. */
  private lookup(folded: string, key: NameKey): Unit | null | undefined {
    // The place is enough within a kind, whatever its level word: districts were renamed
    // ("huyện Thủy Nguyên" became "thành phố Thủy Nguyên"), and a bare "Kiến Thụy" is clear. A
    // level of another kind is another unit: "xã An Lão" is not "huyện An Lão" nor "phường An Lão".
    const local = key.local ?? { place: key.key, placeBare: key.bare };
    let unit = this.aliases.get(folded);
    if (unit === undefined) unit = this.keys.get(key.key);
    if (unit === undefined) unit = this.bareKeys.get(key.bare);
    if (unit === undefined) unit = this.places.get(placeKey(local.kind, local.place));
    if (unit === undefined) unit = this.barePlaces.get(placeKey(local.kind, local.placeBare));
    return unit;
  }

  /**
   * The places of the units most alike, by each unit's best score over its candidate names; only
   * names sharing something can reach the threshold. Scoring a name costs less than remembering it
   * by its bare key: `match` remembers texts.
   */
  private closest(bare: string): number[] {
    if (bare === '') return [];
    const { index, unitOf, firstName, bestScore, order } = this.similarIndex;
    const allowed = this.candidates(bare);
    const scored: number[] = [];
    // Scanning whole, a unit's order is its first name's: a score too low to suggest needs no record.
    index.scoreShared(bare, allowed ? Number.NEGATIVE_INFINITY : MIN_SIMILARITY, (i, score) => {
      if (allowed !== undefined && !allowed.has(i)) return;
      const u = unitOf[i]!;
      if (bestScore[u] === -1) {
        bestScore[u] = score;
        order[u] = allowed === undefined ? firstName[u]! : i;
        scored.push(u);
      } else if (score > bestScore[u]!) bestScore[u] = score;
    });
    // The most alike first; equally alike units keep the registry's order.
    const closest: number[] = [];
    for (const u of scored) {
      if (bestScore[u]! >= MIN_SIMILARITY) {
        let at = closest.length;
        while (at > 0 && before(u, closest[at - 1]!)) at--;
        if (at < MAX_CLOSEST) closest.splice(at, 0, u);
        if (closest.length > MAX_CLOSEST) closest.pop();
      }
    }
    for (const u of scored) bestScore[u] = -1;
    return closest;

    function before(u: number, v: number): boolean {
      return bestScore[u]! > bestScore[v]! || (bestScore[u] === bestScore[v] && order[u]! < order[v]!);
    }
  }

  /**
   * The names worth scoring. A registry of a few hundred units is scored whole; in a large
   * one (every ward of a province) the names that share a distinctive word — one that few names
   * have, such as the ward's own name or number — are scored, and the whole only when none does.
   */
  private candidates(bare: string): ReadonlySet<number> | undefined {
    if (this.bareNames.length <= WHOLE_SCAN_LIMIT) return undefined;
    const { wordIndex } = this.similarIndex;
    const distinctive = this.bareNames.length / 20;
    const picked = new Set<number>();
    for (const word of wordsOf(bare)) {
      const postings = wordIndex.get(word);
      if (postings && postings.length <= distinctive) for (const i of postings) picked.add(i);
    }
    return picked.size === 0 ? undefined : picked;
  }
}

/** The distinct words of a bare name, as its similarity profile has them. */
function wordsOf(bare: string): Set<string> {
  return new Set(bare.split(' ').filter((w) => w !== ''));
}

/** The index of the names an unknown name is compared with, and scratch space for one comparison. */
interface Similar {
  readonly index: SimilarityIndex;
  /** The unit of each name, by its place in the registry. */
  readonly unitOf: Int32Array;
  /** Each unit's first name: among equally alike units, the registry's order decides. */
  readonly firstName: Int32Array;
  /** In a large registry, the names each word is in. */
  readonly wordIndex: ReadonlyMap<string, readonly number[]>;
  /** Each unit's best score in the comparison under way, -1 for none. */
  readonly bestScore: Float64Array;
  readonly order: Int32Array;
}
