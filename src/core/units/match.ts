/**
 * Finds which registry unit a written name means. The index is built once per registry, so that
 * matching a workbook's thousands of unit cells costs a few map lookups each.
 */
import { foldText } from '../values/text';
import { localKindOf } from './kinds';
import { nameKey, type LocalKind, type NameKey } from './names';
import type { Unit, UnitRegistry } from './registry';
import { profile, SimilarityIndex, type Profile } from './similarity';

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
  /** The bare names to compare an unknown name with; profiled on the first unknown name only. */
  private readonly bareNames: { readonly unit: Unit; readonly bare: string }[] = [];
  private profiled?: { readonly unit: Unit; readonly profile: Profile }[];
  private similarityIndex?: SimilarityIndex;
  /** Each unit's first profile: among equally alike units, the registry's order decides. */
  private readonly firstProfile = new Map<Unit, number>();
  /** Unknown names that differ only in case, accents or spacing get the same suggestions. */
  private readonly suggested = new Map<string, Unit[]>();
  private readonly wordIndex = new Map<string, number[]>();

  constructor(registry: UnitRegistry) {
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

  /** Most sheets name only known units: the similarity profiles are made when first needed. */
  private get profiles(): readonly { readonly unit: Unit; readonly profile: Profile }[] {
    if (!this.profiled) {
      this.profiled = this.bareNames.map(({ unit, bare }) => ({ unit, profile: profile(bare) }));
      this.buildWordIndex(this.profiled);
      this.similarityIndex = new SimilarityIndex(this.profiled.map((p) => p.profile));
      this.profiled.forEach(({ unit }, i) => {
        if (!this.firstProfile.has(unit)) this.firstProfile.set(unit, i);
      });
    }
    return this.profiled;
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
    const key = nameKey(text);
    const found = this.lookup(folded, key);
    return found ? { kind: 'alias', unit: found } : { kind: 'unknown', closest: this.closest(key.bare) };
  }

  /** From the surest tier to the loosest; a key shared by two units ends the search unmatched. */
  private lookup(folded: string, key: NameKey): Unit | null | undefined {
    // The place is enough within a kind, whatever its level word: districts were renamed
    // ("huyện Thủy Nguyên" became "thành phố Thủy Nguyên"), and a bare "Kiến Thụy" is clear. A
    // level of another kind is another unit: "xã An Lão" is not "huyện An Lão" nor "phường An Lão".
    const local = key.local ?? { place: key.key, placeBare: key.bare };
    const tiers = [
      () => this.aliases.get(folded),
      () => this.keys.get(key.key),
      () => this.bareKeys.get(key.bare),
      () => this.places.get(placeKey(local.kind, local.place)),
      () => this.barePlaces.get(placeKey(local.kind, local.placeBare)),
    ];
    for (const tier of tiers) {
      const unit = tier();
      if (unit !== undefined) return unit;
    }
    return undefined;
  }

  private closest(bare: string): Unit[] {
    if (bare === '') return [];
    let found = this.suggested.get(bare);
    if (found === undefined) {
      found = this.closestOnce(bare);
      this.suggested.set(bare, found);
    }
    return found;
  }

  /** Each unit's best score over its candidate profiles; only profiles sharing something can reach the threshold. */
  private closestOnce(bare: string): Unit[] {
    const wanted = profile(bare);
    const profiles = this.profiles;
    const allowed = this.candidates(wanted);
    const best = new Map<Unit, { score: number; order: number }>();
    this.similarityIndex!.scoreShared(wanted, (i, score) => {
      if (allowed !== undefined && !allowed.has(i)) return;
      // Scanning whole, a unit's order is its first profile's: a score too low to suggest needs no record.
      if (allowed === undefined && score < MIN_SIMILARITY) return;
      const unit = profiles[i]!.unit;
      const seen = best.get(unit);
      if (seen === undefined) {
        best.set(unit, { score, order: allowed === undefined ? this.firstProfile.get(unit)! : i });
      } else if (score > seen.score) seen.score = score;
    });
    // Equally alike units keep the registry's order.
    return [...best]
      .filter(([, { score }]) => score >= MIN_SIMILARITY)
      .sort((a, b) => b[1].score - a[1].score || a[1].order - b[1].order)
      .slice(0, MAX_CLOSEST)
      .map(([unit]) => unit);
  }

  /**
   * The profiles worth scoring. A registry of a few hundred units is scored whole; in a large
   * one (every ward of a province) the names that share a distinctive word — one that few names
   * have, such as the ward's own name or number — are scored, and the whole only when none does.
   */
  private candidates(wanted: Profile): ReadonlySet<number> | undefined {
    if (this.profiles.length <= WHOLE_SCAN_LIMIT) return undefined;
    const distinctive = this.profiles.length / 20;
    const picked = new Set<number>();
    for (const word of wanted.words) {
      const postings = this.wordIndex.get(word);
      if (postings && postings.length <= distinctive) for (const i of postings) picked.add(i);
    }
    return picked.size === 0 ? undefined : picked;
  }

  private buildWordIndex(profiles: readonly { readonly profile: Profile }[]): void {
    profiles.forEach(({ profile: p }, i) => {
      for (const word of p.words) {
        const postings = this.wordIndex.get(word) ?? [];
        postings.push(i);
        this.wordIndex.set(word, postings);
      }
    });
  }
}
