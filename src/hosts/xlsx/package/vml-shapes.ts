import { parseAddress } from '../../../core/address';

/**
 * The legacy drawing (VML) that holds the shape of every note: a new note gets Excel's usual
 * yellow box, a deleted note loses its shape; every other shape is kept as written.
 */

export const emptyVml =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
  '</xml>';

const shapePattern = /<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g;

/** The highest shape number (`_x0000_s1025` → 1025) a drawing uses. */
export function highestShapeId(vml: string): number {
  let highest = 1024;
  for (const match of vml.matchAll(/_x0000_s(\d+)/g)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

function noteShape(id: number, cell: string): string {
  const { row, col } = parseAddress(cell);
  const anchor = [col, 15, Math.max(0, row - 2), 10, col + 2, 15, row + 2, 4].join(', ');
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

/** The drawing with a note shape for each of `cells` added, numbered from `firstId`. */
export function addNoteShapes(vml: string, cells: readonly string[], firstId: number): string {
  if (cells.length === 0) return vml;
  const shapes = cells.map((cell, i) => noteShape(firstId + i, cell)).join('');
  const end = vml.lastIndexOf('</xml>');
  return end < 0 ? vml + shapes : vml.slice(0, end) + shapes + vml.slice(end);
}

function isNoteOf(shape: string, cells: ReadonlySet<string>): boolean {
  if (!/ObjectType="Note"/.test(shape)) return false;
  const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
  const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
  return row !== undefined && col !== undefined && cells.has(`${Number(row) + 1}:${Number(col) + 1}`);
}

/** The drawing without the note shapes of `cells`. */
export function removeNoteShapes(vml: string, cells: readonly string[]): string {
  if (cells.length === 0) return vml;
  const keys = new Set(
    cells.map((cell) => {
      const { row, col } = parseAddress(cell);
      return `${row}:${col}`;
    }),
  );
  return vml.replace(shapePattern, (shape) => (isNoteOf(shape, keys) ? '' : shape));
}

export function hasShapes(vml: string): boolean {
  return /<v:shape\b/.test(vml);
}
