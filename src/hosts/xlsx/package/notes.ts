import type { ResolvedNote } from '../../../core/annotate';
import { humanPart, mergeNote, soatBlock, soatEndMarker, soatMarker } from '../../../core/report/annotation';
import { soatAuthor } from '../note-authors';
import { newNoteText, noteTextOf, rewriteNoteText } from './note-text';
import type { PackageParts } from './parts';
import {
  addDefault,
  addOverride,
  addRelationship,
  relationType,
  relationships,
  removePart,
  removeRelationship,
} from './relationships';
import { attribute, escapeXml } from './xml-text';
import { addNoteShapes, emptyVml, hasShapes, highestShapeId, removeNoteShapes } from './vml-shapes';
import { withWorksheetChild } from '../worksheet-order';

/**
 * A sheet's notes changed in its comments part and its legacy drawing: only Soát's block of a
 * note changes; a note Soát adds gets a comment and a shape; a note left empty loses both. Every
 * other note, its runs, authors and threads, stays as the input holds it.
 */

const commentsType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const vmlType = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const emptyComments = `${xmlHead}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>`;

const commentPattern = /<comment\b[^>]*?(?:\/>|>[\s\S]*?<\/comment>)/g;

/** Soát's own words in a resolved note; undefined when the note carries no Soát block. */
function soatWords(note: string | null): string | undefined {
  const block = soatBlock(note ?? undefined);
  if (block === undefined) return undefined;
  const start = block.startsWith(`${soatMarker}\n`) ? soatMarker.length + 1 : soatMarker.length;
  const end = block.endsWith(`\n${soatEndMarker}`) ? block.length - soatEndMarker.length - 1 : block.length;
  return block.slice(start, end);
}

const cellKey = (ref: string): string => ref.replace(/\$/g, '').toUpperCase();

/** The author list with Soát in it, and Soát's index there. */
function withSoatAuthor(xml: string): { xml: string; id: number } {
  const authors = /<authors>([\s\S]*?)<\/authors>|<authors\/>/.exec(xml);
  const names = [...(authors?.[1] ?? '').matchAll(/<author>([\s\S]*?)<\/author>|<author\/>/g)].map((m) => m[1] ?? '');
  const found = names.indexOf(soatAuthor);
  if (found >= 0) return { xml, id: found };
  const list = `<authors>${authors?.[1] ?? ''}<author>${escapeXml(soatAuthor)}</author></authors>`;
  return {
    xml: authors === null ? xml.replace(/<commentList/, `${list}<commentList`) : xml.replace(authors[0], list),
    id: names.length,
  };
}

function insertLegacyDrawing(sheet: string, id: string): string {
  return withWorksheetChild(sheet, 'legacyDrawing', `<legacyDrawing r:id="${id}"/>`);
}

function withRelationshipsNamespace(sheet: string): string {
  return sheet.replace(/<worksheet\b[^>]*>/, (open) =>
    /\sxmlns:r=/.test(open)
      ? open
      : open.replace(/>$/, ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'),
  );
}

/** A note a reviewer changes outside Soát's block: the whole text it should say, undefined for none. */
export interface HumanNote {
  readonly cell: string;
  readonly text: string | undefined;
}

/** What a cell's note becomes from what it is (undefined: no note). */
type NoteEdit = (old: string | undefined) => string | undefined;

/** Applies Soát's note changes to a sheet's comments and drawing parts: only Soát's block changes. */
export function patchNotes(
  parts: PackageParts,
  sheetPart: string,
  sheetXml: string,
  notes: readonly ResolvedNote[],
): Promise<string> {
  return patchNoteTexts(
    parts,
    sheetPart,
    sheetXml,
    notes.map((note) => {
      const words = soatWords(note.text);
      return { cell: note.cell, edit: (old: string | undefined) => mergeNote(old, words) };
    }),
  );
}

/**
 * Sets the text of reviewers' notes (a confirmation line added or removed): the runs whose words
 * stay are kept as they are, the changed words become a run of their own.
 */
export function patchHumanNotes(
  parts: PackageParts,
  sheetPart: string,
  sheetXml: string,
  notes: readonly HumanNote[],
): Promise<string> {
  return patchNoteTexts(
    parts,
    sheetPart,
    sheetXml,
    notes.map((note) => ({ cell: note.cell, edit: () => note.text })),
  );
}

/** Applies note edits to a sheet's comments and drawing parts; returns the sheet's XML. */
async function patchNoteTexts(
  parts: PackageParts,
  sheetPart: string,
  sheetXml: string,
  notes: readonly { readonly cell: string; readonly edit: NoteEdit }[],
): Promise<string> {
  if (notes.length === 0) return sheetXml;
  let sheet = sheetXml;
  const rels = await relationships(parts, sheetPart);
  const commentsRel = rels.find((r) => r.type === relationType.comments);
  const legacyId = /<legacyDrawing\b[^>]*>/.exec(sheet)?.[0];
  const vmlRel =
    legacyId === undefined
      ? undefined
      : rels.find((r) => r.type === relationType.vmlDrawing && r.id === attribute(legacyId, 'r:id'));

  let comments = (commentsRel === undefined ? undefined : await parts.text(commentsRel.part)) ?? emptyComments;
  let vml = (vmlRel === undefined ? undefined : await parts.text(vmlRel.part)) ?? '';
  const existing = new Map<string, string>();
  for (const [comment] of comments.matchAll(commentPattern)) {
    const ref = attribute(comment.slice(0, comment.indexOf('>') + 1), 'ref');
    if (ref !== undefined) existing.set(cellKey(ref), comment);
  }

  const replaced = new Map<string, string>();
  const added: string[] = [];
  const addedTexts = new Map<string, string>();
  const removed: string[] = [];
  for (const note of notes) {
    const cell = cellKey(note.cell);
    const comment = existing.get(cell);
    if (comment === undefined) {
      const text = note.edit(undefined);
      if (text !== undefined && !addedTexts.has(cell)) {
        added.push(cell);
        addedTexts.set(cell, text);
      }
      continue;
    }
    const text = /<text>([\s\S]*?)<\/text>/.exec(comment);
    const old = noteTextOf(text?.[1] ?? '');
    const next = note.edit(old);
    if (next === undefined) {
      replaced.set(comment, '');
      removed.push(cell);
    } else if (next !== old && text !== null) {
      replaced.set(
        comment,
        comment.replace(text[0], () => `<text>${rewriteNoteText(text[1]!, next)}</text>`),
      );
    }
  }
  if (replaced.size === 0 && added.length === 0) return sheet;

  comments = comments.replace(commentPattern, (comment) => replaced.get(comment) ?? comment);
  if (added.length > 0) {
    const signed = withSoatAuthor(comments);
    const list = added
      .map((cell) => {
        const text = addedTexts.get(cell)!;
        // A note of Soát's alone is signed Soát, so that a reviewer sees who wrote it.
        const author = humanPart(text) === '' ? signed.id : 0;
        return `<comment ref="${cell}" authorId="${author}"><text>${newNoteText(text)}</text></comment>`;
      })
      .join('');
    comments = signed.xml.replace(/<commentList\/>|<\/commentList>/, (end) =>
      end === '<commentList/>' ? `<commentList>${list}</commentList>` : `${list}</commentList>`,
    );
  }

  const remaining = [...comments.matchAll(commentPattern)].length;
  if (remaining === 0) {
    if (commentsRel !== undefined) {
      await removePart(parts, commentsRel.part);
      await removeRelationship(parts, sheetPart, commentsRel.id);
    }
  } else if (commentsRel !== undefined) {
    await parts.set(commentsRel.part, comments);
  } else {
    const name = parts.freeName('xl/comments', '.xml');
    await parts.set(name, comments);
    await addOverride(parts, name, commentsType);
    await addRelationship(parts, sheetPart, relationType.comments, name);
  }

  vml = removeNoteShapes(vml, removed);
  if (added.length > 0) {
    const firstId = (await highestPackageShapeId(parts)) + 1;
    vml = addNoteShapes(
      vml === '' ? emptyVml.replace('data="1"', `data="${Math.floor(firstId / 1024)}"`) : vml,
      added,
      firstId,
    );
  }
  if (vmlRel !== undefined && !hasShapes(vml)) {
    await removePart(parts, vmlRel.part);
    await removeRelationship(parts, sheetPart, vmlRel.id);
    sheet = sheet.replace(/<legacyDrawing\b[^>]*\/>/, '');
  } else if (vmlRel !== undefined) {
    await parts.set(vmlRel.part, vml);
  } else if (hasShapes(vml)) {
    const name = parts.freeName('xl/drawings/vmlDrawing', '.vml');
    await parts.set(name, vml);
    await addDefault(parts, 'vml', vmlType);
    const id = await addRelationship(parts, sheetPart, relationType.vmlDrawing, name);
    sheet = insertLegacyDrawing(withRelationshipsNamespace(sheet), id);
  }
  return sheet;
}

/** Shape numbers are the package's: a new note's shape takes one no drawing uses. */
async function highestPackageShapeId(parts: PackageParts): Promise<number> {
  let highest = 1024;
  for (const name of parts.names().filter((n) => n.endsWith('.vml'))) {
    highest = Math.max(highest, highestShapeId((await parts.text(name)) ?? ''));
  }
  return highest;
}
