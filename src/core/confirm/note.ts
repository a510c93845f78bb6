import { splitNote } from '../report/annotation';
import type { Confirmation } from './line';
import { parseConfirmationLine } from './line';

/**
 * A cell note with a confirmation line added or removed. Only that line changes: the human's
 * text before and after it, and Soát's block, stay byte for byte as they were.
 */

/** Each line of a human part, with the line break that ends it ("" for the last). */
function lines(text: string): { text: string; end: string }[] {
  const out: { text: string; end: string }[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    out.push({ text: text.slice(start, m.index), end: m[0] });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), end: '' });
  return out;
}

/** A human part with each confirmation line replaced (a string), removed (null) or kept (undefined). */
function editLines(text: string, edit: (c: Confirmation) => string | null | undefined): string {
  const kept: { text: string; end: string }[] = [];
  for (const line of lines(text)) {
    const confirmation = parseConfirmationLine(line.text);
    const next = confirmation === undefined ? undefined : edit(confirmation);
    if (next === null) {
      // The last line goes with the break before it, which was added with it.
      if (line.end === '' && kept.length > 0) kept[kept.length - 1] = { ...kept[kept.length - 1]!, end: '' };
      continue;
    }
    kept.push({ text: next ?? line.text, end: line.end });
  }
  return kept.map((line) => `${line.text}${line.end}`).join('');
}

const onlyFor = (c: Confirmation, rule: string): boolean => c.rules.length === 1 && c.rules[0] === rule;

/**
 * The note with `line` confirming `rule`: an earlier line for that rule alone is replaced where
 * it stands, else the line is added after the human's text, before Soát's block.
 */
export function withConfirmation(note: string | undefined, line: string, rule: string): string {
  const { before, block, after } = splitNote(note);
  let replaced = false;
  const replace = (c: Confirmation): string | undefined => {
    if (replaced || !onlyFor(c, rule)) return undefined;
    replaced = true;
    return line;
  };
  const head = editLines(before, replace);
  const tail = editLines(after, replace);
  if (replaced) return `${head}${block ?? ''}${tail}`;
  if (head.trim() === '') return block === undefined ? line : `${line}\n\n${block}${tail}`;
  // After the human's last line, its own trailing spaces kept, before the blank lines that follow.
  const breaks = /(?:\r\n|\r|\n)\s*$/.exec(head);
  const human = breaks ? head.slice(0, breaks.index) : head;
  const gap = breaks ? head.slice(breaks.index) : block === undefined ? '' : '\n';
  return `${human}\n${line}${gap}${block ?? ''}${tail}`;
}

/**
 * The note without the confirmations of `rule`: a line naming it alone, or naming no rule (it
 * covered every finding of the cell), is removed; a line naming several loses that id only.
 * Undefined when nothing is left of the note.
 */
export function withoutConfirmation(note: string | undefined, rule: string): string | undefined {
  const { before, block, after } = splitNote(note);
  const remove = (c: Confirmation): string | null | undefined => {
    if (c.rules.length === 0 || onlyFor(c, rule)) return null;
    if (!c.rules.includes(rule)) return undefined;
    const keyword = /confirm/i.test(c.line.slice(0, 20)) ? 'Soát: confirmed' : 'Soát: xác nhận';
    const rules = c.rules.filter((r) => r !== rule).join(', ');
    return `${keyword} ${rules}${c.value === undefined ? '' : ` = ${c.value}`} — ${c.reason}`;
  };
  const head = editLines(before, remove);
  const tail = editLines(after, remove);
  const human = head.trim() === '' && block !== undefined ? '' : head;
  const text = `${human}${block ?? ''}${tail}`;
  return text.trim() === '' ? undefined : text;
}
