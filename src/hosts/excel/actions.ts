/// <reference types="office-js" />
import { checkWorkbook } from '../../core/check';
import { computePlan } from '../../core/compute/percentages';
import type { InForce } from '../../core/definition';
import { definitionSheetDraft, inForce, parseDefinition } from '../../core/definition';
import type { MergeInput } from '../../core/merge/inputs';
import { sheetInputs } from '../../core/merge/inputs';
import { findRegistrySheet } from '../../core/units/sheet';
import { confirmationLine, confirmationValue } from '../../core/confirm';
import { annotationPlan } from '../../core/report/annotations';
import type { Lang } from '../../core/report/finding';
import type {
  ComputeSummary,
  PaneActions,
  PaneFile,
  PaneFinding,
  PaneInForce,
  PaneReport,
} from '../../taskpane/actions';
import { mergeAgainst, paneInForce } from '../../taskpane/in-force';
import { registrySheetExists } from '../../taskpane/refusal';
import { paneReport } from '../../taskpane/report';
import type { OfficeApi } from './api';
import { ExcelHost } from './host';
import { excelLimitations, limitationText } from './requirements';

/** Reads unit .xlsx bytes in the pane (ExcelJS); injected so that Office code stays out of it. */
export type UnitFileReader = (file: PaneFile) => Promise<MergeInput>;

/** Reads the definition a chosen .json or template .xlsx holds, in the pane. */
export type DefinitionFileReader = (file: PaneFile) => Promise<string>;

/** What the task pane asks of Excel: the engine over the open workbook, through ExcelHost. */
export class ExcelPaneActions implements PaneActions {
  readonly host: ExcelHost;

  constructor(
    private readonly api: OfficeApi,
    private readonly readUnitFile?: UnitFileReader,
    private readonly readDefinitionFile?: DefinitionFileReader,
  ) {
    this.host = new ExcelHost(api);
  }

  limitations(): Record<Lang, string>[] {
    return excelLimitations(this.api).map((limitation) => limitationText[limitation]);
  }

  async validate(lang: Lang): Promise<PaneReport> {
    const check = checkWorkbook(await this.host.readSnapshot());
    await this.host.applyPlan(annotationPlan(check.findings, lang));
    return paneReport(check.findings, lang, check.inForce);
  }

  async compute(options: { overwrite: boolean; lang: Lang }): Promise<ComputeSummary> {
    const { plan, replaced, keptMismatches } = computePlan(checkWorkbook(await this.host.readSnapshot()), options);
    await this.host.applyPlan(plan);
    return { written: replaced.length, keptMismatches: keptMismatches.length };
  }

  clear(): Promise<void> {
    return this.host.clear();
  }

  revert(): Promise<number> {
    return this.host.revert();
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.host.select(sheet, cell);
  }

  async acceptSuggestion(finding: PaneFinding): Promise<void> {
    const suggestion = finding.suggestion;
    if (suggestion === undefined) return;
    // Only the value changes: the other findings' marks stay until the next Validate.
    await this.host.writeCells(finding.sheet, [{ cell: suggestion.cell, value: suggestion.value }]);
  }

  /** The line carries the value the cell holds when it is written, read in the same run. */
  confirm(finding: PaneFinding, reason: string, lang: Lang): Promise<void> {
    return this.host.confirmCell(finding.sheet, finding.cell, finding.rule, (value) =>
      confirmationLine(finding.rule, confirmationValue(value, lang), reason, lang),
    );
  }

  unconfirm(finding: PaneFinding): Promise<void> {
    return this.host.unconfirmCell(finding.sheet, finding.cell, finding.rule);
  }

  /**
   * Each unit sheet is one input; Soát's own sheets, an earlier merge's output and the unit list
   * are not. The workbook's stored definition and unit list are what the units are merged against.
   */
  async mergeSheets(lang: Lang): Promise<PaneReport> {
    // Each sheet of the open workbook is one unit's: the merge tells units apart by sheet name.
    return this.merge(sheetInputs(await this.host.readMergeInputs()), lang);
  }

  async mergeFiles(files: readonly PaneFile[], lang: Lang): Promise<PaneReport> {
    const read = this.readUnitFile;
    if (read === undefined) throw new Error('Reading .xlsx files is not available here.');
    const inputs = await Promise.all(files.map((file) => read(file)));
    return this.merge(inputs, lang);
  }

  private async merge(inputs: readonly MergeInput[], lang: Lang): Promise<PaneReport> {
    const against = mergeAgainst(await this.held(), inputs);
    // The merge is a chunk of its own: most openings of the pane only check.
    const { mergeUnitWorkbooks } = await import('../../core/merge');
    const result = mergeUnitWorkbooks(inputs, { lang, report: against.report, registry: against.registry });
    await this.host.writeMerge(result.draft);
    return paneReport(result.findings, lang, against);
  }

  /** What the open workbook holds: its stored definition and its unit list sheet, if any. */
  private async held(): Promise<InForce> {
    return inForce(await this.host.readReportSheets());
  }

  async inForce(lang: Lang): Promise<PaneInForce> {
    return paneInForce(await this.held(), lang);
  }

  definitionText(file: PaneFile): Promise<string> {
    const read = this.readDefinitionFile;
    if (read === undefined) return Promise.reject(new Error('Reading definition files is not available here.'));
    return read(file);
  }

  /** Parsed before anything is written: a broken definition throws its DefinitionError. */
  async storeDefinition(json: string, lang: Lang, source = 'JSON'): Promise<PaneInForce> {
    const report = parseDefinition(json, source);
    await this.host.writeDefinitionSheet(definitionSheetDraft(report));
    return this.inForce(lang);
  }

  async createRegistrySheet(lang: Lang): Promise<PaneInForce> {
    const sheets = await this.host.readReportSheets();
    const present = findRegistrySheet(sheets);
    if (present !== undefined) throw registrySheetExists(present.name);
    const { registrySheetDraft } = await import('../../core/merge/template');
    await this.host.addRegistrySheet(registrySheetDraft(inForce(sheets).registry, lang));
    return this.inForce(lang);
  }
}
