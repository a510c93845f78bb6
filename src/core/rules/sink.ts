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
  if (value instanceof Date) return value.toISOString().slice(0, 10);
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
    this.findings.push({
      ...(this.file === undefined ? {} : { file: this.file }),
      sheet: this.sheet,
      row: cell.row,
      column: cell.column,
      cell: cell.address,
      rule,
      severity: parts.severity ?? catalogue[rule].severity,
      actual: parts.actual === undefined ? reported(cell.value) : parts.actual,
      ...(parts.expected === undefined ? {} : { expected: parts.expected }),
      ...(parts.suggestion === undefined ? {} : { suggestion: parts.suggestion }),
      ...(parts.detail === undefined ? {} : { detail: parts.detail }),
    });
  }

  /** A finding about a whole sheet or file rather than one cell. */
  addSheetLevel(rule: RuleId, parts: FindingParts = {}): void {
    this.findings.push({
      ...(this.file === undefined ? {} : { file: this.file }),
      sheet: this.sheet,
      row: 0,
      column: '',
      cell: '',
      rule,
      severity: parts.severity ?? catalogue[rule].severity,
      actual: parts.actual ?? null,
      ...(parts.detail === undefined ? {} : { detail: parts.detail }),
    });
  }
}
