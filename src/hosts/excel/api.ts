/// <reference types="office-js" />
/**
 * The door to Office.js: every other file of this host receives an `OfficeApi` instead of reading
 * the `Excel` and `Office` globals, so that tests hand in a fake Excel and the pane a real one.
 */
export interface OfficeApi {
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /**
   * What the loaded Excel library itself defines. Excel answers isSetSupported for the host, but
   * an office.js served with the add-in (the npm package) can predate a set the host has: the
   * package's library has no `workbook.notes` even where Excel supports ExcelApi 1.18.
   */
  libraryHas?(api: LibraryApi): boolean;
}

export type LibraryApi = 'notes' | 'comments' | 'mergedAreas';

/** Probes of an Excel library (the `Excel` namespace office.js loaded) for each LibraryApi. */
export function excelLibraryHas(excel: typeof Excel, api: LibraryApi): boolean {
  const defined = excel as unknown as Record<string, unknown>;
  if (api === 'notes') return typeof defined['NoteCollection'] === 'function';
  if (api === 'comments') return typeof defined['CommentCollection'] === 'function';
  return typeof (excel.Range?.prototype as Partial<Excel.Range> | undefined)?.getMergedAreasOrNullObject === 'function';
}

/** What this Excel can do beyond the manifest's minimum (ExcelApi 1.9), decided once. */
export interface ExcelFeatures {
  /** Worksheet notes (ExcelApi 1.18): the core's note model, human text and Soát's block in one note. */
  readonly notes: boolean;
  /** Threaded comments (ExcelApi 1.10): Soát's block is a comment, or a reply in a human's thread. */
  readonly threadedComments: boolean;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  readonly mergedAreas: boolean;
  /** RunOptions.delayForCellEdit (ExcelApi 1.11): Excel waits for the user to leave the cell. */
  readonly delayForCellEdit: boolean;
  /** RunOptions.mergeUndoGroup (ExcelApi 1.20): one Ctrl+Z undoes a whole run. */
  readonly undoGroup: boolean;
  /**
   * The merge's summary chart: worksheet.charts.add is ExcelApi 1.1, but the unit names sit apart
   * from the percentages (columns A and D), which only series.setXAxisValues (1.7) can join.
   */
  readonly charts: boolean;
}

/** The requirement set the manifest declares; below it the add-in does not load. */
export const minimumExcelApi = '1.9';

export function detectFeatures(api: Pick<OfficeApi, 'isSetSupported' | 'libraryHas'>): ExcelFeatures {
  const has = (version: string): boolean => api.isSetSupported('ExcelApi', version);
  const defined = (what: LibraryApi): boolean => api.libraryHas?.(what) ?? true;
  return {
    notes: has('1.18') && defined('notes'),
    threadedComments: has('1.10') && defined('comments'),
    mergedAreas: has('1.13') && defined('mergedAreas'),
    delayForCellEdit: has('1.11'),
    undoGroup: has('1.20'),
    charts: has('1.7'),
  };
}

let office: OfficeApi | undefined;

/**
 * The real Office.js, for the pane and the ribbon commands; call after Office.onReady. One object
 * per page, so that what is learnt of this Excel (its list separator) is learnt once.
 */
export function officeApi(): OfficeApi {
  return (office ??= {
    run: (options, batch) => Excel.run(options, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    libraryHas: (api) => excelLibraryHas(Excel, api),
  });
}
