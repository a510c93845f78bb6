import { decodeCellText, textElement } from './xml-text';

/**
 * The `<text>` of a note changed only where its words change: the runs before and after the
 * changed stretch (a human's text, rich formatting, a reply under Soát's block) are kept as they
 * are, byte for byte; the changed stretch becomes one run.
 */

interface Piece {
  /** The element as the note holds it. */
  readonly xml: string;
  /** Its text; '' for what is no text (phonetic runs and properties). */
  readonly text: string;
  /** `<rPr>…</rPr>` of a run; undefined for a bare `<t>`. */
  readonly rPr: string | undefined;
  readonly isText: boolean;
}

const piecePattern =
  /<r>([\s\S]*?)<\/r>|<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>|<rPh\b[\s\S]*?<\/rPh>|<phoneticPr\b[^>]*\/>/g;

function pieces(inner: string): Piece[] {
  const found: Piece[] = [];
  for (const match of inner.matchAll(piecePattern)) {
    const [xml, run, bare] = match;
    if (run !== undefined) {
      const rPr = /<rPr>[\s\S]*?<\/rPr>|<rPr\/>/.exec(run)?.[0];
      const t = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/.exec(run)?.[1] ?? '';
      found.push({ xml, text: decodeCellText(t), rPr: rPr ?? '', isText: true });
    } else if (bare !== undefined || xml.startsWith('<t')) {
      found.push({ xml, text: decodeCellText(bare ?? ''), rPr: undefined, isText: true });
    } else {
      found.push({ xml, text: '', rPr: undefined, isText: false });
    }
  }
  return found;
}

/** A note's words, as its `<text>` element's content holds them. */
export function noteTextOf(inner: string): string {
  return pieces(inner)
    .map((p) => p.text)
    .join('');
}

function run(rPr: string | undefined, text: string): string {
  return rPr === undefined ? textElement(text) : `<r>${rPr}${textElement(text)}</r>`;
}

/** The content of a new note's `<text>`. */
export function newNoteText(text: string): string {
  return `<r>${textElement(text)}</r>`;
}

/**
 * A pure insertion or removal can slide along the repeated text around it ("a\n|\nb" and
 * "a|\n\nb" take the same "\nX" in): it is moved to where a run ends, so that the inserted
 * line is a run of its own and removing it gives back the runs as they were.
 */
function atPieceBoundary(
  all: readonly Piece[],
  old: string,
  next: string,
  prefix: number,
  suffix: number,
): { prefix: number; suffix: number } {
  const removed = old.length - prefix - suffix;
  const inserted = next.length - prefix - suffix;
  if (removed !== 0 && inserted !== 0) return { prefix, suffix };
  const longer = removed === 0 ? next : old;
  const boundaries = new Set<number>();
  let at = 0;
  for (const piece of all) boundaries.add((at += piece.text.length));
  boundaries.add(0);
  for (let p = prefix, s = suffix; ; p--, s++) {
    if (boundaries.has(p)) return { prefix: p, suffix: s };
    // The change slides left while the character before it equals the last one it holds.
    const length = removed + inserted;
    if (p === 0 || longer[p - 1] !== longer[p + length - 1]) break;
  }
  for (let p = prefix, s = suffix; s > 0; p++, s--) {
    const length = removed + inserted;
    if (longer[p] !== longer[p + length]) break;
    if (boundaries.has(p + 1)) return { prefix: p + 1, suffix: s - 1 };
  }
  return { prefix, suffix };
}

/** The `<text>` content saying `next`, keeping every piece whose words do not change. */
export function rewriteNoteText(inner: string, next: string): string {
  const all = pieces(inner);
  const old = all.map((p) => p.text).join('');
  if (old === next) return inner;
  // A note of bare `<t>` holds one text: it can only be written whole.
  if (all.some((p) => p.isText && p.rPr === undefined)) return textElement(next);
  let prefix = 0;
  while (prefix < old.length && prefix < next.length && old[prefix] === next[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < old.length - prefix &&
    suffix < next.length - prefix &&
    old[old.length - 1 - suffix] === next[next.length - 1 - suffix]
  )
    suffix++;
  ({ prefix, suffix } = atPieceBoundary(all, old, next, prefix, suffix));
  const changedEnd = old.length - suffix;
  const middle = next.slice(prefix, next.length - suffix);

  let out = '';
  let at = 0;
  let placed = false;
  let lastRPr: string | undefined = '';
  const place = (rPr: string | undefined): void => {
    if (placed) return;
    placed = true;
    if (middle !== '') out += run(rPr, middle);
  };
  for (const piece of all) {
    if (!piece.isText) {
      out += piece.xml;
      continue;
    }
    const start = at;
    const end = at + piece.text.length;
    at = end;
    if (end <= prefix) {
      out += piece.xml;
      lastRPr = piece.rPr;
    } else if (start >= changedEnd) {
      // Wholly after the change: the change goes before it.
      place(lastRPr);
      out += piece.xml;
    } else {
      // The piece holds part of the change: its text outside the change stays in its own format.
      if (start < prefix) out += run(piece.rPr, piece.text.slice(0, prefix - start));
      place(piece.rPr);
      if (end > changedEnd) out += run(piece.rPr, piece.text.slice(changedEnd - start));
      lastRPr = piece.rPr;
    }
  }
  place(lastRPr);
  return out;
}
