import { looksLikeFormula, withStyle } from './cell-xml';
import { fillXml, readFillXml } from './fill-xml';
import { noteTextOf } from './note-text';
import { PackageParts } from './parts';
import { relationType, relationships } from './relationships';
import type { CellEditor } from './sheet-cells';
import { patchSheetCells } from './sheet-cells';
import { StyleSheet } from './styles';
import { workbookParts } from './workbook';
import { attribute } from './xml-text';

/**
 * Every text cell of a package whose text starts like a formula (=, +, -, @) gets a format with
 * quotePrefix, so that editing it in Excel (F2, Enter) keeps it text. For workbooks Soát builds
 * whole (merge, template) with ExcelJS, which has no such setting.
 */

const sharedStringsType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';
const cellPattern = /<c(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

/** Indexes of the shared strings that look like a formula. */
function formulaLikeStrings(sst: string): Set<number> {
  const found = new Set<number>();
  let index = 0;
  for (const [si] of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) {
    if (looksLikeFormula(noteTextOf(si.slice(4, -5)))) found.add(index);
    index++;
  }
  return found;
}

function isFormulaLikeText(cell: string, shared: ReadonlySet<number>): boolean {
  const open = cell.slice(0, cell.indexOf('>') + 1);
  const type = attribute(open, 't');
  if (type === 's') return shared.has(Number(/<v>(\d+)<\/v>/.exec(cell)?.[1] ?? -1));
  if (type === 'inlineStr') return looksLikeFormula(noteTextOf(/<is>([\s\S]*?)<\/is>/.exec(cell)?.[1] ?? ''));
  return false;
}

export async function quoteFormulaLikeText(bytes: Uint8Array): Promise<Uint8Array> {
  const parts = await PackageParts.load(bytes);
  return (await quoteFormulaLikeTextIn(parts)) ? parts.toBytes() : bytes;
}

/** The same, on a package already open; true when some cell was quoted. */
export async function quoteFormulaLikeTextIn(parts: PackageParts): Promise<boolean> {
  const workbook = await workbookParts(parts);
  const rels = await relationships(parts, workbook.part);
  const sstPart = rels.find((r) => r.type === sharedStringsType)?.part;
  const shared = formulaLikeStrings((sstPart === undefined ? undefined : await parts.text(sstPart)) ?? '');
  const stylesPart = rels.find((r) => r.type === relationType.styles)?.part ?? 'xl/styles.xml';
  const styles = await StyleSheet.read((await parts.text(stylesPart)) ?? '', readFillXml, fillXml);
  const quote: CellEditor = (cell, address) => withStyle(cell.xml, address, styles.withQuotePrefix(cell.style));
  for (const sheet of workbook.sheets) {
    const xml = (await parts.text(sheet.part)) ?? '';
    // No shared string looks like a formula and no text is inline: no cell of the sheet can.
    if (shared.size === 0 && !xml.includes('inlineStr')) continue;
    const editors = new Map<string, CellEditor>();
    for (const [cell] of xml.matchAll(cellPattern)) {
      const ref = attribute(cell.slice(0, cell.indexOf('>') + 1), 'r');
      if (ref !== undefined && isFormulaLikeText(cell, shared)) editors.set(ref, quote);
    }
    if (editors.size > 0) await parts.set(sheet.part, patchSheetCells(xml, editors));
  }
  if (!styles.changed) return false;
  await parts.set(stylesPart, styles.toXml());
  return true;
}
