import type { RegistrySource, ReportSource } from '../core/definition';
import type { Lang, ReportedValue, Severity, Suggestion } from '../core/report/finding';

/**
 * What the task pane (Excel) and the sidebar (Google Sheets) can ask of their host. Components
 * call only this; each host provides one implementation (Office.js in the pane itself, Apps
 * Script through google.script.run). Everything crossing it is plain, serialisable data.
 */
export interface PaneActions {
  validate(lang: Lang): Promise<PaneReport>;
  compute(options: { overwrite: boolean; lang: Lang }): Promise<ComputeSummary>;
  clear(): Promise<void>;
  /** Puts back what Compute and accepted suggestions overwrote. */
  revert(): Promise<number>;
  selectCell(sheet: string, cell: string): Promise<void>;
  acceptSuggestion(finding: PaneFinding): Promise<void>;
  /** Merges the appendix sheets of the open workbook into new sheets of it. */
  mergeSheets(lang: Lang): Promise<PaneReport>;
  /** Merges unit .xlsx files chosen in the pane into new sheets of the open workbook. */
  mergeFiles(files: readonly PaneFile[], lang: Lang): Promise<PaneReport>;
  /** What this host lacks of what Soát uses (an older Excel), said when the pane opens. */
  limitations?(): readonly Record<Lang, string>[];
  /** Which report and which unit list the open workbook is checked against. */
  inForce(lang: Lang): Promise<PaneInForce>;
  /**
   * The definition text a chosen file holds: a .json file's text as it is, a template workbook's
   * carried definition (read in the pane). Throws, with the message in both languages, when none.
   */
  definitionText(file: PaneFile): Promise<string>;
  /**
   * Stores a report definition in the open workbook (very hidden); a broken one is refused with
   * its DefinitionError, nothing written. `source` (the file's name) names it in that message.
   */
  storeDefinition(json: string, lang: Lang, source?: string): Promise<PaneInForce>;
  /** Adds the "Danh mục đơn vị" sheet pre-filled from the list in force; never overwrites one. */
  createRegistrySheet(lang: Lang): Promise<PaneInForce>;
}

/** The report and unit list in force, as the pane's one line shows them. */
export interface PaneInForce {
  /** The report's title in the reader's language. */
  readonly title: string;
  readonly reportSource: ReportSource;
  readonly units: number;
  readonly registrySource: RegistrySource;
}

export interface PaneFile {
  readonly name: string;
  /** The file's bytes, base64-encoded so they cross any host boundary. */
  readonly base64: string;
}

export interface PaneFinding {
  readonly file?: string;
  readonly sheet: string;
  readonly cell: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly actual: ReportedValue;
  readonly suggestion?: Suggestion;
  /** The reviewer's reason when a confirmation in the cell's note covers this finding. */
  readonly confirmed?: string;
}

export interface PaneReport {
  readonly findings: readonly PaneFinding[];
  readonly summary: Record<Severity, number>;
  /** What the run checked or merged against, so the pane's line follows without another call. */
  readonly inForce?: PaneInForce;
}

export interface ComputeSummary {
  readonly written: number;
  readonly keptMismatches: number;
}
