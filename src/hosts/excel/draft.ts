/// <reference types="office-js" />
import { columnLetter, parseAddress } from '../../core/address';
import type { ChartDraft, DraftCell, SheetDraft, WorkbookDraft } from '../../core/merge/output';
import type { ExcelFeatures } from './api';
import { WriteBatch, callOverheadBytes, utf8Bytes } from './batch';
import type { CommentStore } from './comments';
import { commentStore } from './comments';

/**
 * Writes a merge's draft into new sheets of the open workbook; returns their ids (Worksheet.id).
 * Text is written under the Text format, so a unit's "=SUM(…)" stays text; only Soát's own
 * formulas are formulas. Charts are native Excel charts where Excel has them (see
 * ExcelFeatures.charts); a cell's note (a reviewer's confirmation carried from the unit's cell) is
 * a note, or a thread where Excel has no notes. Data validations of a draft are not written yet.
 */
export async function writeDraft(
  context: Excel.RequestContext,
  draft: WorkbookDraft,
  existing: readonly string[],
  features: Pick<ExcelFeatures, 'charts' | 'notes' | 'threadedComments'>,
): Promise<string[]> {
  const store = commentStore(features);
  const taken = new Set(existing);
  const names = draft.sheets.map((sheet) => {
    const name = freeName(sheet.name, taken);
    taken.add(name);
    return name;
  });
  const given = new Map(draft.sheets.map((sheet, i) => [sheet.name, names[i]!] as const).filter(([a, b]) => a !== b));
  const batch = new WriteBatch(context);
  const added: Excel.Worksheet[] = [];
  for (const [i, sheet] of draft.sheets.entries()) {
    await batch.spend(callOverheadBytes);
    const worksheet = context.workbook.worksheets.add(names[i]!).load('id');
    added.push(worksheet);
    await writeSheet(worksheet, sheet, given, { context, store }, batch.spend);
    if (features.charts) for (const chart of sheet.charts ?? []) addChart(worksheet, chart);
  }
  await batch.finish();
  return added.map((worksheet) => worksheet.id);
}

function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, 26)} (${i})`;
    if (!taken.has(candidate)) return candidate;
  }
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

function content(cell: DraftCell | null, given: ReadonlyMap<string, string>): string | number {
  if (cell === null) return '';
  if (cell.formula !== undefined) return `=${retarget(cell.formula, given)}`;
  return cell.number ?? cell.text ?? '';
}

/** The calls a drafted cell costs beyond its value and format: bold, wrap, fill, note. */
function cellCalls(cell: DraftCell | null): number {
  if (cell === null) return 0;
  return [cell.bold === true, cell.wrap === true, cell.fill !== undefined, cell.note !== undefined].filter(Boolean)
    .length;
}

/** Rows per request: a block's values and formats, and the calls of its cells, fill at most this. */
const blockBytes = 1_000_000;

/**
 * Writes one drafted sheet into `worksheet`; a hidden draft (Soát's own data) is made very hidden.
 * Rows go in blocks charged to `spend`, so that a 50,000-row sheet is several requests under
 * Excel's 5 MB, not one over it; without `spend` (a small sheet) all is queued at once.
 */
export async function writeSheet(
  worksheet: Excel.Worksheet,
  sheet: SheetDraft,
  given: ReadonlyMap<string, string>,
  notes?: NoteWriter,
  spend: (bytes: number) => Promise<void> = async () => undefined,
): Promise<void> {
  if (sheet.hidden === true) worksheet.visibility = 'VeryHidden';
  const width = Math.max(1, ...sheet.rows.map((row) => row.length));
  const rows = sheet.rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  for (let first = 0; first < rows.length;) {
    let bytes = 2 * callOverheadBytes;
    let end = first;
    // The value and its format travel twice in the two range calls; each extra call has its overhead.
    while (end < rows.length && (end === first || bytes < blockBytes)) {
      const row = rows[end]!;
      bytes += 2 * utf8Bytes(JSON.stringify(row)) + row.reduce((n, cell) => n + cellCalls(cell), 0) * callOverheadBytes;
      end += 1;
    }
    await spend(bytes);
    writeRows(worksheet, rows.slice(first, end), first, given, notes);
    first = end;
  }
  for (const merge of sheet.merges ?? []) worksheet.getRange(merge).merge();
  (sheet.columnWidths ?? []).forEach((chars, i) => {
    worksheet.getRange(`${columnLetter(i + 1)}1`).format.columnWidth = chars * 7;
  });
  if (sheet.frozenRows !== undefined && sheet.frozenRows > 0) worksheet.freezePanes.freezeRows(sheet.frozenRows);
}

/** Queues one block of rows, the first being the sheet's row `offset + 1`. */
function writeRows(
  worksheet: Excel.Worksheet,
  rows: readonly (DraftCell | null)[][],
  offset: number,
  given: ReadonlyMap<string, string>,
  notes: NoteWriter | undefined,
): void {
  const width = rows[0]!.length;
  const range = worksheet.getRange(`A${offset + 1}:${columnLetter(width)}${offset + rows.length}`);
  range.numberFormat = rows.map((row) =>
    row.map((cell) => (cell?.text !== undefined ? '@' : (cell?.numberFormat ?? 'General'))),
  );
  range.formulas = rows.map((row) => row.map((cell) => content(cell, given)));
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null) return;
      const target = (): Excel.Range => worksheet.getRange(`${columnLetter(c + 1)}${offset + r + 1}`);
      if (cell.bold === true) target().format.font.bold = true;
      if (cell.wrap === true) target().format.wrapText = true;
      if (cell.fill !== undefined) target().format.fill.color = `#${cell.fill.slice(2)}`;
      if (cell.note !== undefined && notes !== undefined) addNote(notes, worksheet, target(), cell.note);
    }),
  );
}

/** Where a drafted sheet's notes go; the unit list and definition sheets have none. */
export interface NoteWriter {
  readonly context: Excel.RequestContext;
  readonly store: CommentStore;
}

/** A new sheet's note: a note where Excel has them, else a thread (how older Excel shows a human's words). */
function addNote({ context, store }: NoteWriter, worksheet: Excel.Worksheet, cell: Excel.Range, text: string): void {
  if (store === 'notes') worksheet.notes.add(cell, text);
  else if (store === 'threads') context.workbook.comments.add(cell, text);
}

/** A native bar chart over the draft's ranges, placed over the cells its anchor names. */
function addChart(worksheet: Excel.Worksheet, draft: ChartDraft): void {
  const chart = worksheet.charts.add('BarClustered', worksheet.getRange(draft.values), 'Columns');
  chart.title.text = draft.title;
  chart.legend.visible = false;
  const series = chart.series.getItemAt(0);
  series.name = draft.seriesName;
  series.setXAxisValues(worksheet.getRange(draft.categories));
  if (draft.valueAxis !== undefined) {
    chart.axes.valueAxis.minimum = draft.valueAxis.min;
    chart.axes.valueAxis.maximum = draft.valueAxis.max;
  }
  const { row, col } = parseAddress(draft.anchor.cell);
  chart.setPosition(draft.anchor.cell, `${columnLetter(col + draft.anchor.columns - 1)}${row + draft.anchor.rows - 1}`);
}
