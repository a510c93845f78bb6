import { confirmationLine, confirmationValue, withConfirmation, withoutConfirmation } from '../../core/confirm';
import type { Lang } from '../../core/report/finding';
import type { PaneFinding } from '../../taskpane/actions';
import type { GsRange, GsSpreadsheet } from './apps-script';
import { cellValue } from './grid';

/**
 * A reviewer's confirmation in a finding's cell note: the cell alone is read and its note
 * written, five calls whatever the sheet; the rest of the note stays as it was.
 */

function cellOf(spreadsheet: GsSpreadsheet, finding: PaneFinding): GsRange {
  const sheet = spreadsheet.getSheetByName(finding.sheet);
  if (sheet === null) throw new Error(`Không còn trang tính "${finding.sheet}" / The sheet "${finding.sheet}" is gone`);
  return sheet.getRange(finding.cell);
}

/** Writes `Soát: xác nhận RULE = VALUE — REASON` with the value the cell holds now. */
export function confirmInSheet(spreadsheet: GsSpreadsheet, finding: PaneFinding, reason: string, lang: Lang): void {
  const range = cellOf(spreadsheet, finding);
  // A value, not a formula's error: the line records what the reviewer saw, as text.
  const value = cellValue(range.getValues()[0]?.[0] ?? '', '');
  const note = range.getNotes()[0]?.[0] ?? '';
  const line = confirmationLine(finding.rule, confirmationValue(value, lang), reason, lang);
  range.setNotes([[withConfirmation(note === '' ? undefined : note, line, finding.rule)]]);
}

/** Removes the confirmations of the finding's rule; an untouched note is not written. */
export function unconfirmInSheet(spreadsheet: GsSpreadsheet, finding: PaneFinding): void {
  const range = cellOf(spreadsheet, finding);
  const note = range.getNotes()[0]?.[0] ?? '';
  if (note === '') return;
  const next = withoutConfirmation(note, finding.rule) ?? '';
  if (next !== note) range.setNotes([[next]]);
}
