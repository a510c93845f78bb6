/**
 * Soát's block inside a cell note. A human's note text stays as it is; Soát's own text sits
 * after a marker line so that a re-run replaces it and Clear removes it, never duplicates it.
 */
export const soatMarker = '— Soát —';

const markerLine = new RegExp(`(?:\\r?\\n)*${soatMarker}[\\s\\S]*$`);

/** The human part of a note, or "" when the note is Soát's alone. */
export function humanPart(note: string | undefined): string {
  return (note ?? '').replace(markerLine, '').replace(/\s+$/, '');
}

export function hasSoatBlock(note: string | undefined): boolean {
  return (note ?? '').includes(soatMarker);
}

/**
 * The note a cell should carry: the human part kept, Soát's block replaced by `soatText`
 * (or removed when `soatText` is undefined). Undefined when nothing remains.
 */
export function mergeNote(existing: string | undefined, soatText: string | undefined): string | undefined {
  const human = humanPart(existing);
  if (soatText === undefined) return human === '' ? undefined : human;
  const block = `${soatMarker}\n${soatText}`;
  return human === '' ? block : `${human}\n\n${block}`;
}
