import type { Lang } from '../core/report/finding';
import { formatNumber } from '../core/report/messages';

/** A suggested or reported value as the pane prints it: numbers with the reader's decimal mark. */
export function paneValue(value: number | string, lang: Lang): string {
  return typeof value === 'number' ? formatNumber(value, lang) : value;
}
