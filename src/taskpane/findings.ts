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

/** Groups in sheet order of first appearance, severities worst first; one pass, for long lists. */
export function groupFindings(findings: readonly PaneFinding[]): FindingGroup[] {
  const bySheet = new Map<string, Record<Severity, PaneFinding[]>>();
  for (const f of findings) {
    let buckets = bySheet.get(f.sheet);
    if (buckets === undefined) bySheet.set(f.sheet, (buckets = { error: [], warning: [], info: [] }));
    buckets[f.severity].push(f);
  }
  return [...bySheet].flatMap(([sheet, buckets]) =>
    order
      .filter((severity) => buckets[severity].length > 0)
      .map((severity) => ({ sheet, severity, findings: buckets[severity] })),
  );
}

export function rulesOf(findings: readonly PaneFinding[]): string[] {
  const rules = new Set<string>();
  for (const f of findings) rules.add(f.rule);
  return [...rules].sort();
}

/** Names one finding across a new check of the same workbook: its file, cell and rule. */
export function findingKey(f: PaneFinding): string {
  return `${f.file ?? ''}\u0000${f.sheet}!${f.cell}\u0000${f.rule}`;
}

/** One row of the list as it scrolls: a group's heading, or a finding and its place in the walk. */
export type ListRow =
  | { readonly kind: 'group'; readonly group: FindingGroup }
  | { readonly kind: 'finding'; readonly finding: PaneFinding; readonly position: number };

/**
 * The groups flattened into rows, headings first; the findings in walking order (the order
 * next/previous follow) and the row of each, so that the list scrolls straight to any of them.
 */
export function listRows(groups: readonly FindingGroup[]): {
  rows: ListRow[];
  rowOf: number[];
  walk: PaneFinding[];
} {
  const rows: ListRow[] = [];
  const rowOf: number[] = [];
  const walk: PaneFinding[] = [];
  for (const group of groups) {
    rows.push({ kind: 'group', group });
    for (const finding of group.findings) {
      rowOf.push(rows.length);
      rows.push({ kind: 'finding', finding, position: walk.length });
      walk.push(finding);
    }
  }
  return { rows, rowOf, walk };
}
