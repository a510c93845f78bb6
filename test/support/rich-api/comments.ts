import type { CommentModel, WorkbookModel } from '../fake-excel/model';
import { boundsAddress, parseRange, parseSheetAddress } from '../fake-excel/range';
import type { Node } from './nodes';
import { RichApiError } from './nodes';

/**
 * Threaded comments (ExcelApi 1.10) and merged areas (1.13) as the wire addresses them. Comments
 * and replies answer with their `Id`, so the library names them again by id. (Notes, ExcelApi
 * 1.18, are not here: the npm package's Excel library predates them.)
 */

type CommentNode = Extract<Node, { kind: 'comment' }>;

function commentById(book: WorkbookModel, id: unknown): CommentNode {
  const comment = book.comments.find((c) => c.id === id);
  if (comment === undefined) throw new RichApiError('ItemNotFound', `No comment ${String(id)}.`, 404);
  return { kind: 'comment', comment };
}

/** The cell a comment is added to: a Range (sent as an object path) or an address string. */
function sheetAndCell(book: WorkbookModel, target: unknown): { sheet: string; cell: string } {
  const node = target as Node | null;
  if (typeof target !== 'string' && node?.kind === 'range') {
    const { sheet, bounds } = node.range;
    return { sheet: sheet.name, cell: boundsAddress({ ...bounds, bottom: bounds.top, right: bounds.left }) };
  }
  const { sheet, range } = parseSheetAddress(String(target));
  if (book.sheet(sheet) === undefined) throw new RichApiError('ItemNotFound', `No sheet ${sheet}.`, 404);
  const bounds = parseRange(range);
  return { sheet, cell: boundsAddress({ ...bounds, bottom: bounds.top, right: bounds.left }) };
}

export function commentsProperty(parent: Node, name: string): Node | undefined {
  if (parent.kind === 'workbook' && name === 'Comments') return { kind: 'comments' };
  if (parent.kind === 'comment' && name === 'Replies') return { kind: 'replies', comment: parent.comment };
  return undefined;
}

export function commentsNavigate(
  book: WorkbookModel,
  parent: Node,
  name: string,
  args: readonly unknown[],
): Node | null | undefined {
  if (parent.kind === 'comments') {
    if (name === '' || name === 'GetItem') return commentById(book, args[0]);
    if (name === 'Add') {
      const { sheet, cell } = sheetAndCell(book, args[0]);
      if (book.comments.some((c) => c.sheet === sheet && c.cell === cell))
        throw new RichApiError('InvalidArgument', `${cell} has a comment.`);
      const comment: CommentModel = {
        id: book.newId(),
        sheet,
        cell,
        content: String(args[1]),
        authorName: 'Soát user',
        replies: [],
      };
      book.comments.push(comment);
      return { kind: 'comment', comment };
    }
  }
  if (parent.kind === 'replies') {
    if (name === '' || name === 'GetItem') {
      const reply = parent.comment.replies.find((r) => r.id === args[0]);
      if (reply === undefined) throw new RichApiError('ItemNotFound', `No reply ${String(args[0])}.`, 404);
      return { kind: 'reply', comment: parent.comment, reply };
    }
    if (name === 'Add') {
      const reply = { id: book.newId(), content: String(args[0]), authorName: 'Soát user' };
      parent.comment.replies.push(reply);
      return { kind: 'reply', comment: parent.comment, reply };
    }
  }
  if (parent.kind === 'comment' && name === 'GetLocation') {
    const sheet = book.sheet(parent.comment.sheet);
    if (sheet === undefined) throw new RichApiError('ItemNotFound', "The comment's sheet is gone.", 404);
    return { kind: 'range', range: { sheet, bounds: parseRange(parent.comment.cell) } };
  }
  if (parent.kind === 'range' && name === 'GetMergedAreasOrNullObject') {
    const b = parent.range.bounds;
    const areas = parent.range.sheet.merges.filter(
      (a) => a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left,
    );
    return areas.length === 0 ? null : { kind: 'range', range: { sheet: parent.range.sheet, bounds: b, areas } };
  }
  return undefined;
}

/** Queries of comments and replies: "id", "content", and "replies/…" for a comment's replies. */
export function commentsQuery(book: WorkbookModel, node: Node, select: readonly string[]): unknown {
  if (node.kind === 'comments')
    return { _Items: book.comments.map((comment) => commentsQuery(book, { kind: 'comment', comment }, select)) };
  if (node.kind === 'replies')
    return {
      _Items: node.comment.replies.map((reply) =>
        commentsQuery(book, { kind: 'reply', comment: node.comment, reply }, select),
      ),
    };
  if (node.kind !== 'comment' && node.kind !== 'reply') return undefined;
  const item = node.kind === 'comment' ? node.comment : node.reply;
  const out: Record<string, unknown> = { Id: item.id };
  const nested: string[] = [];
  for (const path of select) {
    if (path.startsWith('replies/') && node.kind === 'comment')
      nested.push(path.slice('replies/'.length).replace(/^items\//, ''));
    else if (path === 'id' || path === 'content' || path === 'authorName')
      out[path.charAt(0).toUpperCase() + path.slice(1)] = item[path];
    else throw new RichApiError('PropertyNotFound', `${node.kind}.${path}`);
  }
  if (nested.length > 0 && node.kind === 'comment')
    out['Replies'] = commentsQuery(book, { kind: 'replies', comment: node.comment }, nested);
  return out;
}

export function commentsSet(node: Node, key: string, value: unknown): boolean {
  if (key !== 'Content' || (node.kind !== 'comment' && node.kind !== 'reply')) return false;
  (node.kind === 'comment' ? node.comment : node.reply).content = String(value);
  return true;
}

export function commentsInvoke(book: WorkbookModel, node: Node, name: string): boolean {
  if (name !== 'Delete') return false;
  if (node.kind === 'comment') book.comments.splice(book.comments.indexOf(node.comment), 1);
  else if (node.kind === 'reply') node.comment.replies.splice(node.comment.replies.indexOf(node.reply), 1);
  else return false;
  return true;
}
