import { parseAddress } from '../address';
import { catalogue } from '../report/catalogue';
import type { Finding } from '../report/finding';
import type { SheetSnapshot } from '../snapshot';
import { cellAt, numberFormatAt } from '../snapshot';
import { reported } from '../rules/sink';
import type { Confirmation } from './line';
import { confirmationsInNote, covers } from './line';
import { valueMatches } from './value';

/**
 * The findings of one sheet with the reviewers' confirmations of its notes applied: a covered
 * finding whose cell still shows the confirmed value is marked `confirmed`; a confirmation whose
 * value no longer matches confirms nothing and is reported once, as `confirmation-lapsed`, on
 * its cell. Findings of cells without a confirmation are returned as they are.
 */
export function applyConfirmations(findings: readonly Finding[], sheet: SheetSnapshot | undefined): Finding[] {
  const notes = sheet?.notes;
  if (sheet === undefined || notes === undefined) return [...findings];
  const byCell = new Map<string, Confirmation[]>();
  for (const [cell, note] of Object.entries(notes)) {
    const found = confirmationsInNote(note);
    if (found.length > 0) byCell.set(cell.toUpperCase(), found);
  }
  if (byCell.size === 0) return [...findings];

  const out: Finding[] = [];
  const lapsedReported = new Set<string>();
  for (const finding of findings) {
    const confirmations = finding.row === 0 ? undefined : byCell.get(finding.cell);
    if (confirmations === undefined) {
      out.push(finding);
      continue;
    }
    const { row, col } = parseAddress(finding.cell);
    const value = cellAt(sheet, row, col);
    const format = numberFormatAt(sheet, row, col);
    let confirmed: Confirmation | undefined;
    const lapsed: Confirmation[] = [];
    for (const confirmation of confirmations) {
      if (!covers(confirmation, finding.rule)) continue;
      if (confirmation.value === undefined || valueMatches(confirmation.value, value, format))
        confirmed ??= confirmation;
      else lapsed.push(confirmation);
    }
    out.push(confirmed ? { ...finding, confirmed: { reason: confirmed.reason, line: confirmed.line } } : finding);
    for (const confirmation of lapsed) {
      const key = `${finding.cell}\u0000${confirmation.line}`;
      if (lapsedReported.has(key)) continue;
      lapsedReported.add(key);
      out.push({
        ...(finding.file === undefined ? {} : { file: finding.file }),
        sheet: finding.sheet,
        row: finding.row,
        column: finding.column,
        cell: finding.cell,
        rule: 'confirmation-lapsed',
        severity: catalogue['confirmation-lapsed'].severity,
        actual: reported(value),
        expected: confirmation.value ?? null,
        detail: { line: confirmation.line },
      });
    }
  }
  return out;
}
