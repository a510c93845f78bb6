import { catalogue } from './catalogue';
import type { DetailValue, Finding, Lang, ReportedValue } from './finding';

/** A message template split once into its text (even places) and its placeholders (odd places). */
const splitTemplates = new Map<string, readonly string[]>();

function pieces(template: string): readonly string[] {
  let split = splitTemplates.get(template);
  if (split === undefined) splitTemplates.set(template, (split = template.split(/\{(\w+)\}/)));
  return split;
}

/** Renders a finding's message in the reader's language, only when it is shown. */
export function renderMessage(finding: Finding, lang: Lang): string {
  const split = pieces(catalogue[finding.rule].message[lang]);
  let text = split[0]!;
  for (let i = 1; i < split.length; i += 2) text += wordFor(finding, split[i]!, lang) + split[i + 1]!;
  return text;
}

export function ruleTitle(finding: Finding, lang: Lang): string {
  return catalogue[finding.rule].title[lang];
}

function wordFor(finding: Finding, key: string, lang: Lang): string {
  switch (key) {
    case 'actual':
      return formatValue(finding.actual, lang);
    case 'expected':
      return formatValue(finding.expected ?? null, lang);
    case 'column':
      return finding.column;
    case 'cell':
      return finding.cell;
    case 'suggestion':
      return finding.suggestion ? `${finding.suggestion.cell} = ${finding.suggestion.value}` : '';
    default: {
      const value = finding.detail?.[key];
      return value === undefined ? '' : formatDetail(value, lang);
    }
  }
}

function formatDetail(value: DetailValue, lang: Lang): string {
  if (typeof value === 'object') return value[lang];
  return typeof value === 'number' ? formatNumber(value, lang) : value;
}

export function formatValue(value: ReportedValue, lang: Lang): string {
  if (value === null) return lang === 'vi' ? '(trống)' : '(blank)';
  if (typeof value === 'number') return formatNumber(value, lang);
  return String(value);
}

/** Vietnamese readers expect a decimal comma in prose; numbers are rounded to what matters. */
export function formatNumber(value: number, lang: Lang): string {
  const rounded = Math.round(value * 100) / 100;
  const text = String(rounded);
  return lang === 'vi' ? text.replace('.', ',') : text;
}
