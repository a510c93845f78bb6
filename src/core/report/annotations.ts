import type { EditPlan, FillGroup, NoteEdit, SheetEdits } from '../plan';
import { fillColors } from '../plan';
import type { Finding, Lang, Severity } from './finding';
import { severityRank } from './finding';
import { formatNumber, renderMessage } from './messages';

const severityLabel: Record<Severity, Record<Lang, string>> = {
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  info: { vi: 'Thông tin', en: 'Info' },
};

const suggestionLabel: Record<Lang, string> = { vi: 'Gợi ý sửa', en: 'Suggested fix' };
const confirmedLabel: Record<Lang, string> = { vi: 'đã xác nhận', en: 'confirmed' };

/** One line of a cell note: severity, message, and the repair when there is one. */
export function noteLine(finding: Finding, lang: Lang): string {
  const suggestion = finding.suggestion
    ? ` ${suggestionLabel[lang]}: ${finding.suggestion.cell} = ${
        typeof finding.suggestion.value === 'number'
          ? formatNumber(finding.suggestion.value, lang)
          : finding.suggestion.value
      }.`
    : '';
  const confirmed = finding.confirmed
    ? ` — ${confirmedLabel[lang]}${finding.confirmed.reason === '' ? '' : `: ${finding.confirmed.reason}`}`
    : '';
  const text = `${renderMessage(finding, lang)}${finding.confirmed ? '' : suggestion} (${finding.rule})`;
  return `[${severityLabel[finding.severity][lang]}${confirmed}] ${text}`;
}

/**
 * Validate's plan: colour each finding's cell by its worst severity (info and confirmed findings
 * are not coloured), mark the row at its first column, one note per cell gathering all its
 * findings, the confirmed ones said so.
 */
export function annotationPlan(findings: readonly Finding[], lang: Lang): EditPlan {
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.row === 0) continue;
    const list = bySheet.get(f.sheet) ?? [];
    list.push(f);
    bySheet.set(f.sheet, list);
  }
  const sheets: SheetEdits[] = [];
  for (const [sheet, list] of bySheet) sheets.push(sheetEdits(sheet, list, lang));
  return { sheets };
}

function sheetEdits(sheet: string, findings: readonly Finding[], lang: Lang): SheetEdits {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCell.get(f.cell) ?? [];
    list.push(f);
    byCell.set(f.cell, list);
  }
  const groups: Record<'error' | 'warning' | 'row', string[]> = { error: [], warning: [], row: [] };
  const notes: NoteEdit[] = [];
  const markedRows = new Set<number>();
  for (const [cell, list] of byCell) {
    const sorted = [...list].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
    const open = sorted.find((f) => f.confirmed === undefined);
    const worst = open?.severity ?? 'info';
    if (worst !== 'info') {
      groups[worst].push(cell);
      markedRows.add(open!.row);
    }
    notes.push({ cell, text: sorted.map((f) => noteLine(f, lang)).join('\n') });
  }
  for (const row of markedRows) {
    const marker = `A${row}`;
    if (!byCell.has(marker)) groups.row.push(marker);
  }
  const fills: FillGroup[] = (['error', 'warning', 'row'] as const)
    .filter((kind) => groups[kind].length > 0)
    .map((kind) => ({ kind, color: fillColors[kind], cells: groups[kind] }));
  return { sheet, fills, notes, writes: [] };
}
