import type { Finding } from '../report/finding';
import type { SheetSummary } from '../check';

/**
 * A workbook to create, described for any host: the merge's consolidated report and the blank
 * unit template. Hosts write it with their own API (ExcelJS, Office.js, SpreadsheetApp).
 */
export interface WorkbookDraft {
  readonly sheets: readonly SheetDraft[];
}

export interface SheetDraft {
  readonly name: string;
  /** Rows of cells, row 1 first; null leaves the cell empty. */
  readonly rows: readonly (readonly (DraftCell | null)[])[];
  readonly merges?: readonly string[]; // "A1:Q1"
  readonly columnWidths?: readonly number[]; // in characters, column A first
  readonly frozenRows?: number;
  readonly charts?: readonly ChartDraft[];
  /** Drop-down and number validation, for the unit template. */
  readonly validations?: readonly ValidationDraft[];
  /** Kept out of sight (very hidden where the host has it): Soát's own data, not for people. */
  readonly hidden?: boolean;
}

/**
 * One cell. Text is always written as text: a unit's "=SUM(…)" or "+84…" never becomes a
 * formula. Only `formula` cells are formulas, and those are made by Soát, never copied.
 */
export interface DraftCell {
  readonly text?: string;
  readonly number?: number;
  readonly formula?: string; // without "="
  /**
   * The formula's value as Soát computed it, for hosts that store a cached result (xlsx) and for
   * chart caches; a host that calculates may ignore it. "" stands for a blank result.
   */
  readonly result?: number | string;
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly wrap?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  /** A thin box around the cell, as the appendix tables are printed. */
  readonly border?: boolean;
  readonly fill?: string; // ARGB
  readonly note?: string;
}

export interface ChartDraft {
  readonly kind: 'bar';
  readonly title: string;
  /** A1 ranges on the same sheet. */
  readonly categories: string;
  readonly values: string;
  readonly seriesName: string;
  /** Fixed bounds of the value axis (0–100 for percentages); automatic when absent. */
  readonly valueAxis?: { readonly min: number; readonly max: number };
  /** Where the chart sits: top-left cell and size in cells. */
  readonly anchor: { readonly cell: string; readonly columns: number; readonly rows: number };
}

export interface ValidationDraft {
  readonly range: string; // "L5:Q200"
  readonly kind: 'list' | 'whole' | 'decimal';
  readonly list?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly message: string;
}

/** What a merge produced: the draft to write, and what it found on the way. */
export interface MergeResult {
  readonly draft: WorkbookDraft;
  readonly findings: readonly Finding[];
  readonly sheets: readonly SheetSummary[];
  readonly files: readonly string[];
  /** Units that sent something (as Phụ lục 1 section I names them) and registry units that did not. */
  readonly units?: { readonly received: readonly string[]; readonly missing: readonly string[] };
}
