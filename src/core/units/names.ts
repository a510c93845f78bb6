/**
 * Unit names as comparison keys. Reports write the same unit many ways ("UBND huyện Kiến Thụy",
 * "UBND P. Hồng Bàng", "Sở LĐ-TB&XH", "Chi nhánh NHNN TP"); spelling out the abbreviations and dropping punctuation
 * gives every way of writing one unit the same key.
 */
import { foldText, withoutAccents } from '../values/text';

/** One word of a name: as folded (accents kept) and bare (accents removed, đ as d). */
interface Word {
  readonly text: string;
  readonly bare: string;
}

/** The level of local government a name's level word says; "quận", "huyện" are before July 2025. */
export type LocalKind = 'district' | 'commune' | 'ward' | 'special-zone';

/** The keys of one name; `local` is set when the name reads as a local committee or unit. */
export interface NameKey {
  /** Abbreviations spelled out, punctuation and the optional city suffix dropped. */
  readonly key: string;
  /** The same without accents: "Công …" for "Cổng …" and "Phong" for "Phòng" still meet. */
  readonly bare: string;
  readonly local?: {
    /** The level's kind; absent in "UBND Kiến Thụy", which says no level. */
    readonly kind?: LocalKind;
    /** "quận", "huyện", "thị xã", "thành phố", "xã", "phường" or "đặc khu", as written. */
    readonly level?: string;
    readonly place: string;
    readonly placeBare: string;
  };
}

/** Names repeat their words ("phường", "ủy ban"): each is stripped of accents once, up to a bound. */
const knownWords = new Map<string, Word>();
const KNOWN_WORDS_LIMIT = 10_000;

/** `text` is already folded: its words come from a folded name. */
function word(text: string): Word {
  let known = knownWords.get(text);
  if (known === undefined) {
    if (knownWords.size >= KNOWN_WORDS_LIMIT) knownWords.clear();
    known = { text, bare: withoutAccents(text) };
    knownWords.set(text, known);
  }
  return known;
}

function words(folded: string): Word[] {
  return (folded.match(/[\p{L}\p{N}\p{M}]+|&/gu) ?? []).map(word).filter((w) => w.bare !== '' || w.text === '&');
}

/**
 * Keyed by bare letters so that accent-less typing ("LD-TB&XH") expands too. Multi-part entries
 * ("gddt") are written as one word or as parts joined by "&", "-", "." or "và" ("GD&ĐT", "GD-ĐT").
 */
const ABBREVIATIONS: ReadonlyMap<string, readonly Word[]> = new Map(
  (
    [
      ['ubnd', 'ủy ban nhân dân'],
      ['tp', 'thành phố'],
      ['hp', 'hải phòng'],
      ['nhnn', 'ngân hàng nhà nước'],
      ['cn', 'chi nhánh'],
      ['ldtbxh', 'lao động thương binh và xã hội'],
      ['bql', 'ban quản lý'],
      ['kkt', 'khu kinh tế'],
      ['ptnt', 'phát triển nông thôn'],
      ['nnptnt', 'nông nghiệp và phát triển nông thôn'],
      ['gddt', 'giáo dục và đào tạo'],
      ['khcn', 'khoa học và công nghệ'],
      ['tnmt', 'tài nguyên và môi trường'],
      ['vhtt', 'văn hóa và thể thao'],
      ['gtvt', 'giao thông vận tải'],
      ['khdt', 'kế hoạch và đầu tư'],
      ['tttt', 'thông tin và truyền thông'],
      ['bhxh', 'bảo hiểm xã hội'],
      ['htx', 'hợp tác xã'],
      ['dnnvv', 'doanh nghiệp nhỏ và vừa'],
      ['qltt', 'quản lý thị trường'],
      ['thads', 'thi hành án dân sự'],
      ['ttdt', 'thông tin điện tử'],
      ['tand', 'tòa án nhân dân'],
      ['hq', 'hải quan'],
      ['xd', 'xây dựng'],
      ['q', 'quận'],
      ['h', 'huyện'],
      ['tx', 'thị xã'],
      ['x', 'xã'],
      ['p', 'phường'],
      ['dk', 'đặc khu'],
      ['nnmt', 'nông nghiệp và môi trường'],
      ['vhttdl', 'văn hóa thể thao và du lịch'],
      ['dttg', 'dân tộc và tôn giáo'],
      ['vcci', 'phòng thương mại và công nghiệp việt nam'],
    ] as const
  ).map(([short, long]) => [short, foldText(long).split(' ').map(word)]),
);

const AND = word('và');
const TRUYEN_THONG = foldText('truyền thông').split(' ').map(word);
const MAX_PARTS = 4;

/** Abbreviation parts have no vowel ("lđ", "tb", "xh"): real words never glue into one. */
function isPart(w: Word | undefined): w is Word {
  return w !== undefined && /^[b-df-hj-np-tv-xz]+$/.test(w.bare);
}

function isJoiner(w: Word | undefined): boolean {
  return w !== undefined && (w.text === '&' || w.bare === 'va');
}

/** The longest abbreviation starting at `start`: its expansion and the index after it. */
function abbreviationAt(ws: readonly Word[], start: number): { expansion: readonly Word[]; end: number } | undefined {
  const first = ws[start];
  if (first === undefined) return undefined;
  const candidates: { glued: string; end: number }[] = [{ glued: first.bare, end: start + 1 }];
  if (isPart(first)) {
    let glued = first.bare;
    let next = start + 1;
    while (candidates.length < MAX_PARTS) {
      const at = isJoiner(ws[next]) ? next + 1 : next;
      const part = ws[at];
      if (!isPart(part)) break;
      glued += part.bare;
      next = at + 1;
      candidates.push({ glued, end: next });
    }
  }
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]!;
    const expansion = ABBREVIATIONS.get(c.glued);
    if (expansion) return { expansion, end: c.end };
  }
  return undefined;
}

function endsWith(ws: readonly Word[], bare: readonly string[]): boolean {
  const offset = ws.length - bare.length;
  return offset >= 0 && bare.every((b, i) => ws[offset + i]!.bare === b);
}

function expand(ws: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < ws.length;) {
    const w = ws[i]!;
    const abbreviation = abbreviationAt(ws, i);
    if (abbreviation) {
      out.push(...abbreviation.expansion);
      i = abbreviation.end;
      continue;
    }
    if (w.text === '&') out.push(AND);
    // "TT" is "Truyền thông" only in "Thông tin và TT"; elsewhere it may be "Trung tâm".
    else if (w.bare === 'tt' && endsWith(out, ['thong', 'tin', 'va'])) out.push(...TRUYEN_THONG);
    else out.push(w);
    i++;
  }
  return out;
}

/** Words a name may end with or not: "Công an thành phố" = "Công an TP" = "Công an Hải Phòng". */
const CITY_SUFFIXES = [
  ['thanh', 'pho'],
  ['hai', 'phong'],
];

function dropCitySuffix(ws: Word[]): void {
  // One word at least stays: "Thành phố" alone is a name, not a suffix.
  for (;;) {
    const suffix = CITY_SUFFIXES.find((s) => ws.length > s.length && endsWith(ws, s));
    if (!suffix) return;
    ws.splice(ws.length - suffix.length);
  }
}

const COMMITTEE = ['uy', 'ban', 'nhan', 'dan'];

/** Level words and the kind of unit each names; "thành phố" was also a district's level. */
const LEVELS: readonly { readonly words: readonly string[]; readonly kind: LocalKind }[] = [
  { words: ['quan'], kind: 'district' },
  { words: ['huyen'], kind: 'district' },
  { words: ['thi', 'xa'], kind: 'district' },
  { words: ['thanh', 'pho'], kind: 'district' },
  { words: ['xa'], kind: 'commune' },
  { words: ['phuong'], kind: 'ward' },
  { words: ['dac', 'khu'], kind: 'special-zone' },
];

/** Where a local unit's place name ends: "xã An Lão, tỉnh Hải Phòng", "phường X - TP Y". */
const PROVINCE_WORDS = [['tinh'], ['thanh', 'pho']];

function startsWith(ws: readonly Word[], bare: readonly string[], at = 0): boolean {
  return bare.every((b, i) => ws[at + i]?.bare === b);
}

function join(ws: readonly Word[], part: 'text' | 'bare'): string {
  return ws.map((w) => w[part]).join(' ');
}

/** The place without the province it lies in; one word at least stays. */
function withoutProvince(place: readonly Word[]): readonly Word[] {
  for (let i = 1; i < place.length; i++)
    if (PROVINCE_WORDS.some((p) => startsWith(place, p, i))) return place.slice(0, i);
  return place;
}

/** The comparison keys of a unit name. */
export function nameKey(text: string): NameKey {
  const ws = expand(words(foldText(text)));
  dropCitySuffix(ws);
  const committee = startsWith(ws, COMMITTEE) && ws.length > COMMITTEE.length;
  const at = committee ? COMMITTEE.length : 0;
  const level = LEVELS.find((l) => startsWith(ws, l.words, at) && ws.length > at + l.words.length);
  if (!committee && !level) return { key: join(ws, 'text'), bare: join(ws, 'bare') };
  // "Ủy ban nhân dân quận X" is written "Quận X" as often as not: the key leaves the committee out.
  const levelWords = ws.slice(at, at + (level?.words.length ?? 0));
  const place = withoutProvince(ws.slice(at + levelWords.length));
  const named = [...levelWords, ...place];
  return {
    key: join(named, 'text'),
    bare: join(named, 'bare'),
    local: {
      ...(level ? { kind: level.kind, level: join(levelWords, 'text') } : {}),
      place: join(place, 'text'),
      placeBare: join(place, 'bare'),
    },
  };
}
