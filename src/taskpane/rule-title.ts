import type { RuleId } from '../core/report/catalogue';
import { catalogue } from '../core/report/catalogue';
import type { Lang } from '../core/report/finding';

/** A rule's title from the catalogue in the reader's language; an id it does not know, as it is. */
export function ruleTitle(rule: string, lang: Lang): string {
  return Object.hasOwn(catalogue, rule) ? catalogue[rule as RuleId].title[lang] : rule;
}
