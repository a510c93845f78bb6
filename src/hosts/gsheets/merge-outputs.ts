import type { GsSheet, GsSpreadsheet } from './apps-script';

/**
 * The sheets an earlier merge wrote ("Phụ lục 1…3", "Tổng hợp", or their "(2)" names) carry this
 * developer-metadata key, so that merging the open spreadsheet's sheets again takes the units'
 * sheets only. Developer metadata is invisible, survives renaming and moving the sheet, and goes
 * with it when the sheet is deleted; one finder call lists them all, whatever the sheet count.
 */
export const mergeOutputKey = 'soat.merge-output';

/** Marks a sheet as a merge's output; `draftName` is the name the merge gave it. */
export function markMergeOutput(sheet: GsSheet, draftName: string): void {
  sheet.addDeveloperMetadata(mergeOutputKey, draftName);
}

/** The current names of the sheets that earlier merges wrote. */
export function mergeOutputSheets(spreadsheet: GsSpreadsheet): Set<string> {
  const names = new Set<string>();
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(mergeOutputKey).find()) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet !== null) names.add(sheet.getName());
  }
  return names;
}
