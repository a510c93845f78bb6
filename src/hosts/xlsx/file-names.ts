/** "dir/Báo cáo.CSV" → ".csv"; the command line and the web page name files the same way. */
export function extensionOf(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** What a folder may hold for a merge; .xls and .ods are taken too, so that they are reported, not ignored. */
const workbookExtensions = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.csv']);

/** Excel's lock files ("~$bao-cao.xlsx") and hidden files are not a unit's report. */
export function isWorkbookFile(name: string): boolean {
  return workbookExtensions.has(extensionOf(name)) && !name.startsWith('~$') && !name.startsWith('.');
}
