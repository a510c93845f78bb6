import { periodEndFromTitles } from '../period';
import type { Lang } from '../report/finding';
import { UnitMatcher } from '../units/match';
import type { UnitRegistry } from '../units/registry';
import { defaultRegistry } from '../units/registry';
import type { MergeInput } from './inputs';
import { sortInputs } from './inputs';
import { markFindings } from './marks';
import type { MergeResult } from './output';
import { mergePhuLuc1, phuLuc1Widths } from './phuLuc1';
import { mergePhuLuc2, phuLuc2Widths } from './phuLuc2';
import { mergePhuLuc3, phuLuc3Widths } from './phuLuc3';
import { receiveWorkbooks } from './received';
import type { SheetBuilder } from './sheet';
import { summarySheet } from './summary';

export interface MergeOptions {
  readonly registry?: UnitRegistry;
  /** End of the report period; else the first title that names one ("9T/2024"), else today. */
  readonly periodEnd?: Date;
  /** The day that stands for "now" when no period is known (tests fix it). */
  readonly today?: Date;
  /** Language of the notes and of the summary sheet; the appendices stay as the report prints them. */
  readonly lang: Lang;
}

/** Rows 1–2 titles, 3 blank, then the header (two rows in Phụ lục 2). */
const frozenRows = { PL1: 4, PL2: 5, PL3: 4 } as const;

/**
 * "Merge unit sheets": the units' workbooks, in any order, into one consolidated report with
 * Phụ lục 1 (generated), 2 and 3 (registry order, renumbered, percentages as formulas, every
 * row traceable) and the "Tổng hợp" summary. Nothing is thrown for a bad file: it is reported
 * and the rest is merged. The same files give the same result whatever their order.
 */
export function mergeUnitWorkbooks(inputs: readonly MergeInput[], options: MergeOptions): MergeResult {
  const registry = options.registry ?? defaultRegistry;
  const matcher = new UnitMatcher(registry);
  // Always given to the engine, which would otherwise also read dates out of data rows near the top.
  const periodEnd = options.periodEnd ?? commonPeriodEnd(inputs) ?? options.today ?? new Date();
  const reception = receiveWorkbooks(inputs, { registry, matcher, periodEnd });

  const phuLuc1 = mergePhuLuc1(reception.units, registry);
  const phuLuc2 = mergePhuLuc2(reception.units, options.lang);
  const phuLuc3 = mergePhuLuc3(reception.units, options.lang);
  const builders = new Map<string, SheetBuilder>([
    [phuLuc2.sheet.name, phuLuc2.sheet],
    [phuLuc3.sheet.name, phuLuc3.sheet],
  ]);
  markFindings(reception.findings, [...phuLuc2.placements, ...phuLuc3.placements], builders, options.lang);

  const summary = summarySheet({ registry, reception, phuLuc1, phuLuc2, phuLuc3, lang: options.lang });
  return {
    draft: {
      sheets: [
        phuLuc1.sheet.build({ columnWidths: phuLuc1Widths(), frozenRows: frozenRows.PL1 }),
        phuLuc2.sheet.build({ columnWidths: phuLuc2Widths(), frozenRows: frozenRows.PL2 }),
        phuLuc3.sheet.build({ columnWidths: phuLuc3Widths(), frozenRows: frozenRows.PL3 }),
        summary,
      ],
    },
    findings: reception.findings,
    sheets: reception.sheets,
    files: reception.files,
    units: { received: phuLuc1.submitted.map((u) => u.name), missing: phuLuc1.missing.map((u) => u.name) },
  };
}

/**
 * One period for the whole batch, so that "future" means the same in every unit's file: the
 * first title that names one ("BÁO CÁO 9T/2024"), in path order.
 */
function commonPeriodEnd(inputs: readonly MergeInput[]): Date | undefined {
  for (const input of sortInputs(inputs)) {
    const end = 'snapshot' in input ? periodEndFromTitles(input.snapshot.sheets) : undefined;
    if (end) return end;
  }
  return undefined;
}
