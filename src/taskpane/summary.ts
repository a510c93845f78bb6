import type { Lang, Severity } from '../core/report/finding';
import type { PaneFinding } from './actions';

/** What the summary line counts: a confirmed finding counts as confirmed, not by its severity. */
export type SummaryCounts = Record<Severity | 'confirmed', number>;

export function summaryCounts(findings: readonly PaneFinding[]): SummaryCounts {
  const counts: SummaryCounts = { error: 0, warning: 0, info: 0, confirmed: 0 };
  for (const f of findings) counts[f.confirmed === undefined ? f.severity : 'confirmed'] += 1;
  return counts;
}

const twoDigits = (n: number): string => String(n).padStart(2, '0');
const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** When a check ran, in the reader's local time: "14:05 30/11/2026", "14:05, 30 Nov 2026". */
export function checkedAtText(at: Date, lang: Lang): string {
  const time = `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}`;
  return lang === 'vi'
    ? `${time} ${twoDigits(at.getDate())}/${twoDigits(at.getMonth() + 1)}/${at.getFullYear()}`
    : `${time}, ${at.getDate()} ${monthsEn[at.getMonth()]} ${at.getFullYear()}`;
}
