import { parseAddress } from '../../core/address';
import type { CheckOptions, CheckResult } from '../../core/check';
import { checkWorkbook } from '../../core/check';
import type { ComputeResult } from '../../core/compute/percentages';
import { computePlan } from '../../core/compute/percentages';
import { confirmationLine, confirmationValue, withConfirmation, withoutConfirmation } from '../../core/confirm';
import type { EditPlan } from '../../core/plan';
import { annotationPlan } from '../../core/report/annotations';
import type { Lang } from '../../core/report/finding';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { cellAt } from '../../core/snapshot';
import { readSnapshotBuffer } from './lean/read';
import type { WorkbookChange } from './package/patch';
import type { BrokenRecordRow } from './record';

/**
 * The steps of `soat validate`, `compute` and `clear` over an input's bytes, shared by the
 * command line and the web page: the snapshot comes from the lean reader; ExcelJS is loaded only
 * when a command writes, and what it writes is the input package with Soát's changes patched in.
 */

export interface Checked {
  readonly snapshot: WorkbookSnapshot;
  readonly result: CheckResult;
}

/** A written copy and the record rows of the input that were left out. */
export interface Written {
  readonly bytes: Uint8Array;
  /** Rows of the record sheet edited by hand into no fill: their cells' fills cannot be restored. */
  readonly brokenRecordRows: readonly BrokenRecordRow[];
}

/** The cell of a finding a reviewer confirms or unconfirms. */
export interface FindingCell {
  readonly sheet: string;
  readonly cell: string;
  readonly rule: string;
}

/** Reads the input with the lean reader and checks it, as named by `name`. */
export function checkBytes(input: Uint8Array, name: string, options: CheckOptions): Checked {
  const snapshot = readSnapshotBuffer(input, name);
  return { snapshot, result: checkWorkbook({ ...snapshot, file: name }, options) };
}

/** Applies a plan (or clears Soát's marks) through ExcelJS's model and patches the input with what changed. */
async function patched(input: Uint8Array, name: string, plan: EditPlan | 'clear'): Promise<Written> {
  const { loadWorkbookBuffer } = await import('./read');
  const { XlsxHost } = await import('./host');
  const host = new XlsxHost(await loadWorkbookBuffer(input, name), undefined, { marksInModel: false });
  if (plan === 'clear') await host.clear();
  else await host.applyPlan(plan);
  return { bytes: await patchedWith(input, host.changes), brokenRecordRows: host.brokenRecordRows };
}

async function patchedWith(input: Uint8Array, changes: readonly WorkbookChange[]): Promise<Uint8Array> {
  const { patchPackage } = await import('./package/patch');
  return patchPackage(input, changes);
}

/** The copy `validate --out` writes: the findings marked in the input. */
export function annotateBytes(input: Uint8Array, name: string, result: CheckResult, lang: Lang): Promise<Written> {
  return patched(input, name, annotationPlan(result.findings, lang));
}

/** `validate`: the check, and with `annotate` the annotated copy. */
export async function validateBytes(
  input: Uint8Array,
  name: string,
  options: CheckOptions,
  { lang, annotate }: { readonly lang: Lang; readonly annotate: boolean },
): Promise<Checked & { readonly annotated?: Written }> {
  const checked = checkBytes(input, name, options);
  if (!annotate) return checked;
  return { ...checked, annotated: await annotateBytes(input, name, checked.result, lang) };
}

/** `compute`: the percentage formulas written (mismatches only with `overwrite`). */
export async function computeBytes(
  input: Uint8Array,
  name: string,
  options: CheckOptions,
  overwrite: boolean,
): Promise<Checked & { readonly computed: ComputeResult; readonly written: Written }> {
  const checked = checkBytes(input, name, options);
  const computed = computePlan(checked.result, { overwrite });
  return { ...checked, computed, written: await patched(input, name, computed.plan) };
}

/** `clear`: Soát's fills, notes and record removed, the original fills back. */
export function clearBytes(input: Uint8Array, name: string): Promise<Written> {
  return patched(input, name, 'clear');
}

/** One value written into one cell (an accepted suggestion); nothing else of the package changes. */
export function writeValueBytes(
  input: Uint8Array,
  sheet: string,
  cell: string,
  value: number | string | null,
): Promise<Uint8Array> {
  return patchedWith(input, [{ edits: [{ sheet, fills: [], notes: [], writes: [{ cell, value }] }] }]);
}

/** The note of a finding's cell set to `text`; every other part and run stays as the input holds it. */
function withNote(input: Uint8Array, { sheet, cell }: FindingCell, text: string | undefined): Promise<Uint8Array> {
  return patchedWith(input, [{ edits: [{ sheet, fills: [], notes: [], writes: [], humanNotes: [{ cell, text }] }] }]);
}

function cellOf(snapshot: WorkbookSnapshot, { sheet, cell }: FindingCell) {
  const found = snapshot.sheets.find((s) => s.name === sheet);
  if (found === undefined) throw new RangeError(`No sheet named "${sheet}"`);
  const { row, col } = parseAddress(cell);
  return { value: cellAt(found, row, col), note: found.notes?.[cell] };
}

/**
 * A reviewer's confirmation of a finding: `Soát: xác nhận RULE = VALUE — REASON` (English
 * `Soát: confirmed …`) with the value the cell holds now, added to its note before Soát's block.
 */
export function confirmBytes(
  input: Uint8Array,
  name: string,
  finding: FindingCell,
  reason: string,
  lang: Lang,
): Promise<Uint8Array> {
  const { value, note } = cellOf(readSnapshotBuffer(input, name), finding);
  const line = confirmationLine(finding.rule, confirmationValue(value, lang), reason, lang);
  return withNote(input, finding, withConfirmation(note, line, finding.rule));
}

/** The confirmations of a finding's rule removed from its cell's note; an untouched note is not rewritten. */
export function unconfirmBytes(input: Uint8Array, name: string, finding: FindingCell): Promise<Uint8Array> {
  const { note } = cellOf(readSnapshotBuffer(input, name), finding);
  if (note === undefined) return Promise.resolve(input);
  return withNote(input, finding, withoutConfirmation(note, finding.rule));
}
