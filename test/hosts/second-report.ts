import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTthcWorkbooks, tthcDefinitionPath, tthcRegistryPath } from '../../scripts/tthc-units';
import { parseDefinition } from '../../src/core/definition';
import { parseCsv, registryFromRows } from '../../src/core/units/registry';

/**
 * The second report (administrative procedures handled, Q3/2025), as a consolidator has it: its
 * definition file, the unit list of Hải Phòng after July 2025, and the units' filled-in files
 * (scripts/tthc-units.ts, where each injected defect is documented).
 */

const root = join(__dirname, '..', '..');
export const definitionFile = join(root, tthcDefinitionPath);
export const registryFile = join(root, tthcRegistryPath);
export const definitionText = readFileSync(definitionFile, 'utf8');
export const registryCsv = readFileSync(registryFile, 'utf8');
export const secondReport = parseDefinition(definitionText, definitionFile);
export const secondRegistry = registryFromRows(parseCsv(registryCsv));

export const KQ = 'Kết quả giải quyết';
export const SK = 'Sáng kiến';

let books: Promise<Map<string, Buffer>> | undefined;

/** File name → .xlsx bytes of every unit file, built once per test file. */
export function secondReportFiles(): Promise<Map<string, Buffer>> {
  books ??= buildTthcWorkbooks(definitionText, registryCsv);
  return books;
}

export async function secondReportFile(name: string): Promise<Buffer> {
  const bytes = (await secondReportFiles()).get(name);
  if (bytes === undefined) throw new Error(`no unit file ${name}`);
  return bytes;
}

/**
 * What validating each unit file on its own finds, [sheet, cell, rule] in report order: the
 * injected defect, and the unit names written other than the registry's (unit-alias, info).
 * Columns of "Kết quả giải quyết": A TT, B unit, C received, D on time, E late, F on-time %,
 * G average days late, H one-stop desk, I desk staff; of "Sáng kiến": A, B, C initiative, D date.
 */
export const unitFindings: Readonly<Record<string, readonly (readonly [string, string, string])[]>> = {
  'unit-dk-cat-hai.xlsx': [
    [KQ, 'B6', 'unit-alias'],
    [KQ, 'G6', 'missing-value'],
    [SK, 'B5', 'unit-alias'],
  ],
  'unit-phuong-hong-bang.xlsx': [
    [KQ, 'B6', 'unit-alias'],
    [KQ, 'F6', 'ratio-mismatch'],
    [SK, 'B5', 'unit-alias'],
  ],
  'unit-phuong-le-chan.xlsx': [
    [KQ, 'B6', 'unit-alias'],
    [KQ, 'I6', 'flag-count-mismatch'],
    [SK, 'B5', 'unit-alias'],
  ],
  'unit-phuong-ngo-quyen.xlsx': [
    [KQ, 'B6', 'unit-alias'],
    [KQ, 'I6', 'range-value'],
    [SK, 'B5', 'unit-alias'],
    [SK, 'D5', 'future-date'],
  ],
  'unit-so-noi-vu.xlsx': [[SK, 'C5', 'model-numbering']],
  'unit-so-tai-chinh.xlsx': [[KQ, 'F6', 'missing-value']],
  'unit-so-tu-phap.xlsx': [[SK, 'C5', 'model-flag-mismatch']],
  'unit-so-xay-dung.xlsx': [],
  'unit-stc.xlsx': [[KQ, 'B6', 'unit-alias']],
  'unit-xa-an-lao.xlsx': [
    [KQ, 'B6', 'unit-alias'],
    [KQ, 'C6', 'sum-mismatch'],
    [SK, 'B5', 'unit-alias'],
  ],
  'unit-xa-tien-lang.xlsx': [[KQ, 'B6', 'unknown-unit']],
};

/** [sheet, cell, rule] of findings, the shape `unitFindings` holds. */
export function sheetCellRule(
  findings: readonly { readonly sheet: string; readonly cell: string; readonly rule: string }[],
): [string, string, string][] {
  return findings.map((f) => [f.sheet, f.cell, f.rule]);
}
