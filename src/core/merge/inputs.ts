import { isReportDataSheet } from '../definition/carried';
import type { WorkbookSnapshot } from '../snapshot';
import type { UnitMatcher } from '../units/match';
import type { Unit } from '../units/registry';

/** Why a file could not be read, in the reader's words; the host decides (corrupt, encrypted…). */
export interface UnreadableFile {
  readonly reason: string;
  readonly message: string | { readonly vi: string; readonly en: string };
}

/** One file handed to the merge: its snapshot, or why the host could not read it. */
export type MergeInput =
  | { readonly file: string; readonly snapshot: WorkbookSnapshot }
  | { readonly file: string; readonly error: UnreadableFile };

/**
 * The sheets of an open workbook as merge inputs, one per unit sheet. The sheets that hold the
 * report itself (the definition a template carries, the unit list) are no unit's: they go with
 * every input, so that the merge follows them, and none is reported as a file without data.
 */
export function sheetInputs(
  workbook: WorkbookSnapshot,
): { readonly file: string; readonly snapshot: WorkbookSnapshot }[] {
  const report = workbook.sheets.filter((s) => isReportDataSheet(s.name));
  return workbook.sheets
    .filter((s) => !isReportDataSheet(s.name))
    .map((sheet) => ({ file: sheet.name, snapshot: { file: sheet.name, sheets: [sheet, ...report] } }));
}

/**
 * Inputs in path order, compared by code unit (not by locale), so that the same files give the
 * same workbook whatever order they were given in, on any machine. "First" always means this.
 */
export function sortInputs(inputs: readonly MergeInput[]): MergeInput[] {
  return [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** "out/units/unit-so-du-lich.xlsx" → "unit-so-du-lich". */
export function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.[^.]+$/, '');
}

/** Words a file name may put before the unit's name: "unit-", "Báo cáo 9T - ", "PL2_". */
const maxLeadingWords = 4;

/**
 * The unit a sheet or file name stands for, when a row leaves its unit blank: the sheet name
 * first, then the file name with up to a few leading words dropped ("unit-so-du-lich" names
 * "Sở Du lịch"). Only a sure match counts; a guess would put data under the wrong unit.
 */
export function unitFromNames(
  matcher: UnitMatcher,
  sheet: string,
  file: string,
): { unit: Unit; from: string } | undefined {
  const candidates = [sheet];
  const words = baseName(file)
    .split(/[\s_\-.]+/)
    .filter((w) => w !== '');
  for (let drop = 0; drop <= Math.min(maxLeadingWords, words.length - 1); drop++) {
    candidates.push(words.slice(drop).join(' '));
  }
  for (const name of candidates) {
    const match = matcher.match(name);
    if (match.kind !== 'unknown') return { unit: match.unit, from: name === sheet ? sheet : baseName(file) };
  }
  return undefined;
}
