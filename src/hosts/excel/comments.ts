/// <reference types="office-js" />
import { hasSoatBlock, soatBlock } from '../../core/report/annotation';
import type { ExcelFeatures } from './api';
import { splitSheetAddress } from './addresses';
import type { PayloadBudget, ReadBatch } from './batch';
import { callOverheadBytes } from './batch';

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

/** Notes or threads a page of the first read holds, for a response budget (a note is ~2 KB at most). */
export function commentPageSize(budget: PayloadBudget): number {
  return Math.max(50, Math.floor(budget.response / 2000));
}

/**
 * Reading takes two syncs for an ordinary workbook: the first loads a page of the workbook's notes
 * or comments (call before it); `locate` loads further pages while they come full (a sync each),
 * then queues where each one sits against `batch`; `collect` reads them once it is synced.
 */
export function queueCommentRead(
  context: Excel.RequestContext,
  store: CommentStore,
  budget: PayloadBudget,
): { locate(batch: ReadBatch): Promise<{ collect(): CommentMarks }> } {
  const top = commentPageSize(budget);
  const page = (skip: number): { items: (Excel.Note | Excel.Comment)[] } | undefined => {
    if (store === 'notes') return context.workbook.notes.load({ select: 'items/content', top, skip });
    if (store !== 'threads') return undefined;
    const select = 'items/id,items/content,items/replies/items/id,items/replies/items/content';
    return context.workbook.comments.load({ select, top, skip });
  };
  // One collection proxy: each load replaces its items, so each page is taken as it arrives.
  const collection = page(0);
  return {
    async locate(batch) {
      const items = [...(collection?.items ?? [])];
      for (let last = items.length; collection !== undefined && last === top;) {
        page(items.length);
        await context.sync();
        items.push(...collection.items);
        last = collection.items.length;
      }
      const located: Located[] = [];
      for (const item of items) {
        await batch.spend(callOverheadBytes, 200);
        located.push({ location: item.getLocation().load('address'), comment: cellComment(store, item) });
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

/** A loaded note, or a thread with Soát's own part told apart from a human's. */
function cellComment(store: CommentStore, item: Excel.Note | Excel.Comment): CellComment {
  if (store === 'notes') return { text: item.content };
  const thread = item as Excel.Comment;
  const own = hasSoatBlock(thread.content);
  const replies = own ? [] : thread.replies.items.filter((reply) => hasSoatBlock(reply.content));
  const text = [thread.content, ...replies.map((reply) => reply.content)].join('\n\n');
  return { text, thread: { id: thread.id, own, soatReplies: replies.map((reply) => reply.id) } };
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
    // A Range, not "Sheet!A1": a sheet named like a cell (PL2) would need quoting by Excel's rules.
    if (block !== undefined) comments.add(worksheet.getRange(cell), block);
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
