import type { EditPlan } from './plan';
import type { WorkbookSnapshot } from './snapshot';

/**
 * The one port every host adapter implements (xlsx files, Excel via Office.js, Google Sheets).
 * A host reads once and applies a whole plan in as few calls as its API allows.
 */
export interface SpreadsheetHost {
  /** Values, formats, formulas, merges, notes and fills of every sheet, in one read. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /**
   * Replaces Soát's previous marks with the plan's: fills painted (originals recorded first),
   * Soát's note blocks rewritten, human notes kept, writes made.
   */
  applyPlan(plan: EditPlan): Promise<void>;
  /** Removes every Soát mark: original fills restored exactly, Soát's note blocks removed. */
  clear(): Promise<void>;
}
