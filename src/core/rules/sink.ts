import { catalogue } from '../report/catalogue';
import type { RuleId } from '../report/catalogue';
import type { DetailValue, Finding, ReportedValue, Severity, Suggestion } from '../report/finding';
import type { CellValue } from '../snapshot';
import { isCellError } from '../snapshot';
import type { Cell } from '../templates/table';

export interface FindingParts {
  readonly actual?: ReportedValue;
  readonly expected?: ReportedValue;
  readonly suggestion?: Suggestion;
  readonly detail?: Readonly<Record<string, DetailValue>>;
  /** Overrides the catalogue's severity, for rules with two (ratio-mismatch). */
  readonly severity?: Severity;
}

/** A cell value as a report shows it: text, number or blank. */
export function reported(value: CellValue): ReportedValue {
  if (value === null) return null;
  // A host may hand over a Date built from a serial out of range: shown, never thrown on.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  if (isCellError(value)) return value.error;
  return value;
}

/** Collects the findings of one sheet. */
export class FindingSink {
  readonly findings: Finding[] = [];

  constructor(
    readonly sheet: string,
    readonly file?: string,
  ) {}

  add(cell: Cell, rule: RuleId, parts: FindingParts = {}): void {
    // A cell holding an error value (#NAME?) is not blank, whatever a text reader made of it.
    if (rule === 'missing-value' && isCellError(cell.value)) {
      this.add(cell, 'formula-error');
      return;
    }
    this.push(
      cell.row,
      cell.column,
      cell.address,
      rule,
      parts,
      parts.actual === undefined ? reported(cell.value) : parts.actual,
    );
  }

  /** A finding about a whole sheet or file rather than one cell. */
  addSheetLevel(rule: RuleId, parts: FindingParts = {}): void {
    this.push(0, '', '', rule, parts, parts.actual ?? null);
  }

  /** Optional keys are set only when present, so findings compare and print cleanly. */
  private push(
    row: number,
    column: string,
    cell: string,
    rule: RuleId,
    parts: FindingParts,
    actual: ReportedValue,
  ): void {
    const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
      sheet: this.sheet,
      row,
      column,
      cell,
      rule,
      severity: parts.severity ?? catalogue[rule].severity,
      actual,
    };
    if (this.file !== undefined) finding.file = this.file;
    if (parts.expected !== undefined) finding.expected = parts.expected;
    if (parts.suggestion !== undefined) finding.suggestion = parts.suggestion;
    if (parts.detail !== undefined) finding.detail = parts.detail;
    this.findings.push(finding);
  }
}
