import { address } from '../../core/address';
import type { DraftCell, SheetDraft, WorkbookDraft } from '../../core/merge/output';
import type { GsSheet, GsSpreadsheet, GsValue } from './apps-script';
import { backgroundOf } from './grid';
import { markMergeOutput } from './merge-outputs';
import { asText } from './write';

/**
 * Writes a workbook draft (the merge's consolidated report) into new sheets of the open
 * spreadsheet: one rectangle per property (values, formats, weights, wraps, fills, notes), so
 * the number of calls depends on the sheets, merges and columns, never on the rows.
 */

/** A free name: "Phụ lục 2", else "Phụ lục 2 (2)", "Phụ lục 2 (3)"… */
export function freeSheetName(taken: ReadonlySet<string>, name: string): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name} (${n})`)) return `${name} (${n})`;
}

/**
 * A formula's references to the draft's own sheets ('Phụ lục 2'!E6:E40), pointed at the names
 * those sheets were given: a second merge's "Tổng hợp" sums its own "Phụ lục 2 (2)".
 */
function retarget(formula: string, given: ReadonlyMap<string, string>): string {
  return formula.replace(/'((?:[^']|'')+)'!/g, (whole, quoted: string) => {
    const name = given.get(quoted.replace(/''/g, "'"));
    return name === undefined ? whole : `'${name.replace(/'/g, "''")}'!`;
  });
}

function content(cell: DraftCell | null, given: ReadonlyMap<string, string>): GsValue {
  if (cell === null) return '';
  if (cell.formula !== undefined) return `=${retarget(cell.formula.replace(/^=/, ''), given)}`;
  if (cell.number !== undefined) return cell.number;
  // A unit's "=SUM(…)", "+84…", "-", "@…" is text, never a formula.
  return asText(cell.text ?? '', cell.numberFormat);
}

/** The grid of one property for the sheet's rectangle, or undefined when no cell sets it. */
function layer<T>(
  draft: SheetDraft,
  width: number,
  pick: (cell: DraftCell) => T | undefined,
  blank: T,
): T[][] | undefined {
  let any = false;
  const grid = draft.rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const cell = row[c] ?? null;
      const item = cell === null ? undefined : pick(cell);
      if (item !== undefined) any = true;
      return item ?? blank;
    }),
  );
  return any ? grid : undefined;
}

/** Boxed cells as one A1 range per run of adjacent cells in a row, for one setBorder call. */
function borderRuns(draft: SheetDraft): string[] {
  const runs: string[] = [];
  draft.rows.forEach((row, r) => {
    let start = -1;
    for (let c = 0; c <= row.length; c++) {
      const boxed = row[c]?.border === true;
      if (boxed && start < 0) start = c;
      if (!boxed && start >= 0) {
        runs.push(`${address(r + 1, start + 1)}:${address(r + 1, c)}`);
        start = -1;
      }
    }
  });
  return runs;
}

/** Writes one drafted sheet into `sheet`; a hidden draft (Soát's own data) is hidden. */
export function writeSheet(sheet: GsSheet, draft: SheetDraft, given: ReadonlyMap<string, string>): void {
  if (draft.hidden === true) sheet.hideSheet();
  const height = draft.rows.length;
  const width = Math.max(1, ...draft.rows.map((row) => row.length));
  if (height > 0) {
    const range = sheet.getRange(1, 1, height, width);
    const formats = layer(draft, width, (cell) => cell.numberFormat, 'General');
    if (formats) range.setNumberFormats(formats);
    range.setValues(draft.rows.map((row) => Array.from({ length: width }, (_, c) => content(row[c] ?? null, given))));
    const weights = layer<'bold' | 'normal'>(draft, width, (cell) => (cell.bold ? 'bold' : undefined), 'normal');
    if (weights) range.setFontWeights(weights);
    const wraps = layer(draft, width, (cell) => cell.wrap, false);
    if (wraps) range.setWraps(wraps);
    const fills = layer(draft, width, (cell) => (cell.fill === undefined ? undefined : backgroundOf(cell.fill)), null);
    if (fills) range.setBackgrounds(fills);
    const notes = layer(draft, width, (cell) => cell.note, '');
    if (notes) range.setNotes(notes);
    const italics = layer<'italic' | 'normal'>(draft, width, (cell) => (cell.italic ? 'italic' : undefined), 'normal');
    if (italics) range.setFontStyles(italics);
    const aligns = layer<'left' | 'center' | 'right' | 'normal'>(draft, width, (cell) => cell.align, 'normal');
    if (aligns) range.setHorizontalAlignments(aligns);
    const boxed = borderRuns(draft);
    if (boxed.length > 0) sheet.getRangeList(boxed).setBorder(true, true, true, true, true, true);
  }
  for (const merge of draft.merges ?? []) sheet.getRange(merge).merge();
  (draft.columnWidths ?? []).forEach((chars, i) => sheet.setColumnWidth(i + 1, Math.round(chars * 7 + 10)));
  if (draft.frozenRows !== undefined && draft.frozenRows > 0) sheet.setFrozenRows(draft.frozenRows);
  for (const chart of draft.charts ?? []) {
    const anchor = /^([A-Z]+)(\d+)$/.exec(chart.anchor.cell);
    const column = anchor ? [...anchor[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 1;
    const built = sheet
      .newChart()
      .asBarChart()
      .addRange(sheet.getRange(chart.categories))
      .addRange(sheet.getRange(chart.values))
      .setPosition(anchor ? Number(anchor[2]) : 1, column, 0, 0)
      .setOption('title', chart.title)
      .build();
    sheet.insertChart(built as never);
  }
}

/** Adds the draft's sheets, each marked as a merge output; returns their names as created. */
export function writeDraft(spreadsheet: GsSpreadsheet, draft: WorkbookDraft): string[] {
  const taken = new Set(spreadsheet.getSheets().map((s) => s.getName()));
  const names = draft.sheets.map((sheetDraft) => {
    const name = freeSheetName(taken, sheetDraft.name);
    taken.add(name);
    return name;
  });
  const given = new Map(
    draft.sheets.map((sheetDraft, i) => [sheetDraft.name, names[i]!] as const).filter(([a, b]) => a !== b),
  );
  draft.sheets.forEach((sheetDraft, i) => {
    const sheet = spreadsheet.insertSheet(names[i]!);
    markMergeOutput(sheet, sheetDraft.name);
    writeSheet(sheet, sheetDraft, given);
  });
  return names;
}
