/// <reference types="google-apps-script" />

/**
 * The part of SpreadsheetApp the host uses, as narrow interfaces. The checks at the bottom prove
 * the real Apps Script types satisfy them, so the host cannot call what Apps Script lacks, and the
 * test fake (test/support/fake-spreadsheet-app) implements exactly these shapes.
 */

/** A cell as getValues gives it: Date for dates, number, boolean, string ("" for empty, "#DIV/0!" for errors). */
export type GsValue = string | number | boolean | Date;

export interface GsRange {
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getA1Notation(): string;
  getValues(): GsValue[][];
  getDisplayValues(): string[][];
  getFormulas(): string[][];
  getNumberFormats(): string[][];
  getNotes(): string[][];
  getBackgrounds(): string[][];
  setValues(values: unknown[][]): unknown;
  setNumberFormats(formats: string[][]): unknown;
  setNumberFormat(format: string): unknown;
  setNotes(notes: (string | null)[][]): unknown;
  setBackgrounds(colors: (string | null)[][]): unknown;
  setFontWeights(weights: ('bold' | 'normal' | null)[][]): unknown;
  setWraps(wraps: boolean[][]): unknown;
  setFontStyles(styles: ('italic' | 'normal' | null)[][]): unknown;
  setHorizontalAlignments(alignments: ('left' | 'center' | 'right' | 'normal' | null)[][]): unknown;
  merge(): unknown;
  activate(): unknown;
  clear(): unknown;
}

export interface GsRangeList {
  /** One colour ("#rrggbb") for every listed range; null removes the fill. */
  setBackground(color: string | null): unknown;
  setNumberFormat(format: string): unknown;
  setBorder(
    top: boolean,
    left: boolean,
    bottom: boolean,
    right: boolean,
    vertical: boolean,
    horizontal: boolean,
  ): unknown;
}

export interface GsChartBuilder {
  addRange(range: GsRange): GsChartBuilder;
  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number): GsChartBuilder;
  setOption(option: string, value: unknown): GsChartBuilder;
  build(): unknown;
}

export interface GsSheet {
  getName(): string;
  getDataRange(): GsRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GsRange;
  getRange(a1Notation: string): GsRange;
  getRangeList(a1Notations: string[]): GsRangeList;
  /** The last row holding a value or formula; 0 for an empty sheet. */
  getLastRow(): number;
  isSheetHidden(): boolean;
  hideSheet(): unknown;
  setFrozenRows(rows: number): void;
  setColumnWidth(column: number, width: number): unknown;
  newChart(): { asBarChart(): GsChartBuilder };
  insertChart(chart: never): void;
  activate(): unknown;
  /** Tags the sheet; the tag survives renames and moves, and goes when the sheet is deleted. */
  addDeveloperMetadata(key: string, value: string): unknown;
}

export interface GsDeveloperMetadata {
  getKey(): string;
  getValue(): string | null;
  getLocation(): { getSheet(): GsSheet | null };
}

export interface GsDeveloperMetadataFinder {
  withKey(key: string): GsDeveloperMetadataFinder;
  find(): GsDeveloperMetadata[];
}

export interface GsSpreadsheet {
  createDeveloperMetadataFinder(): GsDeveloperMetadataFinder;
  getSheets(): GsSheet[];
  getSheetByName(name: string): GsSheet | null;
  getActiveSheet(): GsSheet;
  insertSheet(name: string): GsSheet;
  deleteSheet(sheet: never): void;
}

export interface GsMenu {
  addItem(caption: string, functionName: string): GsMenu;
  addSeparator(): GsMenu;
  addToUi(): void;
}

export interface GsUi {
  createAddonMenu(): GsMenu;
  createMenu(caption: string): GsMenu;
  showSidebar(html: unknown): void;
  alert(prompt: string): unknown;
}

export interface GsSpreadsheetApp {
  getActiveSpreadsheet(): GsSpreadsheet;
  getUi(): GsUi;
}

/** Utilities' base64 over UTF-8 text: bytes are Java's, signed (-128…127). */
export interface GsUtilities {
  readonly Charset: { readonly UTF_8: GsCharset };
  base64Encode(data: string, charset: GsCharset): string;
  base64Decode(encoded: string): number[];
  newBlob(data: number[]): { getDataAsString(): string };
}

/** Utilities.Charset, opaque: only passed back to Utilities. */
export type GsCharset = GoogleAppsScript.Utilities.Charset;

export interface GsHtmlOutput {
  setTitle(title: string): GsHtmlOutput;
}

export interface GsHtmlService {
  createHtmlOutputFromFile(filename: string): GsHtmlOutput;
}

// Compile-time proof that the real services fit the narrow interfaces.
type Fits<Real, Narrow> = Real extends Narrow ? true : never;
export const realTypesFit: [
  Fits<GoogleAppsScript.Spreadsheet.Range, GsRange>,
  Fits<GoogleAppsScript.Spreadsheet.RangeList, GsRangeList>,
  Fits<GoogleAppsScript.Spreadsheet.Sheet, GsSheet>,
  Fits<GoogleAppsScript.Spreadsheet.DeveloperMetadata, GsDeveloperMetadata>,
  Fits<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, GsDeveloperMetadataFinder>,
  Fits<GoogleAppsScript.Spreadsheet.Spreadsheet, GsSpreadsheet>,
  Fits<GoogleAppsScript.Base.Menu, GsMenu>,
  Fits<GoogleAppsScript.Base.Ui, GsUi>,
  Fits<GoogleAppsScript.HTML.HtmlOutput, GsHtmlOutput>,
  Fits<GoogleAppsScript.Utilities.Utilities, GsUtilities>,
] = [true, true, true, true, true, true, true, true, true, true];
