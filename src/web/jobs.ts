import type { CheckOptions } from '../core/check';
import { inForce, parseDefinition } from '../core/definition';
import { mergeUnitWorkbooks } from '../core/merge/merge';
import { unitWorkbookDraft } from '../core/merge/template';
import type { Lang } from '../core/report/finding';
import type { UnitRegistry } from '../core/units/registry';
import { definitionTextOfFile } from '../hosts/xlsx/definition-file';
import { draftToXlsx } from '../hosts/xlsx/draft';
import type { FindingCell } from '../hosts/xlsx/commands';
import {
  annotateBytes,
  checkBytes,
  clearBytes,
  computeBytes,
  confirmBytes,
  unconfirmBytes,
  writeValueBytes,
} from '../hosts/xlsx/commands';
import { mergeInputOfBytes } from '../hosts/xlsx/merge-input';
import { registryOfBytes } from '../hosts/xlsx/registry-file';
import { paneInForce } from '../taskpane/in-force';
import { paneReport } from '../taskpane/report';
import type { PaneInForce } from '../taskpane/actions';
import type { ChangeOutcome, MergeOutcome, Progress, ValidateOutcome, WebFile, WebSetup } from './protocol';
import { sheetPreviews } from './preview-data';

/**
 * The web page's commands, run in its worker: the same steps as `soat validate --out`, `compute`,
 * `clear`, `merge` and `template` (src/cli), over bytes instead of paths, so that a download
 * equals the file the command line writes.
 */

export type Report = (progress: Progress) => void;

const noProgress: Report = () => undefined;

/** Bytes as the readers take them; the worker received its own copy. */
const bytesOf = (file: WebFile): Uint8Array => new Uint8Array(file.bytes);

/** A written file as an ArrayBuffer of exactly its bytes, to transfer back to the page. */
function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The chosen definition and unit list, as `--definition` and `--registry` give them. */
export async function optionsOf(setup: WebSetup): Promise<CheckOptions> {
  const report = setup.definition && parseDefinition(setup.definition.text, setup.definition.name);
  let registry: UnitRegistry | undefined;
  if (setup.registry) {
    registry = await registryOfBytes(setup.registry.name, bytesOf(setup.registry));
    if (!registry)
      throw new Error(`${setup.registry.name}: tệp danh mục không có trang tính (the registry file has no sheet)`);
  }
  return { ...(report ? { report } : {}), ...(registry ? { registry } : {}) };
}

/** `soat validate FILE --out ANNOTATED`: the findings, the annotated copy, and the sheets to preview. */
export async function validateFile(
  file: WebFile,
  setup: WebSetup,
  lang: Lang,
  progress: Report = noProgress,
): Promise<ValidateOutcome> {
  const options = await optionsOf(setup);
  progress({ file: file.name, done: 0, total: 2 });
  const input = bytesOf(file);
  const { result, snapshot } = checkBytes(input, file.name, options);
  progress({ file: file.name, done: 1, total: 2 });
  const annotated = await annotateBytes(input, file.name, result, lang);
  progress({ file: file.name, done: 2, total: 2 });
  return {
    report: paneReport(result.findings, lang, result.inForce),
    annotated: arrayBufferOf(annotated.bytes),
    preview: sheetPreviews(snapshot),
  };
}

/** `soat compute FILE --out FILE2 [--overwrite]`. */
export async function computeFile(file: WebFile, setup: WebSetup, overwrite: boolean): Promise<ChangeOutcome> {
  const { computed, written } = await computeBytes(bytesOf(file), file.name, await optionsOf(setup), overwrite);
  return {
    bytes: arrayBufferOf(written.bytes),
    written: computed.replaced.length,
    keptMismatches: computed.keptMismatches.length,
  };
}

/** `soat clear FILE --out CLEAN`: Soát's fills, notes and record removed, the original fills back. */
export async function clearFile(file: WebFile): Promise<ChangeOutcome> {
  return { bytes: arrayBufferOf((await clearBytes(bytesOf(file), file.name)).bytes) };
}

/** An accepted suggestion: one value written, as the pane writes it in Excel; marks stay until the next Validate. */
export async function writeValue(
  file: WebFile,
  sheetName: string,
  cell: string,
  value: number | string | null,
): Promise<ChangeOutcome> {
  return { bytes: arrayBufferOf(await writeValueBytes(bytesOf(file), sheetName, cell, value)) };
}

/** A reviewer's confirmation of a finding written into its cell's note, the rest of the file as it was. */
export async function confirmFinding(
  file: WebFile,
  finding: FindingCell,
  reason: string,
  lang: Lang,
): Promise<ChangeOutcome> {
  return { bytes: arrayBufferOf(await confirmBytes(bytesOf(file), file.name, finding, reason, lang)) };
}

/** The confirmations of a finding's rule removed from its cell's note. */
export async function unconfirmFinding(file: WebFile, finding: FindingCell): Promise<ChangeOutcome> {
  return { bytes: arrayBufferOf(await unconfirmBytes(bytesOf(file), file.name, finding)) };
}

/** `soat merge FILES --out CONSOLIDATED`: every file read (a bad one reported), merged, written. */
export async function mergeFiles(
  files: readonly WebFile[],
  setup: WebSetup,
  lang: Lang,
  progress: Report = noProgress,
): Promise<MergeOutcome> {
  const options = await optionsOf(setup);
  const inputs = [];
  for (const [i, file] of files.entries()) {
    progress({ file: file.name, done: i, total: files.length });
    inputs.push(await mergeInputOfBytes(file.name, bytesOf(file)));
    progress({ file: file.name, done: i + 1, total: files.length });
  }
  const result = mergeUnitWorkbooks(inputs, { ...options, lang });
  const bytes = await draftToXlsx(result.draft);
  const skipped = new Set(result.findings.filter((f) => f.rule === 'unreadable-file').map((f) => f.file)).size;
  return {
    report: paneReport(result.findings, lang),
    bytes: arrayBufferOf(bytes),
    received: result.units?.received.length ?? 0,
    skipped,
  };
}

/** `soat template --out UNIT_TEMPLATE`: the blank unit workbook, carrying its report and unit list. */
export async function templateFile(setup: WebSetup, lang: Lang): Promise<ArrayBuffer> {
  const { report, registry } = inForce({ sheets: [] }, await optionsOf(setup));
  return arrayBufferOf(await draftToXlsx(unitWorkbookDraft(report, registry, lang)));
}

/** The report and unit list a file that carries none is checked against. */
export async function inForceOf(setup: WebSetup, lang: Lang): Promise<PaneInForce> {
  return paneInForce(inForce({ sheets: [] }, await optionsOf(setup)), lang);
}

/** A chosen .json's text, or a template's carried definition; refused (DefinitionError) when broken. */
export async function definitionText(file: WebFile): Promise<string> {
  const bytes = bytesOf(file);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const text = await definitionTextOfFile({ name: file.name, base64: btoa(binary) });
  parseDefinition(text, file.name);
  return text;
}
