/**
 * Text comparison as SPEC.md asks: Unicode NFC, case folding, whitespace folding, and the old
 * and new Vietnamese tone-mark placements ("hoá" = "hóa", "thuỷ" = "thủy") treated as one.
 */

const invisible = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const anySpace = /[\s\u00A0\u2007\u202F]+/g;

/** Old-style placement puts the tone on the second vowel of oa/oe/uy; move it to the first. */
const toneMarks = '\u0300\u0301\u0303\u0309\u0323';
const oldTonePlacement = new RegExp(`([oOuU])([aAeEyY])([${toneMarks}])(?![\\p{L}\\p{M}]*[\\p{L}])`, 'gu');

/** Removes invisible characters and folds every run of white space into one space. */
export function cleanSpaces(text: string): string {
  return text.replace(invisible, '').replace(anySpace, ' ').trim();
}

/** The comparison key of a text: equal keys mean the same text to a reader. */
export function foldText(text: string): string {
  const decomposed = cleanSpaces(text).normalize('NFD').toLowerCase(); // Vietnamese has no special case rules
  // The new placement (tone on the first vowel of "oa", "oe", "uy" at the end of a syllable).
  return decomposed.replace(oldTonePlacement, '$1$3$2').normalize('NFC');
}

/** Folded text with every accent removed and đ as d: for matching typos and headers. */
export function stripAccents(text: string): string {
  return withoutAccents(foldText(text));
}

/** stripAccents for text that foldText has already folded: words of a folded name. */
export function withoutAccents(folded: string): string {
  return folded.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}
