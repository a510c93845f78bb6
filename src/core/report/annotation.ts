/**
 * Soát's block inside a cell note. A human's note text stays as it is; Soát's own text sits
 * between a marker line and an end line, so that a re-run replaces it and Clear removes it,
 * never duplicates it, and a reply written under it is the human's and is kept.
 */
export const soatMarker = '— Soát —';
/** Ends Soát's block; a note written before it had one ends its block at the end of the note. */
export const soatEndMarker = '— hết Soát —';

/** A note split around Soát's block: the human's text before and after it, kept as written. */
export interface NoteParts {
  readonly before: string;
  readonly block: string | undefined;
  readonly after: string;
}

export function splitNote(note: string | undefined): NoteParts {
  const text = note ?? '';
  const start = text.indexOf(soatMarker);
  if (start < 0) return { before: text, block: undefined, after: '' };
  const end = text.indexOf(soatEndMarker, start + soatMarker.length);
  const stop = end < 0 ? text.length : end + soatEndMarker.length;
  return { before: text.slice(0, start), block: text.slice(start, stop), after: text.slice(stop) };
}

/** Soát's block of a note, marker to end line; undefined when there is none. */
export function soatBlock(note: string | undefined): string | undefined {
  return splitNote(note).block;
}

/** The human part of a note, or "" when the note is Soát's alone. */
export function humanPart(note: string | undefined): string {
  const { before, after } = splitNote(note);
  return joinHuman(before, after);
}

export function hasSoatBlock(note: string | undefined): boolean {
  return (note ?? '').includes(soatMarker);
}

/** The human's text around a removed block, with the blank lines Soát put around it dropped. */
function joinHuman(before: string, after: string): string {
  const head = before.replace(/\s+$/, '');
  const tail = after.replace(/^\s*\n/, '').replace(/\s+$/, '');
  if (head === '') return tail;
  return tail === '' ? head : `${head}\n\n${tail}`;
}

/** Soát's block as it is written into a note. */
export function noteBlock(soatText: string): string {
  return `${soatMarker}\n${soatText}\n${soatEndMarker}`;
}

/**
 * The note a cell should carry: the human's text kept, Soát's block replaced by `soatText` in
 * place (or removed when `soatText` is undefined). Undefined when nothing remains.
 */
export function mergeNote(existing: string | undefined, soatText: string | undefined): string | undefined {
  const { before, block, after } = splitNote(existing);
  if (soatText === undefined) {
    const human = joinHuman(before, after);
    return human === '' ? undefined : human;
  }
  if (block !== undefined) return `${before}${noteBlock(soatText)}${after}`;
  const human = before.replace(/\s+$/, '');
  return human === '' ? noteBlock(soatText) : `${human}\n\n${noteBlock(soatText)}`;
}
