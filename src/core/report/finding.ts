import type { RuleId } from './catalogue';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'vi' | 'en';

/** A plain value as a finding reports it: what the cell held, or what it should hold. */
export type ReportedValue = string | number | boolean | null;

/** A word for a message: the same in both languages, or one per language. */
export type DetailValue = string | number | { readonly vi: string; readonly en: string };

/** A single-cell repair: writing `value` into `cell` would make the row consistent. */
export interface Suggestion {
  readonly cell: string;
  readonly value: number | string;
}

/**
 * One problem in one cell. Messages are not stored: they are rendered from the rule's
 * templates when shown (see messages.ts), in the language of the reader.
 */
export interface Finding {
  readonly file?: string;
  readonly sheet: string;
  /** 1-based row; 0 for a finding about a whole file or sheet. */
  readonly row: number;
  /** Column letter; "" for a finding about a whole file or sheet. */
  readonly column: string;
  readonly cell: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly actual: ReportedValue;
  readonly expected?: ReportedValue;
  readonly suggestion?: Suggestion;
  /** Extra words the message template needs (a unit name, another cell, a reason). */
  readonly detail?: Readonly<Record<string, DetailValue>>;
  /** Set when a reviewer's line in the cell's note confirms the value: reported, never counted. */
  readonly confirmed?: Confirmed;
}

/** A reviewer's confirmation that a finding's value is right, as the note's line gave it. */
export interface Confirmed {
  readonly reason: string;
  /** The note's line, carried as it is into a consolidated cell. */
  readonly line: string;
}

export const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings per severity; confirmed ones are left out, they are counted by `countConfirmed`. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.confirmed === undefined) counts[f.severity] += 1;
  return counts;
}

export function countConfirmed(findings: readonly Finding[]): number {
  let confirmed = 0;
  for (const f of findings) if (f.confirmed !== undefined) confirmed += 1;
  return confirmed;
}
