import type { SheetSummary } from '../core/check';
import type { Finding, Lang, Severity } from '../core/report/finding';
import { countBySeverity, countConfirmed } from '../core/report/finding';
import { formatNumber, renderMessage } from '../core/report/messages';
import { printable } from './terminal';

/** Writes text in pieces of about this many characters: one write per line would cost more. */
const pieceLength = 1 << 16;

/** Collects text and hands it to `write` in pieces; `flush` hands over what is left. */
function pieces(write: (text: string) => void): { add(text: string): void; flush(): void } {
  let buffered: string[] = [];
  let length = 0;
  return {
    add(text) {
      buffered.push(text);
      length += text.length;
      if (length >= pieceLength) this.flush();
    },
    flush() {
      if (buffered.length > 0) write(buffered.join(''));
      buffered = [];
      length = 0;
    },
  };
}

/**
 * The `--json` document of SPEC.md: findings carry their file and their rendered message. Written
 * in pieces, a finding at a time, with the bytes JSON.stringify(document, null, 2) would give: a
 * report of 100,000 findings is never one object tree and one string in memory.
 */
export function writeJsonReport(
  write: (text: string) => void,
  files: readonly string[],
  sheets: readonly SheetSummary[],
  findings: readonly Finding[],
  lang: Lang,
  extra: Record<string, unknown> = {},
): void {
  const frame = JSON.stringify(
    {
      files,
      sheets: sheets.map((s) => ({
        file: s.file ?? null,
        sheet: s.sheet,
        appendix: s.appendix,
        headerRows: s.headerRows,
        dataRows: s.dataRows,
      })),
      findings: [],
      summary: summaryOf(findings),
      ...extra,
    },
    null,
    2,
  );
  const slot = frame.indexOf('\n  "findings": []') + '\n  "findings": ['.length;
  const out = pieces(write);
  out.add(frame.slice(0, slot));
  findings.forEach((f, i) => {
    const item = JSON.stringify(
      {
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
      },
      null,
      2,
    );
    // Strings in JSON hold no raw line break: every "\n" is the layout's, indented two levels.
    out.add(`${i === 0 ? '\n    ' : ',\n    '}${item.replace(/\n/g, '\n    ')}`);
  });
  out.add(findings.length > 0 ? `\n  ${frame.slice(slot)}` : frame.slice(slot));
  out.flush();
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

/**
 * The readable table, written in pieces: one block per file and sheet, a line per finding,
 * counts everywhere. Lines are separated by "\n", the last one has none.
 */
export function writeTextReport(
  write: (text: string) => void,
  sheets: readonly SheetSummary[],
  findings: readonly Finding[],
  lang: Lang,
): void {
  // Findings come sheet by sheet: group them without a key string for each.
  const groups = new Map<string | undefined, Map<string, Finding[]>>();
  const groupOf = (file: string | undefined, sheet: string): Finding[] | undefined => groups.get(file)?.get(sheet);
  let last: { file: string | undefined; sheet: string; list: Finding[] } | undefined;
  for (const f of findings) {
    if (last === undefined || last.file !== f.file || last.sheet !== f.sheet) {
      let bySheet = groups.get(f.file);
      if (bySheet === undefined) groups.set(f.file, (bySheet = new Map()));
      let list = bySheet.get(f.sheet);
      if (list === undefined) bySheet.set(f.sheet, (list = []));
      last = { file: f.file, sheet: f.sheet, list };
    }
    last.list.push(f);
  }
  const summaries = new Map<string | undefined, Map<string, SheetSummary>>();
  for (const s of sheets) {
    let bySheet = summaries.get(s.file);
    if (bySheet === undefined) summaries.set(s.file, (bySheet = new Map()));
    if (!bySheet.has(s.sheet)) bySheet.set(s.sheet, s);
  }
  const header = (file: string | undefined, sheet: string) => {
    const summary = summaries.get(file)?.get(sheet);
    const where = printable(file ? `${file} › ${sheet}` : sheet);
    if (!summary) return where;
    const rows = summary.headerRows.join('–');
    return lang === 'vi'
      ? `${where} — ${summary.appendix}, tiêu đề dòng ${rows}, ${summary.dataRows} dòng dữ liệu`
      : `${where} — ${summary.appendix}, header row ${rows}, ${summary.dataRows} data row${summary.dataRows === 1 ? '' : 's'}`;
  };
  const out = pieces(write);
  const described = new Set<Finding[] | SheetSummary>();
  const block = (file: string | undefined, sheet: string) => {
    const list = groupOf(file, sheet) ?? [];
    out.add(`${header(file, sheet)}: ${countsLine(list, lang)}\n`);
    for (const f of list) out.add(`  ${findingLine(f, lang)}\n`);
    out.add('\n');
    described.add(list);
  };
  for (const s of sheets) block(s.file, s.sheet);
  for (const f of findings) {
    const list = groupOf(f.file, f.sheet)!;
    if (!described.has(list)) block(f.file, f.sheet);
  }
  out.add(`${lang === 'vi' ? 'Tổng cộng' : 'Total'}: ${countsLine(findings, lang)}`);
  out.flush();
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
