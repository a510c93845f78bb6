import type { Lang } from '../report/finding';
import { splitNote } from '../report/annotation';

/**
 * A reviewer's confirmation, one line of a cell note outside Soát's block:
 * `Soát: xác nhận [RULE-ID, …] [= VALUE] — REASON` (English: `Soát: confirmed …`).
 * Without ids it covers every finding of the cell; with a value it holds only while the cell
 * still shows that value.
 */
export interface Confirmation {
  /** Rule ids it covers, lower case; empty covers every finding of the cell. */
  readonly rules: readonly string[];
  /** The value as written after "="; undefined when the line names none. */
  readonly value?: string;
  readonly reason: string;
  /** The line as it stands in the note (NFC, trimmed), to carry it or to remove it. */
  readonly line: string;
}

/** "Soát" (accents optional), a colon, then "xác nhận" or "confirmed", any case and spacing. */
const head = /^so[aáà]t\s*:?\s*(?:x[aá]c\s+nh[aậ]n|confirm(?:ed)?)(?=$|[\s[=\-–—,])/iu;
/** Rule ids are kebab-case with at least one hyphen, so a reason's first words are never taken for one. */
const ruleList = /^\[?\s*([a-z][a-z0-9]*(?:-[a-z0-9]+)+(?:\s*[,;]?\s*[a-z][a-z0-9]*(?:-[a-z0-9]+)+)*)\s*\]?/iu;
const ruleId = /[a-z][a-z0-9]*(?:-[a-z0-9]+)+/giu;

/** One line, or undefined when it is not a confirmation. */
export function parseConfirmationLine(text: string): Confirmation | undefined {
  const line = text
    .normalize('NFC')
    .replace(/[\s\u00A0]+/gu, ' ')
    .trim();
  const start = head.exec(line);
  if (!start) return undefined;
  let rest = line.slice(start[0].length).trim();
  let rules: string[] = [];
  const ids = rest.startsWith('=') ? null : ruleList.exec(rest);
  // A word list is ids only when what follows is "=", a separator or nothing: else it is the reason.
  if (ids) {
    const after = rest.slice(ids[0].length).trim();
    if (after === '' || /^[=\-–—]/u.test(after)) {
      rules = (ids[1]!.match(ruleId) ?? []).map((id) => id.toLowerCase());
      rest = after;
    }
  }
  let value: string | undefined;
  if (rest.startsWith('=')) {
    const { before, after } = splitReason(rest.slice(1));
    value = before.trim();
    rest = after;
  } else {
    rest = /^[-–—]/u.test(rest) ? rest.slice(1) : rest;
  }
  return { rules, ...(value === undefined ? {} : { value }), reason: rest.trim(), line };
}

/**
 * Value and reason: the first en or em dash separates them; a hyphen only with space on both
 * sides ("2-3 - đúng"), since values such as "2-3" and "-5" carry their own.
 */
function splitReason(text: string): { before: string; after: string } {
  const dash = /[–—]/u.exec(text);
  const hyphen = /\s-\s|\s-$/u.exec(` ${text}`);
  const at =
    dash && (!hyphen || dash.index <= hyphen.index - 1)
      ? { index: dash.index, length: 1 }
      : hyphen
        ? { index: Math.max(0, hyphen.index - 1), length: hyphen[0].length }
        : undefined;
  if (at === undefined) return { before: text, after: '' };
  return { before: text.slice(0, at.index), after: text.slice(at.index + at.length) };
}

/** Every confirmation in the human part of a note; Soát's own block is never read. */
export function confirmationsInNote(note: string | undefined): Confirmation[] {
  if (note === undefined) return [];
  const { before, after } = splitNote(note);
  // Most notes are Soát's block alone: their empty human part is all that is looked at.
  const human = `${before}\n${after}`.normalize('NFC');
  if (!/so[aáà]t/iu.test(human)) return [];
  const found: Confirmation[] = [];
  for (const text of human.split(/\r\n|\r|\n/)) {
    const confirmation = parseConfirmationLine(text);
    if (confirmation) found.push(confirmation);
  }
  return found;
}

const keyword: Record<Lang, string> = { vi: 'Soát: xác nhận', en: 'Soát: confirmed' };

/** The line the pane writes: one rule, the value the cell shows, the reviewer's reason. */
export function confirmationLine(rule: string, value: string | undefined, reason: string, lang: Lang): string {
  const oneLine = reason.replace(/[\r\n]+/g, ' ').trim();
  return `${keyword[lang]} ${rule}${value === undefined ? '' : ` = ${value}`} — ${oneLine}`;
}

/** Whether a confirmation covers a rule: it names it, or it names none. */
export function covers(confirmation: Confirmation, rule: string): boolean {
  return confirmation.rules.length === 0 || confirmation.rules.includes(rule);
}
