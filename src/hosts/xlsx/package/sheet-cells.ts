import { columnNumber, parseAddress } from '../../../core/address';
import { attribute, withAttribute } from './xml-text';

/**
 * Cells of a sheet's XML changed in place: one pass over `<sheetData>`, and only the rows Soát
 * changes are taken apart. Every other byte of the sheet stays as the input had it.
 */

export interface ExistingCell {
  /** The `<c>` element as the sheet holds it; undefined when the sheet lists no such cell. */
  readonly xml: string | undefined;
  /** Its format (s), or the row's or column's for a cell the sheet does not list. */
  readonly style: number;
}

/** Gives the `<c>` element a cell should be. */
export type CellEditor = (cell: ExistingCell, address: string) => string;

interface PlannedCell {
  readonly col: number;
  readonly address: string;
  readonly edit: CellEditor;
}

const rowPattern = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
const cellPattern = /<c(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

function byRow(edits: ReadonlyMap<string, CellEditor>): Map<number, PlannedCell[]> {
  const rows = new Map<number, PlannedCell[]>();
  for (const [address, edit] of edits) {
    const { row, col } = parseAddress(address);
    const cells = rows.get(row);
    const planned = { col, address: address.toUpperCase(), edit };
    if (cells === undefined) rows.set(row, [planned]);
    else cells.push(planned);
  }
  for (const cells of rows.values()) cells.sort((a, b) => a.col - b.col);
  return rows;
}

/** Column formats from `<cols>`: the format a cell the sheet does not list shows. */
function columnStyles(xml: string, end: number): (col: number) => number {
  const cols = /<cols>([\s\S]*?)<\/cols>/.exec(xml.slice(0, end));
  const ranges: { min: number; max: number; style: number }[] = [];
  for (const [tag] of cols?.[1]?.matchAll(/<col\b[^>]*>/g) ?? []) {
    const style = Number(attribute(tag, 'style') ?? 0);
    if (style !== 0) ranges.push({ min: Number(attribute(tag, 'min')), max: Number(attribute(tag, 'max')), style });
  }
  return (col) => ranges.find((r) => r.min <= col && col <= r.max)?.style ?? 0;
}

function cellColumn(tag: string, previous: number): number {
  const ref = attribute(tag, 'r');
  return ref === undefined ? previous + 1 : columnNumber(ref.replace(/\d+$/, '').replace(/\$/g, ''));
}

function patchRow(rowXml: string, planned: PlannedCell[], columnStyle: (col: number) => number): string {
  const open = /^<row\b[^>]*?\/?>/.exec(rowXml)![0];
  const selfClosing = open.endsWith('/>');
  const inner = selfClosing ? '' : rowXml.slice(open.length, rowXml.length - '</row>'.length);
  const rowStyle = attribute(open, 'customFormat') === '1' ? Number(attribute(open, 's') ?? 0) : undefined;
  const defaultStyle = (col: number): number => rowStyle ?? columnStyle(col);
  let out = '';
  let at = 0;
  let next = 0;
  let col = 0;
  let inserted = false;
  cellPattern.lastIndex = 0;
  for (let match = cellPattern.exec(inner); match !== null; match = cellPattern.exec(inner)) {
    const cell = match[0];
    col = cellColumn(cell.slice(0, cell.indexOf('>') + 1), col);
    out += inner.slice(at, match.index);
    at = match.index + cell.length;
    while (next < planned.length && planned[next]!.col < col) {
      const { address, edit, col: c } = planned[next++]!;
      out += edit({ xml: undefined, style: defaultStyle(c) }, address);
      inserted = true;
    }
    if (next < planned.length && planned[next]!.col === col) {
      const { address, edit } = planned[next++]!;
      out += edit({ xml: cell, style: Number(attribute(cell.slice(0, cell.indexOf('>') + 1), 's') ?? 0) }, address);
    } else {
      out += cell;
    }
  }
  out += inner.slice(at);
  while (next < planned.length) {
    const { address, edit, col: c } = planned[next++]!;
    out += edit({ xml: undefined, style: defaultStyle(c) }, address);
    inserted = true;
  }
  // `spans` is only a hint of the row's extent; a cell added outside it would contradict it.
  const tag = inserted ? withAttribute(open, 'spans', undefined) : open;
  return `${tag.replace(/\/>$/, '>')}${out}</row>`;
}

/** The sheet XML with the edited cells replaced or added in their place. */
export function patchSheetCells(xml: string, edits: ReadonlyMap<string, CellEditor>): string {
  if (edits.size === 0) return xml;
  const rows = byRow(edits);
  const wanted = [...rows.keys()].sort((a, b) => a - b);
  const openAt = xml.search(/<sheetData\b/);
  if (openAt < 0) throw new RangeError('A sheet without <sheetData>');
  const openEnd = xml.indexOf('>', openAt) + 1;
  const selfClosing = xml[openEnd - 2] === '/';
  const closeAt = selfClosing ? openEnd : xml.indexOf('</sheetData>', openEnd);
  const columnStyle = columnStyles(xml, openAt);
  const data = xml.slice(openEnd, closeAt);

  const parts: string[] = [];
  let at = 0;
  let w = 0;
  let rowNumber = 0;
  const newRow = (n: number): string => patchRow(`<row r="${n}"/>`, rows.get(n)!, columnStyle);
  rowPattern.lastIndex = 0;
  for (let match = rowPattern.exec(data); match !== null && w < wanted.length; match = rowPattern.exec(data)) {
    const row = match[0];
    const r = attribute(row.slice(0, row.indexOf('>') + 1), 'r');
    rowNumber = r === undefined ? rowNumber + 1 : Number(r);
    while (w < wanted.length && wanted[w]! < rowNumber) {
      parts.push(data.slice(at, match.index), newRow(wanted[w++]!));
      at = match.index;
    }
    if (w < wanted.length && wanted[w] === rowNumber) {
      parts.push(data.slice(at, match.index), patchRow(row, rows.get(rowNumber)!, columnStyle));
      at = match.index + row.length;
      w++;
    }
  }
  parts.push(data.slice(at));
  while (w < wanted.length) parts.push(newRow(wanted[w++]!));
  const body = parts.join('');
  const head = selfClosing ? `${xml.slice(0, openEnd - 2)}>` : xml.slice(0, openEnd);
  return `${head}${body}${selfClosing ? '</sheetData>' : ''}${xml.slice(closeAt)}`;
}
