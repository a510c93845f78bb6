/// <reference types="office-js" />
import { confirmationsInNote, covers, withConfirmation, withoutConfirmation } from '../../core/confirm';
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

export function commentStore(features: Pick<ExcelFeatures, 'notes' | 'threadedComments'>): CommentStore {
  if (features.notes) return 'notes';
  return features.threadedComments ? 'threads' : 'none';
}

/** A cell's note or thread as the core sees it (`text`), and what is needed to change it. */
export interface CellComment {
  readonly text: string;
  /**
   * Threads only: the comment's id and content, whether it is Soát's own, Soát's replies in it, and
   * the replies holding a reviewer's confirmation (read with the note, they count as the human's).
   */
  readonly thread?: {
    readonly id: string;
    readonly content: string;
    readonly own: boolean;
    readonly soatReplies: readonly string[];
    readonly confirmationReplies: readonly { readonly id: string; readonly content: string }[];
  };
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
  const confirmations = thread.replies.items.filter(
    (reply) => !hasSoatBlock(reply.content) && confirmationsInNote(reply.content).length > 0,
  );
  // Confirmations first: the human's part of the text ends where Soát's block begins.
  const text = [thread.content, ...confirmations.map((r) => r.content), ...replies.map((r) => r.content)].join('\n\n');
  return {
    text,
    thread: {
      id: thread.id,
      content: thread.content,
      own,
      soatReplies: replies.map((reply) => reply.id),
      confirmationReplies: confirmations.map((reply) => ({ id: reply.id, content: reply.content })),
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
    const [kept, ...others] = thread.confirmationReplies;
    if (block !== undefined) comments.getItem(thread.id).content = block;
    else if (kept === undefined) comments.getItem(thread.id).delete();
    else {
      // A reviewer's confirmation replied in Soát's thread outlives Soát's words: it becomes the thread.
      comments.getItem(thread.id).content = [kept, ...others].map((r) => r.content).join('\n');
      for (const reply of [kept, ...others]) comments.getItem(thread.id).replies.getItem(reply.id).delete();
    }
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

/**
 * Queues a reviewer's confirmation of `rule` on one cell. A note takes the line among its text; a
 * thread, whose words belong to its author, takes it as a reply (a new thread when there is none),
 * and an earlier reply confirming that rule alone is replaced.
 */
export function queueConfirmationWrite(
  context: Excel.RequestContext,
  store: CommentStore,
  worksheet: Excel.Worksheet,
  cell: string,
  existing: CellComment | undefined,
  line: string,
  rule: string,
): void {
  if (store === 'notes') {
    queueCommentWrite(context, store, worksheet, cell, withConfirmation(existing?.text, line, rule), existing);
    return;
  }
  if (store !== 'threads') return;
  const thread = existing?.thread;
  if (thread === undefined) {
    context.workbook.comments.add(worksheet.getRange(cell), line);
    return;
  }
  const replies = context.workbook.comments.getItem(thread.id).replies;
  for (const reply of thread.confirmationReplies) {
    const only = confirmationsInNote(reply.content).every((c) => c.rules.length === 1 && c.rules[0] === rule);
    if (only) replies.getItem(reply.id).delete();
  }
  replies.add(line);
}

/**
 * Queues the removal of the confirmations of `rule` on one cell: from a note's text, or the
 * replies (and a thread holding nothing else) that carry them; a human's own words stay.
 */
export function queueConfirmationRemoval(
  context: Excel.RequestContext,
  store: CommentStore,
  worksheet: Excel.Worksheet,
  cell: string,
  existing: CellComment | undefined,
  rule: string,
): void {
  if (existing === undefined) return;
  if (store === 'notes') {
    const next = withoutConfirmation(existing.text, rule) ?? null;
    if (next !== existing.text) queueCommentWrite(context, store, worksheet, cell, next, existing);
    return;
  }
  const thread = existing.thread;
  if (store !== 'threads' || thread === undefined) return;
  const comments = context.workbook.comments;
  if (!thread.own && confirmationsInNote(thread.content).some((c) => covers(c, rule))) {
    const rest = withoutConfirmation(thread.content, rule);
    // A thread that held only the confirmation was the reviewer's line: it goes, replies with it.
    if (rest === undefined) {
      comments.getItem(thread.id).delete();
      return;
    }
  }
  for (const reply of thread.confirmationReplies) {
    const rest = withoutConfirmation(reply.content, rule);
    if (rest === reply.content) continue;
    if (rest === undefined) comments.getItem(thread.id).replies.getItem(reply.id).delete();
    else comments.getItem(thread.id).replies.getItem(reply.id).content = rest;
  }
}
