import { parseAddress, columnLetter } from '../address';
import { mergeNote } from '../report/annotation';
import { annotationPlan } from '../report/annotations';
import type { Finding, Lang } from '../report/finding';
import type { RowSource } from './received';
import type { SheetBuilder } from './sheet';

/**
 * The findings of the units' files, shown where their rows landed in the consolidated report:
 * the same colours and notes as Validate gives (the report helpers build them), each note
 * ending with the cell it was found in, since the merged row has another number.
 */

/** A merged row: where it came from and where it went. */
export interface Placement {
  readonly source: RowSource;
  readonly sheet: string;
  readonly row: number;
  /** Template key → the merged sheet's column letter. */
  readonly columns: ReadonlyMap<string, string>;
  /** Template keys the merge wrote as formulas (G, I): what the unit typed there is gone. */
  readonly recomputed?: ReadonlySet<string>;
}

const placementKey = (file: string, sheet: string, row: number): string => `${file}\u0000${sheet}\u0000${row}`;

const sourceLabel: Record<Lang, string> = { vi: 'Ô gốc', en: 'Source cell' };
const recomputedLabel: Record<Lang, string> = {
  vi: 'Ô này nay là công thức, tính lại từ số liệu của dòng.',
  en: 'This cell is now a formula, recomputed from the row’s counts.',
};

export function markFindings(
  findings: readonly Finding[],
  placements: readonly Placement[],
  sheets: ReadonlyMap<string, SheetBuilder>,
  lang: Lang,
): void {
  const byRow = new Map(placements.map((p) => [placementKey(p.source.file, p.source.sheet, p.source.row), p]));
  const moved: Finding[] = [];
  const origins = new Map<string, string>();
  // A reviewer's confirmation goes with the value, so that the consolidated cell stays confirmed.
  const confirmations = new Map<string, string[]>();
  for (const f of findings) {
    if (f.row === 0) continue;
    const placement = byRow.get(placementKey(f.file ?? '', f.sheet, f.row));
    const key = placement?.source.keys.get(f.column);
    if (!placement || !key) continue;
    const column = placement.columns.get(key) ?? key;
    const cell = `${column}${placement.row}`;
    const recomputed = placement.recomputed?.has(key) === true;
    origins.set(
      `${placement.sheet}!${cell}`,
      `${recomputed ? `${recomputedLabel[lang]}\n` : ''}${sourceLabel[lang]}: ${f.file} › ${f.sheet} › ${f.cell}`,
    );
    if (f.confirmed) {
      const lines = confirmations.get(`${placement.sheet}!${cell}`) ?? [];
      if (!lines.includes(f.confirmed.line)) lines.push(f.confirmed.line);
      confirmations.set(`${placement.sheet}!${cell}`, lines);
    }
    const { suggestion: original, ...rest } = f;
    const suggestion = original && movedSuggestion(original, placement);
    moved.push({
      ...rest,
      sheet: placement.sheet,
      row: placement.row,
      column,
      cell,
      ...(suggestion ? { suggestion } : {}),
    });
  }
  for (const edits of annotationPlan(moved, lang).sheets) {
    const sheet = sheets.get(edits.sheet);
    if (!sheet) continue;
    for (const group of edits.fills) {
      for (const cell of group.cells) sheet.update(cell, (c) => ({ ...c, fill: group.color }));
    }
    for (const { cell, text } of edits.notes) {
      const origin = origins.get(`${edits.sheet}!${cell}`);
      const body = origin ? `${text}\n${origin}` : text;
      const lines = confirmations.get(`${edits.sheet}!${cell}`)?.join('\n');
      sheet.update(cell, (c) => ({ ...c, note: mergeNote(lines, body) }));
    }
  }
}

/** A repair names a cell of the same row; it moves with the row, unless the merge rewrote that cell. */
function movedSuggestion(suggestion: NonNullable<Finding['suggestion']>, placement: Placement): Finding['suggestion'] {
  const { col, row } = parseAddress(suggestion.cell);
  const key = placement.source.keys.get(columnLetter(col));
  if (!key || row !== placement.source.row || placement.recomputed?.has(key)) return undefined;
  return { ...suggestion, cell: `${placement.columns.get(key) ?? key}${placement.row}` };
}
