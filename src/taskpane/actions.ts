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
}

export interface PaneReport {
  readonly findings: readonly PaneFinding[];
  readonly summary: Record<Severity, number>;
}

export interface ComputeSummary {
  readonly written: number;
  readonly keptMismatches: number;
}
