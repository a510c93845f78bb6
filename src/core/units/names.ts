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
  /** Could be a part of an abbreviation: no vowel ("lđ", "tb"). */
  readonly part: boolean;
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
    const bare = withoutAccents(text);
    known = { text, bare, part: /^[b-df-hj-np-tv-xz]+$/.test(bare) };
    knownWords.set(text, known);
  }
  return known;
}

const wordPattern = /[\p{L}\p{N}\p{M}]+|&/gu;

/** How a character of folded plain text splits words: most names are ASCII and Vietnamese letters. */
const SEPARATOR = 0;
const LETTER = 1;
const AMPERSAND = 2;
const UNUSUAL = 3;
const charClass = new Uint8Array(0x1f00).fill(UNUSUAL);
for (let code = 0; code < 0x80; code++)
  charClass[code] = /[a-zA-Z0-9]/.test(String.fromCharCode(code)) ? LETTER : SEPARATOR;
charClass['&'.charCodeAt(0)] = AMPERSAND;
for (const c of 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ')
  charClass[c.charCodeAt(0)] = LETTER;

/** An ASCII word is its own bare form: made afresh, it costs less than a look-up (a ward's number). */
function asciiWord(text: string): Word {
  return { text, bare: text, part: /^[b-df-hj-np-tv-xz]+$/.test(text) };
}

function words(folded: string): Word[] {
  const ws: Word[] = [];
  let start = -1;
  let ascii = true;
  for (let i = 0; i <= folded.length; i++) {
    const code = i < folded.length ? folded.charCodeAt(i) : 0x20;
    const kind = code < charClass.length ? charClass[code]! : UNUSUAL;
    if (kind === UNUSUAL) return unusualWords(folded);
    if (kind === LETTER) {
      if (start < 0) start = i;
      if (code >= 0x80) ascii = false;
      continue;
    }
    if (start >= 0) {
      const text = folded.slice(start, i);
      ws.push(ascii ? asciiWord(text) : word(text));
    }
    start = -1;
    ascii = true;
    if (kind === AMPERSAND) ws.push(AMPERSAND_WORD);
  }
  return ws;
}

/** The words of any text: letters, digits and marks of every script. */
function unusualWords(folded: string): Word[] {
  const ws: Word[] = [];
  wordPattern.lastIndex = 0;
  for (let m = wordPattern.exec(folded); m !== null; m = wordPattern.exec(folded)) {
    const w = word(m[0]);
    if (w.bare !== '' || w.text === '&') ws.push(w);
  }
  return ws;
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
const AMPERSAND_WORD = word('&');
const TRUYEN_THONG = foldText('truyền thông').split(' ').map(word);
const MAX_PARTS = 4;

/** Abbreviation parts have no vowel ("lđ", "tb", "xh"): real words never glue into one. */
function isPart(w: Word | undefined): w is Word {
  return w !== undefined && w.part;
}

function isJoiner(w: Word | undefined): boolean {
  return w !== undefined && (w.text === '&' || w.bare === 'va');
}

/** The longest abbreviation starting at `start`: its expansion and the index after it. */
function abbreviationAt(ws: readonly Word[], start: number): { expansion: readonly Word[]; end: number } | undefined {
  const first = ws[start];
  if (first === undefined) return undefined;
  if (!first.part) {
    const expansion = ABBREVIATIONS.get(first.bare);
    return expansion && { expansion, end: start + 1 };
  }
  const candidates: { glued: string; end: number }[] = [{ glued: first.bare, end: start + 1 }];
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
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]!;
    const expansion = ABBREVIATIONS.get(c.glued);
    if (expansion) return { expansion, end: c.end };
  }
  return undefined;
}

function endsWith(ws: readonly Word[], bare: readonly string[]): boolean {
  const offset = ws.length - bare.length;
  return offset >= 0 && startsWith(ws, bare, offset);
}

function expand(ws: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < ws.length;) {
    const w = ws[i]!;
    const abbreviation = abbreviationAt(ws, i);
    if (abbreviation) {
      for (const e of abbreviation.expansion) out.push(e);
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
    let dropped = false;
    for (const suffix of CITY_SUFFIXES) {
      if (ws.length > suffix.length && endsWith(ws, suffix)) {
        ws.length -= suffix.length;
        dropped = true;
        break;
      }
    }
    if (!dropped) return;
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
  for (let i = 0; i < bare.length; i++) if (ws[at + i]?.bare !== bare[i]) return false;
  return true;
}

/** The words from `start` to before `end`, joined by one space. */
function joinText(ws: readonly Word[], start = 0, end = ws.length): string {
  let joined = start < end ? ws[start]!.text : '';
  for (let i = start + 1; i < end; i++) joined = `${joined} ${ws[i]!.text}`;
  return joined;
}

function joinBare(ws: readonly Word[], start = 0, end = ws.length): string {
  let joined = start < end ? ws[start]!.bare : '';
  for (let i = start + 1; i < end; i++) joined = `${joined} ${ws[i]!.bare}`;
  return joined;
}

/** Where the place ends, before the province it lies in; one word at least stays. */
function placeEnd(ws: readonly Word[], start: number): number {
  for (let i = start + 1; i < ws.length; i++) {
    for (const province of PROVINCE_WORDS) if (startsWith(ws, province, i)) return i;
  }
  return ws.length;
}

function levelAt(ws: readonly Word[], at: number): (typeof LEVELS)[number] | undefined {
  for (const level of LEVELS) if (startsWith(ws, level.words, at) && ws.length > at + level.words.length) return level;
  return undefined;
}

/** The comparison keys of a unit name. */
export function nameKey(text: string): NameKey {
  return foldedNameKey(foldText(text));
}

/** nameKey of a text that foldText has already folded. */
export function foldedNameKey(folded: string): NameKey {
  const ws = expand(words(folded));
  dropCitySuffix(ws);
  const committee = ws.length > COMMITTEE.length && startsWith(ws, COMMITTEE);
  const at = committee ? COMMITTEE.length : 0;
  const level = levelAt(ws, at);
  if (!committee && !level) return { key: joinText(ws), bare: joinBare(ws) };
  // "Ủy ban nhân dân quận X" is written "Quận X" as often as not: the key leaves the committee out.
  const placeStart = at + (level?.words.length ?? 0);
  const end = placeEnd(ws, placeStart);
  const place = joinText(ws, placeStart, end);
  const placeBare = joinBare(ws, placeStart, end);
  return {
    key: joinText(ws, at, end),
    bare: joinBare(ws, at, end),
    local: level ? { kind: level.kind, level: joinText(ws, at, placeStart), place, placeBare } : { place, placeBare },
  };
}
