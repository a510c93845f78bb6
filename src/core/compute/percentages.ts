import type { CheckResult } from '../check';
import type { CellWrite, EditPlan } from '../plan';
import type { ReportedValue } from '../report/finding';
import { reported } from '../rules/sink';

/** The formula SPEC.md gives for a derived percent, blank while the total is not positive. */
export function percentFormula(partCell: string, totalCell: string): string {
  return `IF(${totalCell}>0,ROUND(${partCell}/${totalCell}*100,2),"")`;
}

export interface ComputeOptions {
  /** Also replace percentages that disagree with their counts (the user accepted). */
  readonly overwrite?: boolean;
}

export interface ComputeResult {
  readonly plan: EditPlan;
  /** What each write replaced, so it can be put back. */
  readonly replaced: readonly { readonly sheet: string; readonly cell: string; readonly previous: ReportedValue }[];
  /** Mismatched percentages left alone because overwriting was not accepted. */
  readonly keptMismatches: readonly { readonly sheet: string; readonly cell: string }[];
}

/**
 * Compute percentages: each ratio column of the report (G = F / E, I = H / E in 9T/2024) as a
 * formula into blank cells of rows that have a total, and into mismatched ones only when the user
 * accepts. Cells that already hold a formula, and mismatches a reviewer confirmed, are left alone.
 */
export function computePlan(check: CheckResult, options: ComputeOptions = {}): ComputeResult {
  // A percentage a reviewer confirmed is right as it stands: never overwritten, never counted as kept.
  const mismatched = new Set(
    check.findings
      .filter((f) => f.rule === 'ratio-mismatch' && f.confirmed === undefined)
      .map((f) => `${f.sheet}!${f.cell}`),
  );
  const sheets: EditPlan['sheets'][number][] = [];
  const replaced: ComputeResult['replaced'][number][] = [];
  const keptMismatches: ComputeResult['keptMismatches'][number][] = [];

  for (const { table, rows } of check.tables) {
    const writes: CellWrite[] = [];
    const ratios = table.template.columns.filter((c) => c.ratio);
    if (ratios.length === 0) continue;
    for (const { row, numbers } of rows) {
      for (const { key: ratio, ratio: relation } of ratios) {
        const total = numbers.get(relation!.total);
        if (total?.state !== 'number') continue;
        const target = row.cells.get(ratio);
        const partCell = row.cells.get(relation!.part);
        if (!target || !partCell || target.formula !== undefined) continue;
        const blank = numbers.get(ratio)?.state === 'blank';
        const mismatch = mismatched.has(`${table.sheet}!${target.address}`);
        if (!blank && !mismatch) continue;
        if (mismatch && !options.overwrite) {
          keptMismatches.push({ sheet: table.sheet, cell: target.address });
          continue;
        }
        writes.push({ cell: target.address, formula: percentFormula(partCell.address, total.cell.address) });
        replaced.push({ sheet: table.sheet, cell: target.address, previous: reported(target.value) });
      }
    }
    if (writes.length > 0) sheets.push({ sheet: table.sheet, fills: [], notes: [], writes });
  }
  return { plan: { sheets }, replaced, keptMismatches };
}
