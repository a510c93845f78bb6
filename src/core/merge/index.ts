/** Merge unit sheets: the consolidated report, and the blank unit template, as host-neutral drafts. */
export { mergeUnitWorkbooks } from './merge';
export type { MergeOptions } from './merge';
export type { MergeInput, UnreadableFile } from './inputs';
export { unitTemplateDraft } from './template';
export { outputColumns } from './layout';
export { summarySheetName } from './summary';
export type { ChartDraft, DraftCell, MergeResult, SheetDraft, ValidationDraft, WorkbookDraft } from './output';
