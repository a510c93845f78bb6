/// <reference types="office-js" />
import { hasSoatBlock, soatBlock } from '../../core/report/annotation';
import type { ExcelFeatures } from './api';
import { sheetPrefix, splitSheetAddress } from './addresses';

/**
 * Where Soát's cell notes live in Excel. Notes (ExcelApi 1.18) hold the core's model exactly: a
 * human's text and Soát's block in one note. Threaded comments (1.10) belong to their author, so
 * Soát never edits a human's thread: its block is a comment of its own or a reply in that thread.
 */
export type CommentStore = 'notes' | 'threads' | 'none';

export function commentStore(features: ExcelFeatures): CommentStore {
  if (features.notes) return 'notes';
  return features.threadedComments ? 'threads' : 'none';
}

/** A cell's note or thread as the core sees it (`text`), and what is needed to change it. */
export interface CellComment {
  readonly text: string;
  /** Threads only: the comment's id, whether it is Soát's own, and Soát's replies in it. */
  readonly thread?: { readonly id: string; readonly own: boolean; readonly soatReplies: readonly string[] };
}

/** Sheet → cell → comment. */
export type CommentMarks = Map<string, Map<string, CellComment>>;

interface Located {
  readonly location: Excel.Range;
  readonly comment: CellComment;
}

/**
 * Reading takes two syncs: the first loads every note or comment of the workbook (call before it),
 * `locate` then queues their cells (call before the second), and `collect` reads them after it.
 */
export function queueCommentRead(
  context: Excel.RequestContext,
  store: CommentStore,
): { locate(): { collect(): CommentMarks } } {
  const notes = store === 'notes' ? context.workbook.notes.load('items/content') : undefined;
  const threads =
    store === 'threads'
      ? context.workbook.comments.load('items/id,items/content,items/replies/items/id,items/replies/items/content')
      : undefined;
  return {
    locate() {
      const located: Located[] = [];
      for (const note of notes?.items ?? []) {
        located.push({ location: note.getLocation().load('address'), comment: { text: note.content } });
      }
      for (const thread of threads?.items ?? []) {
        const own = hasSoatBlock(thread.content);
        const replies = own ? [] : thread.replies.items.filter((reply) => hasSoatBlock(reply.content));
        const text = [thread.content, ...replies.map((reply) => reply.content)].join('\n\n');
        const comment = { text, thread: { id: thread.id, own, soatReplies: replies.map((reply) => reply.id) } };
        located.push({ location: thread.getLocation().load('address'), comment });
      }
      return {
        collect() {
          const marks: CommentMarks = new Map();
          for (const { location, comment } of located) {
            const { sheet, range } = splitSheetAddress(location.address);
            const cells = marks.get(sheet) ?? new Map<string, CellComment>();
            cells.set(range.split(':')[0]!, comment);
            marks.set(sheet, cells);
          }
          return marks;
        },
      };
    },
  };
}

/** Soát's block of a resolved note text; undefined when there is none. */
function soatBlockOf(text: string | null): string | undefined {
  return text === null ? undefined : soatBlock(text);
}

/** Queues the change of one cell's note or thread to `text` (null: Soát's part removed). */
export function queueCommentWrite(
  context: Excel.RequestContext,
  store: CommentStore,
  worksheet: Excel.Worksheet,
  sheet: string,
  cell: string,
  text: string | null,
  existing: CellComment | undefined,
): void {
  if (store === 'notes') {
    if (existing === undefined) {
      if (text !== null) worksheet.notes.add(worksheet.getRange(cell), text);
    } else if (text === null) worksheet.notes.getItem(cell).delete();
    else worksheet.notes.getItem(cell).content = text;
    return;
  }
  if (store !== 'threads') return;
  const comments = context.workbook.comments;
  const block = soatBlockOf(text);
  const thread = existing?.thread;
  if (thread === undefined) {
    if (block !== undefined) comments.add(`${sheetPrefix(sheet)}${cell}`, block);
  } else if (thread.own) {
    if (block === undefined) comments.getItem(thread.id).delete();
    else comments.getItem(thread.id).content = block;
  } else {
    // A human's thread: only Soát's reply changes, the human's words are never rewritten.
    const replies = comments.getItem(thread.id).replies;
    const [first, ...extra] = thread.soatReplies;
    for (const id of extra) replies.getItem(id).delete();
    if (block === undefined) {
      if (first !== undefined) replies.getItem(first).delete();
    } else if (first === undefined) replies.add(block);
    else replies.getItem(first).content = block;
  }
}
