import type { Severity } from '../core/report/finding';
import type { PaneFinding } from './actions';

/** What the list shows: findings grouped by sheet, then by severity, with counts. */
export interface FindingGroup {
  readonly sheet: string;
  readonly severity: Severity;
  readonly findings: readonly PaneFinding[];
}

export interface FindingFilter {
  readonly severities: ReadonlySet<Severity>;
  /** A rule id, or undefined for every rule. */
  readonly rule?: string;
}

const order: readonly Severity[] = ['error', 'warning', 'info'];

export function filterFindings(findings: readonly PaneFinding[], filter: FindingFilter): PaneFinding[] {
  return findings.filter(
    (f) => filter.severities.has(f.severity) && (filter.rule === undefined || f.rule === filter.rule),
  );
}

/** Groups in sheet order of first appearance, severities worst first. */
export function groupFindings(findings: readonly PaneFinding[]): FindingGroup[] {
  const sheets = [...new Set(findings.map((f) => f.sheet))];
  return sheets.flatMap((sheet) =>
    order
      .map((severity) => ({
        sheet,
        severity,
        findings: findings.filter((f) => f.sheet === sheet && f.severity === severity),
      }))
      .filter((group) => group.findings.length > 0),
  );
}

export function rulesOf(findings: readonly PaneFinding[]): string[] {
  return [...new Set(findings.map((f) => f.rule))].sort();
}
