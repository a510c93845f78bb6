import type { SheetDraft } from '../merge/output';
import type { CellValue, WorkbookSnapshot } from '../snapshot';
import type { Report } from '../templates/appendix';
import { isRegistrySheetName } from '../units/sheet';
import { parseDefinition } from './read';

/**
 * A definition travels inside the workbooks made from it: a very hidden sheet holds its JSON, so
 * that whoever validates or merges such a workbook, in any host, checks the report the unit was
 * sent, with nothing to configure.
 */
export const definitionSheetName = '_soat_mau';

const headerLine = 'Soát: mẫu báo cáo (JSON). Không sửa trang này. / Report definition, do not edit.';

/** Excel holds at most 32,767 characters in a cell. */
const chunkLength = 30_000;

/** Pieces of the text, none starting with a character a spreadsheet could take for a formula. */
function chunks(text: string): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + chunkLength);
    while (end < text.length && end > at + 1 && /[=+\-@'\s]/.test(text[end]!)) end -= 1;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

export function definitionSheetDraft(report: Report): SheetDraft {
  return {
    name: definitionSheetName,
    hidden: true,
    rows: [[{ text: headerLine }], ...chunks(report.json).map((text) => [{ text }])],
  };
}

/** The definition a workbook carries, as written; undefined when it carries none. */
export function carriedDefinitionText(workbook: WorkbookSnapshot): string | undefined {
  const sheet = workbook.sheets.find((s) => s.name === definitionSheetName);
  if (!sheet) return undefined;
  const text = sheet.values
    .slice(1)
    .map((row) => row[0])
    .filter((v: CellValue | undefined): v is string => typeof v === 'string')
    .join('');
  return text.trim() === '' ? undefined : text;
}

/** The definition a workbook carries, read; a broken one is refused naming the workbook. */
export function carriedDefinition(workbook: WorkbookSnapshot): Report | undefined {
  const text = carriedDefinitionText(workbook);
  return text === undefined
    ? undefined
    : parseDefinition(text, `${workbook.file ?? ''} › ${definitionSheetName}`.trim());
}

/** Sheets that hold no appendix by design: the carried definition and the unit list. */
export function isReportDataSheet(name: string): boolean {
  return name === definitionSheetName || isRegistrySheetName(name);
}
