import type { ResolvedSheetEdits, SoatRecord } from '../../../core/annotate';
import type { CellWrite } from '../../../core/plan';
import type { FormulaValue } from '../formula-result';
import { formulaCell, looksLikeFormula, valueCell, withStyle } from './cell-xml';
import { fillXml, readFillXml } from './fill-xml';
import type { HumanNote } from './notes';
import { patchHumanNotes, patchNotes } from './notes';
import { PackageParts } from './parts';
import { writeRecordSheet } from './record-sheet';
import { relationType, relationships } from './relationships';
import type { CellEditor, ExistingCell } from './sheet-cells';
import { patchSheetCells } from './sheet-cells';
import { StyleSheet } from './styles';
import { UnpatchableCellError } from './unpatchable';
import type { WorkbookParts } from './workbook';
import { workbookParts } from './workbook';
import { withAttribute } from './xml-text';

/**
 * Soát's changes written into the input package itself: the cells it paints or writes, the
 * formats it adds, its notes and its record. Every other part, and every other byte of the parts
 * it touches, is the input's.
 */

/** A write with the result its formula gives, worked out before the package is patched. */
export interface WrittenCell extends CellWrite {
  readonly result?: FormulaValue;
}

export interface SheetChange extends Omit<ResolvedSheetEdits, 'writes'> {
  readonly writes: readonly WrittenCell[];
  /** Notes a reviewer changes outside Soát's block (confirmations). */
  readonly humanNotes?: readonly HumanNote[];
}

/**
 * One applied plan or clear: what changes in each sheet, and the record as it stands after;
 * a reviewer's own edit (an accepted value, a confirmation) leaves the record as it is.
 */
export interface WorkbookChange {
  readonly edits: readonly SheetChange[];
  readonly record?: SoatRecord;
}

interface CellChange {
  fill?: string | null;
  write?: WrittenCell;
}

function cellChanges(edits: SheetChange): Map<string, CellChange> {
  const cells = new Map<string, CellChange>();
  const of = (address: string): CellChange => {
    const key = address.toUpperCase();
    let change = cells.get(key);
    if (change === undefined) cells.set(key, (change = {}));
    return change;
  };
  for (const group of edits.fills) for (const cell of group.cells) of(cell).fill = group.color;
  for (const write of edits.writes) of(write.cell).write = write;
  return cells;
}

/** A formula that other cells share or that spans an array cannot lose its first cell. */
function refuseSharedFormula(sheet: string, address: string, cell: ExistingCell): void {
  const formula = cell.xml === undefined ? undefined : /<f\b[^>]*>/.exec(cell.xml)?.[0];
  if (formula !== undefined && /\sref="/.test(formula)) throw new UnpatchableCellError(sheet, address);
}

function editor(sheet: string, change: CellChange, styles: StyleSheet): CellEditor {
  return (cell, address) => {
    let style = cell.style;
    const { write } = change;
    if (write !== undefined) {
      refuseSharedFormula(sheet, address, cell);
      if (write.numberFormat !== undefined) style = styles.withNumberFormat(style, write.numberFormat);
      if (typeof write.value === 'string' && looksLikeFormula(write.value)) style = styles.withQuotePrefix(style);
    }
    if (change.fill !== undefined) style = styles.withFill(style, change.fill);
    if (write === undefined) return withStyle(cell.xml, address, style);
    return write.formula !== undefined
      ? formulaCell(address, style, write.formula, write.result)
      : valueCell(address, style, write.value ?? null);
  };
}

async function styleSheet(parts: PackageParts, workbook: WorkbookParts): Promise<{ part: string; sheet: StyleSheet }> {
  const rel = (await relationships(parts, workbook.part)).find((r) => r.type === relationType.styles);
  const part = rel?.part ?? 'xl/styles.xml';
  return { part, sheet: await StyleSheet.read((await parts.text(part)) ?? '', readFillXml, fillXml) };
}

/** A spreadsheet program recomputes every formula on opening: Soát's cached results are its own. */
function recalculateOnLoad(workbook: string): string {
  const calcPr = /<calcPr\b[^>]*?\/?>/.exec(workbook);
  if (calcPr !== null) return workbook.replace(calcPr[0], withAttribute(calcPr[0], 'fullCalcOnLoad', '1'));
  const after = ['</definedNames>', '</externalReferences>', '</functionGroups>', '</sheets>'].find((tag) =>
    workbook.includes(tag),
  );
  return after === undefined ? workbook : workbook.replace(after, `${after}<calcPr fullCalcOnLoad="1"/>`);
}

export async function patchPackage(input: Uint8Array, changes: readonly WorkbookChange[]): Promise<Uint8Array> {
  const parts = await PackageParts.load(input);
  const styles = await styleSheet(parts, await workbookParts(parts));
  let formulas = false;
  for (const change of changes) {
    const workbook = await workbookParts(parts);
    for (const edits of change.edits) {
      const entry = workbook.sheets.find((s) => s.name === edits.sheet);
      if (entry === undefined) throw new RangeError(`No sheet named "${edits.sheet}"`);
      const editors = new Map<string, CellEditor>();
      for (const [address, cellChange] of cellChanges(edits))
        editors.set(address, editor(edits.sheet, cellChange, styles.sheet));
      let xml = patchSheetCells((await parts.text(entry.part)) ?? '', editors);
      xml = await patchNotes(parts, entry.part, xml, edits.notes);
      xml = await patchHumanNotes(parts, entry.part, xml, edits.humanNotes ?? []);
      await parts.set(entry.part, xml);
      if (edits.writes.some((w) => w.formula !== undefined)) formulas = true;
    }
    if (change.record !== undefined) await writeRecordSheet(parts, workbook, change.record);
  }
  if (styles.sheet.changed) await parts.set(styles.part, styles.sheet.toXml());
  if (formulas) {
    const { part } = await workbookParts(parts);
    await parts.set(part, recalculateOnLoad((await parts.text(part)) ?? ''));
  }
  return parts.toBytes();
}
