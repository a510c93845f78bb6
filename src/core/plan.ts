import type { Severity } from './report/finding';

/**
 * What a host must do to a workbook after a check: the core decides, the host only applies.
 * Everything is grouped so that a host can apply it in a few batched calls.
 */
export interface EditPlan {
  readonly sheets: readonly SheetEdits[];
}

export interface SheetEdits {
  readonly sheet: string;
  /** Cells to colour, grouped by colour so a host can paint each group in one call. */
  readonly fills: readonly FillGroup[];
  /** Soát's note text per cell (without marker); the host merges it with a human's note. */
  readonly notes: readonly NoteEdit[];
  /** Values or formulas to write (Compute, accepted suggestions). */
  readonly writes: readonly CellWrite[];
}

export type FillKind = Severity | 'row';

export interface FillGroup {
  readonly kind: FillKind;
  /** ARGB hex colour, e.g. "FFFFC7CE". */
  readonly color: string;
  readonly cells: readonly string[];
}

export interface NoteEdit {
  readonly cell: string;
  readonly text: string;
}

/** Exactly one of `value` and `formula` is set; a formula has no leading "=". */
export interface CellWrite {
  readonly cell: string;
  readonly value?: number | string | null;
  readonly formula?: string;
  /** Number format to set with the write, if any. */
  readonly numberFormat?: string;
}

/** Excel's own "Bad" and "Neutral" style colours, which reviewers already read as red and amber. */
export const fillColors: Record<FillKind, string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  info: '',
  row: 'FFFDE9D9',
};

export const emptyPlan: EditPlan = { sheets: [] };
