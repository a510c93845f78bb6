export { WorkbookReadError } from './errors';
export type { WorkbookReadReason } from './errors';
export { readWorkbookBuffer, readWorkbookFile, loadWorkbookBuffer } from './read';
export type { LoadedWorkbook } from './read';
export { XlsxHost } from './host';
export { toBuffer, writeWorkbookFile } from './write';
export { readWorkbookSnapshot } from './snapshot';
