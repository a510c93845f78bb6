import type { SheetSummary } from '../core/check';
import type { Finding, Lang, Severity } from '../core/report/finding';
import { countBySeverity, countConfirmed } from '../core/report/finding';
import { formatNumber, renderMessage } from '../core/report/messages';
import { printable } from './terminal';

/** The `--json` document of SPEC.md: findings carry their file and their rendered message. */
export function jsonReport(
  files: readonly string[],
  sheets: readonly SheetSummary[],
  findings: readonly Finding[],
  lang: Lang,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify(
    {
      files,
      sheets: sheets.map((s) => ({
        file: s.file ?? null,
        sheet: s.sheet,
        appendix: s.appendix,
        headerRows: s.headerRows,
        dataRows: s.dataRows,
      })),
      findings: findings.map((f) => ({
        file: f.file ?? null,
        sheet: f.sheet,
        row: f.row,
        column: f.column,
        cell: f.cell,
        rule: f.rule,
        severity: f.severity,
        message: renderMessage(f, lang),
        actual: f.actual,
        ...(f.expected === undefined ? {} : { expected: f.expected }),
        ...(f.suggestion === undefined ? {} : { suggestion: f.suggestion }),
        ...(f.confirmed === undefined ? {} : { confirmed: f.confirmed.reason }),
      })),
      summary: summaryOf(findings),
      ...extra,
    },
    null,
    2,
  );
}

/** Counts per severity without the confirmed findings, which are counted apart when there are any. */
function summaryOf(findings: readonly Finding[]): Record<string, number> {
  const confirmed = countConfirmed(findings);
  return { ...countBySeverity(findings), ...(confirmed > 0 ? { confirmed } : {}) };
}

const confirmedWord: Record<Lang, string> = { vi: 'đã xác nhận', en: 'confirmed' };

const severityWord: Record<Severity, Record<Lang, string>> = {
  error: { vi: 'lỗi', en: 'error' },
  warning: { vi: 'cảnh báo', en: 'warning' },
  info: { vi: 'thông tin', en: 'info' },
};

export function countsLine(findings: readonly Finding[], lang: Lang): string {
  const counts = countBySeverity(findings);
  const confirmed = countConfirmed(findings);
  return (['error', 'warning', 'info'] as const)
    .map((s) => `${counts[s]} ${severityWord[s][lang]}${lang === 'en' && s !== 'info' && counts[s] !== 1 ? 's' : ''}`)
    .concat(confirmed > 0 ? [`${confirmed} ${confirmedWord[lang]}`] : [])
    .join(', ');
}

/** The readable table: one block per file and sheet, a line per finding, counts everywhere. */
export function textReport(sheets: readonly SheetSummary[], findings: readonly Finding[], lang: Lang): string {
  const lines: string[] = [];
  const groups = new Map<string, Finding[]>();
  const key = (file: string | undefined, sheet: string) => `${file ?? ''}\u0000${sheet}`;
  for (const f of findings) {
    const k = key(f.file, f.sheet);
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  const described = new Set<string>();
  const summaries = new Map<string, SheetSummary>();
  for (const s of sheets) if (!summaries.has(key(s.file, s.sheet))) summaries.set(key(s.file, s.sheet), s);
  const header = (file: string | undefined, sheet: string) => {
    const summary = summaries.get(key(file, sheet));
    const where = printable(file ? `${file} › ${sheet}` : sheet);
    if (!summary) return where;
    const rows = summary.headerRows.join('–');
    return lang === 'vi'
      ? `${where} — ${summary.appendix}, tiêu đề dòng ${rows}, ${summary.dataRows} dòng dữ liệu`
      : `${where} — ${summary.appendix}, header row ${rows}, ${summary.dataRows} data row${summary.dataRows === 1 ? '' : 's'}`;
  };
  const block = (file: string | undefined, sheet: string) => {
    const list = groups.get(key(file, sheet)) ?? [];
    lines.push(`${header(file, sheet)}: ${countsLine(list, lang)}`);
    for (const f of list) lines.push(`  ${findingLine(f, lang)}`);
    lines.push('');
    described.add(key(file, sheet));
  };
  for (const s of sheets) block(s.file, s.sheet);
  for (const f of findings) if (!described.has(key(f.file, f.sheet))) block(f.file, f.sheet);
  lines.push(`${lang === 'vi' ? 'Tổng cộng' : 'Total'}: ${countsLine(findings, lang)}`);
  return lines.join('\n');
}

function findingLine(f: Finding, lang: Lang): string {
  const fix = f.suggestion
    ? `  → ${f.suggestion.cell} = ${typeof f.suggestion.value === 'number' ? formatNumber(f.suggestion.value, lang) : f.suggestion.value}`
    : '';
  const confirmed = f.confirmed
    ? `  [${confirmedWord[lang]}${f.confirmed.reason === '' ? '' : `: ${f.confirmed.reason}`}]`
    : '';
  return printable(
    `${(f.cell || '—').padEnd(6)} ${severityWord[f.severity][lang].padEnd(9)} ${f.rule.padEnd(20)} ${renderMessage(f, lang)}${fix}${confirmed}`,
  );
}
