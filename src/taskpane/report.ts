import type { InForce } from '../core/definition';
import type { Finding, Lang } from '../core/report/finding';
import { countBySeverity, countConfirmed } from '../core/report/finding';
import { renderMessage } from '../core/report/messages';
import type { PaneFinding, PaneReport } from './actions';
import { paneInForce } from './in-force';

/** Findings as the pane shows them: messages rendered now, in the reader's language. */
export function paneReport(findings: readonly Finding[], lang: Lang, inForce?: InForce): PaneReport {
  return {
    findings: findings.map((f): PaneFinding => ({
      ...(f.file === undefined ? {} : { file: f.file }),
      sheet: f.sheet,
      cell: f.cell,
      rule: f.rule,
      severity: f.severity,
      message: renderMessage(f, lang),
      actual: f.actual,
      ...(f.suggestion === undefined ? {} : { suggestion: f.suggestion }),
      ...(f.confirmed === undefined ? {} : { confirmed: f.confirmed.reason }),
    })),
    summary: countBySeverity(findings),
    ...(countConfirmed(findings) > 0 ? { confirmed: countConfirmed(findings) } : {}),
    ...(inForce === undefined ? {} : { inForce: paneInForce(inForce, lang) }),
  };
}
