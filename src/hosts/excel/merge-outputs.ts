/// <reference types="office-js" />
import { recordSheetName } from '../../core/annotate';
import { definitionSheetName } from '../../core/definition';
import type { WorkbookDraft } from '../../core/merge/output';
import type { ExcelFeatures } from './api';
import { queueRecordRead, queueRecordWrite } from './record';
import { WriteBatch } from './batch';

/**
 * The sheets a merge wrote ("Phụ lục 1…3", "Tổng hợp", or their "(2)" names) are listed by
 * Excel.Worksheet.id in Soát's record sheet, so that merging the open workbook's sheets again
 * takes the units' sheets only (ExcelHost.readMergeInputs). An id stays when the user renames or
 * moves the sheet; the ids of deleted sheets are dropped at the next merge.
 */

/**
 * Sheets Soát keeps for itself: "_soat" and any "_soat_…", but not the definition a template
 * carries ("_soat_mau"), which belongs to the report and tells the merge which report it is.
 */
export function isOwnSheet(name: string): boolean {
  return name === recordSheetName || (name.startsWith(`${recordSheetName}_`) && name !== definitionSheetName);
}

/** Writes a merge's draft into new sheets and records them as merge outputs. */
export async function writeMergeDraft(
  context: Excel.RequestContext,
  draft: WorkbookDraft,
  features: Pick<ExcelFeatures, 'charts' | 'notes' | 'threadedComments'>,
): Promise<void> {
  const worksheets = context.workbook.worksheets.load('items/name,items/id');
  const readRecord = queueRecordRead(context);
  await context.sync();
  const record = await readRecord();
  const present = new Set(worksheets.items.map((sheet) => sheet.id));
  const names = worksheets.items.map((sheet) => sheet.name);
  // Writing drafts is a chunk of its own: most openings of the pane never merge.
  const { writeDraft } = await import('./draft');
  const added = await writeDraft(context, draft, names, features);
  const mergeOutputs = [...record.mergeOutputs.filter((id) => present.has(id)), ...added];
  const batch = new WriteBatch(context);
  await queueRecordWrite(context, { ...record, mergeOutputs }, names.includes(recordSheetName), batch.spend);
  await batch.finish();
}
