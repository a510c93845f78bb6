/**
 * Text comparison as SPEC.md asks: Unicode NFC, case folding, whitespace folding, and the old
 * and new Vietnamese tone-mark placements ("hoá" = "hóa", "thuỷ" = "thủy") treated as one.
 */

const invisible = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const anySpace = /[\s\u00A0\u2007\u202F]+/g;
/** Text that cleanSpaces would change: other white space, a space at an end or twice, an invisible character. */
const uncleanSpaces = /[^\S ]|^ | $| {2}|[\u200B-\u200D\u2060\uFEFF\u00AD]/;

/** Old-style placement puts the tone on the second vowel of oa/oe/uy; move it to the first. */
const toneMarks = '\u0300\u0301\u0303\u0309\u0323';
const oldTonePlacement = new RegExp(`([oOuU])([aAeEyY])([${toneMarks}])(?![\\p{L}\\p{M}]*[\\p{L}])`, 'gu');

/**
 * How the characters of plain Vietnamese text take part in folding, by UTF-16 code: text made of
 * these alone folds by lower-casing, unless an old tone placement ("oà", "uý") may need moving.
 */
const OTHER = 0;
const PLAIN = 1;
const O_OR_U = 2;
const TONED_A_E_Y = 3;
const SPACE = 4;
const tonedAEY = new RegExp(`^[aey][${toneMarks}]`);
const foldClass = new Uint8Array(0x1f00);
for (let code = 0x21; code < 0x7f; code++) foldClass[code] = PLAIN;
foldClass[0x20] = SPACE;
for (const c of 'oOuU') foldClass[c.charCodeAt(0)] = O_OR_U;
for (const vowel of ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']) {
  for (const tone of toneMarks) {
    const toned = (vowel + tone).normalize('NFC');
    // "ậ" decomposes as a, dot below, circumflex: its tone follows the a as "à"'s does.
    const kind = tonedAEY.test(toned.normalize('NFD')) ? TONED_A_E_Y : PLAIN;
    for (const c of [toned, toned.toUpperCase()]) foldClass[c.charCodeAt(0)] = kind;
  }
  for (const c of [vowel, vowel.toUpperCase()])
    if (foldClass[c.charCodeAt(0)] === OTHER) foldClass[c.charCodeAt(0)] = PLAIN;
}
foldClass['đ'.charCodeAt(0)] = PLAIN;
foldClass['Đ'.charCodeAt(0)] = PLAIN;

/** True when `text` is plain Vietnamese, single-spaced, with no tone placement to move: lower-casing folds it. */
function foldsByLowerCase(text: string): boolean {
  let previous = SPACE;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = code < foldClass.length ? foldClass[code]! : OTHER;
    if (kind === OTHER || (kind === SPACE && previous === SPACE) || (kind === TONED_A_E_Y && previous === O_OR_U)) {
      return false;
    }
    previous = kind;
  }
  return previous !== SPACE || text === '';
}

/** Removes invisible characters and folds every run of white space into one space. */
export function cleanSpaces(text: string): string {
  if (!uncleanSpaces.test(text)) return text;
  return text.replace(invisible, '').replace(anySpace, ' ').trim();
}

/** The comparison key of a text: equal keys mean the same text to a reader. */
export function foldText(text: string): string {
  if (foldsByLowerCase(text)) return text.toLowerCase();
  const decomposed = cleanSpaces(text).normalize('NFD').toLowerCase(); // Vietnamese has no special case rules
  // The new placement (tone on the first vowel of "oa", "oe", "uy" at the end of a syllable).
  return decomposed.replace(oldTonePlacement, '$1$3$2').normalize('NFC');
}

/** Folded text with every accent removed and đ as d: for matching typos and headers. */
export function stripAccents(text: string): string {
  return withoutAccents(foldText(text));
}

/** Text with no letter outside ASCII has no accent to remove. */
const nonAscii = /[^\x00-\x7F]/;

/** stripAccents for text that foldText has already folded: words of a folded name. */
export function withoutAccents(folded: string): string {
  if (!nonAscii.test(folded)) return folded;
  return folded.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}
