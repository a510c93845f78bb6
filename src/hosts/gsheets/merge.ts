import { mergeUnitWorkbooks } from '../../core/merge';
import type { MergeInput } from '../../core/merge/inputs';
import type { Lang } from '../../core/report/finding';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { PaneReport } from '../../taskpane/actions';
import type { GsSpreadsheet } from './apps-script';
import { writeDraft } from './draft';
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
): PaneReport {
  const inputs: MergeInput[] = [
    ...workbooks.map((snapshot, i): MergeInput => ({ file: snapshot.file ?? `#${i + 1}`, snapshot })),
    ...unreadable.map((u): MergeInput => ({
      file: u.file,
      error: { reason: u.reason, message: { vi: u.vi, en: u.en } },
    })),
  ];
  const result = mergeUnitWorkbooks(inputs, { lang });
  writeDraft(spreadsheet, result.draft);
  return paneReport(result.findings, lang);
}
