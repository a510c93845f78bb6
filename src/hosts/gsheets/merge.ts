import type { InForce } from '../../core/definition';
import { inForce } from '../../core/definition';
import { mergeUnitWorkbooks } from '../../core/merge';
import type { MergeInput } from '../../core/merge/inputs';
import type { Lang } from '../../core/report/finding';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { PaneReport } from '../../taskpane/actions';
import type { GsSpreadsheet } from './apps-script';
import { writeDraft } from './draft';
import { mergeAgainst } from '../../taskpane/in-force';
import { paneReport } from '../../taskpane/report';
import type { UnreadableUpload } from './transfer';

/**
 * Merge unit sheets in Google Sheets: the core merges the snapshots (the open spreadsheet's
 * sheets, or unit files the sidebar read), the consolidated report lands in new sheets.
 */
export function mergeIntoSpreadsheet(
  spreadsheet: GsSpreadsheet,
  workbooks: readonly WorkbookSnapshot[],
  unreadable: readonly UnreadableUpload[],
  lang: Lang,
  /** What the open spreadsheet holds (a stored definition, a unit list sheet): merged against first. */
  held: InForce = inForce({ sheets: [] }),
): PaneReport {
  const inputs: MergeInput[] = [
    ...workbooks.map((snapshot, i): MergeInput => ({ file: snapshot.file ?? `#${i + 1}`, snapshot })),
    ...unreadable.map((u): MergeInput => ({
      file: u.file,
      error: { reason: u.reason, message: { vi: u.vi, en: u.en } },
    })),
  ];
  const against = mergeAgainst(held, inputs);
  const result = mergeUnitWorkbooks(inputs, { lang, report: against.report, registry: against.registry });
  writeDraft(spreadsheet, result.draft);
  return paneReport(result.findings, lang, against);
}
