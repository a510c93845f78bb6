import { periodEndFromTitles } from '../period';
import type { Lang } from '../report/finding';
import type { Report } from '../templates/appendix';
import { dataAppendixOf, submissionsOf } from '../templates/appendix';
import { UnitMatcher } from '../units/match';
import type { UnitRegistry } from '../units/registry';
import type { MergedAppendix } from './appendices';
import { mergeInForce } from './in-force';
import { mergeRowPerUnit, mergeRowsPerUnit } from './appendices';
import type { MergeInput } from './inputs';
import { sortInputs } from './inputs';
import { markFindings } from './marks';
import type { MergeResult, SheetDraft } from './output';
import { receiveWorkbooks } from './received';
import type { SheetBuilder } from './sheet';
import { mergeSubmissions } from './submissions';
import { summarySheet } from './summary';

export interface MergeOptions {
  /** The report the units filled in; the built-in 9T/2024 report when absent. */
  readonly report?: Report;
  readonly registry?: UnitRegistry;
  /** End of the report period; else the first title that names one ("9T/2024"), else today. */
  readonly periodEnd?: Date;
  /** The day that stands for "now" when no period is known (tests fix it). */
  readonly today?: Date;
  /** Language of the notes and of the summary sheet; the appendices stay as the report prints them. */
  readonly lang: Lang;
}

/**
 * "Merge unit sheets": the units' workbooks, in any order, into one consolidated report: the list
 * of who reported (generated), each data appendix (registry order, renumbered, ratios as
 * formulas, every row traceable) and the "Tổng hợp" summary. Nothing is thrown for a bad file: it
 * is reported and the rest is merged. The same files give the same result whatever their order.
 */
export function mergeUnitWorkbooks(inputs: readonly MergeInput[], options: MergeOptions): MergeResult {
  const { report, registry } = mergeInForce(inputs, options);
  const matcher = new UnitMatcher(registry);
  // Always given to the engine, which would otherwise also read dates out of data rows near the top.
  const periodEnd = options.periodEnd ?? report.periodEnd ?? commonPeriodEnd(inputs) ?? options.today ?? new Date();
  const reception = receiveWorkbooks(inputs, { report, registry, matcher, periodEnd });

  const submissions = mergeSubmissions(submissionsOf(report), dataAppendixOf(report), reception.units, registry);
  const appendices: MergedAppendix[] = [];
  for (const template of report.appendices) {
    if (template.shape === 'row-per-unit') appendices.push(mergeRowPerUnit(template, reception.units, options.lang));
    if (template.shape === 'rows-per-unit') appendices.push(mergeRowsPerUnit(template, reception.units, options.lang));
  }
  const builders = new Map<string, SheetBuilder>(appendices.map((a) => [a.sheet.name, a.sheet]));
  markFindings(
    reception.findings,
    appendices.flatMap((a) => a.placements),
    builders,
    options.lang,
  );

  const summary = summarySheet({ report, registry, reception, submissions, appendices, lang: options.lang });
  const sheets: SheetDraft[] = [];
  if (submissions.sheet)
    sheets.push(submissions.sheet.build({ columnWidths: submissions.widths, frozenRows: submissions.frozenRows }));
  for (const a of appendices) sheets.push(a.sheet.build({ columnWidths: a.widths, frozenRows: a.frozenRows }));
  sheets.push(summary);
  return {
    draft: { sheets },
    findings: reception.findings,
    sheets: reception.sheets,
    files: reception.files,
    units: { received: submissions.submitted.map((u) => u.name), missing: submissions.missing.map((u) => u.name) },
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
