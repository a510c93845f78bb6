import { columnLetter } from '../../core/address';
import type { SheetDraft, WorkbookDraft } from '../../core/merge/output';
import type { PackageParts } from './package/parts';
import { relationType, relationships } from './package/relationships';
import { workbookParts } from './package/workbook';

/**
 * A draft's notes, written byte for byte as ExcelJS writes plain-text notes (its comments part and
 * VML shapes), from one template per note instead of its per-note model and XML stream: a merge
 * of a thousand units has thousands of notes, and ExcelJS spent more on them than on the cells.
 * ExcelJS writes one note of each sheet, so that the parts, their relationships, content types
 * and the sheet's legacy drawing are its own; the two parts are then filled in here.
 */

interface DraftNote {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** The notes of a sheet in the order ExcelJS lists them: row by row, left to right. */
function notesOf(sheet: SheetDraft): DraftNote[] {
  const notes: DraftNote[] = [];
  sheet.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell?.note !== undefined) notes.push({ row: r + 1, col: c + 1, text: cell.note });
    }),
  );
  return notes;
}

/** ExcelJS's text escape: the five entities, and the control characters XML cannot hold dropped. */
const escaped = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g;
const entities: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

function excelJsText(text: string): string {
  return text.replace(escaped, (c) => entities[c] ?? '');
}

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function commentsXml(notes: readonly DraftNote[]): string {
  const comments = notes.map(({ row, col, text }) => {
    const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
    const ref = `${columnLetter(col)}${row}`;
    return `<comment ref="${ref}" authorId="0"><text><r><t${space}>${excelJsText(text)}</t></r></text></comment>`;
  });
  return (
    `${xmlHead}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<authors><author>Author</author></authors><commentList>${comments.join('')}</commentList></comments>`
  );
}

const shapeHead =
  ' type="#_x0000_t202" style="position:absolute; margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;' +
  'height:59.1pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" ' +
  'o:insetmode="auto"><v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/>' +
  '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm">' +
  '<div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>';

function vmlXml(notes: readonly DraftNote[]): string {
  const shapes = notes.map(({ row, col }, index) => {
    // ExcelJS's default anchor: two columns right of the cell, from two rows above it.
    const top = Math.max(row - 2, 0);
    const anchor = [col, 6, top, 14, col + 2, 2, top + 4, 16].join(', ');
    return (
      `<v:shape id="_x0000_s${1025 + index}"${shapeHead}<x:Anchor>${anchor}</x:Anchor><x:Locked>True</x:Locked>` +
      `<x:AutoFill>False</x:AutoFill><x:LockText>True</x:LockText><x:Row>${row - 1}</x:Row>` +
      `<x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
    );
  });
  return (
    `${xmlHead}<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ` +
    `xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/>` +
    `</o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" ` +
    `path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" ` +
    `o:connecttype="rect"/></v:shapetype>${shapes.join('')}</xml>`
  );
}

/** Fills in the comments and VML parts of each sheet with notes, ExcelJS having written its first. */
export async function writeDraftNotes(parts: PackageParts, draft: WorkbookDraft): Promise<void> {
  const sheets = new Map(draft.sheets.map((s) => [s.name, s]));
  for (const entry of (await workbookParts(parts)).sheets) {
    const sheet = sheets.get(entry.name);
    const notes = sheet === undefined ? [] : notesOf(sheet);
    if (notes.length < 2) continue;
    const rels = await relationships(parts, entry.part);
    const comments = rels.find((r) => r.type === relationType.comments)?.part;
    const vml = rels.find((r) => r.type === relationType.vmlDrawing)?.part;
    if (comments === undefined || vml === undefined) throw new Error(`${entry.name}: ExcelJS wrote no note part`);
    await parts.set(comments, commentsXml(notes));
    await parts.set(vml, vmlXml(notes));
  }
}
