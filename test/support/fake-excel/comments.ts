import type { FakeContext } from './client';
import { FakeObject, FakeOfficeError } from './client';
import { FakeCollection } from './collection';
import type { CommentModel, NoteModel, ReplyModel, SheetModel, WorkbookModel } from './model';
import type { RangeModel } from './range';
import { boundsAddress, parseRange, parseSheetAddress } from './range';
import { FakeRange } from './objects';

/** Notes (ExcelApi 1.18) and threaded comments (1.10), with their collections. */

interface LocatedNote {
  readonly sheet: SheetModel;
  readonly cell: string;
  readonly note: NoteModel;
}

function locationOf(context: FakeContext, resolve: () => { sheet: SheetModel; cell: string } | null): FakeRange {
  context.enqueue('call', 'getLocation', () => undefined, false);
  return new FakeRange(context, (): RangeModel | null => {
    const at = resolve();
    return at === null ? null : { sheet: at.sheet, bounds: parseRange(at.cell) };
  });
}

export class FakeNote extends FakeObject<LocatedNote> {
  protected scalars(m: LocatedNote): Record<string, () => unknown> {
    return { content: () => m.note.content, authorName: () => m.note.authorName };
  }
  get content(): string {
    return this.get('content');
  }
  set content(content: string) {
    this.set('content', content, (m) => (m.note.content = content));
  }
  delete(): void {
    this.call('delete', [], (m) => m.sheet.notes.delete(m.cell));
  }
  getLocation(): FakeRange {
    return locationOf(this.context, () => this.resolve());
  }
}

/** Every note of the workbook, or of one sheet when `sheet` is given. */
export class FakeNoteCollection extends FakeCollection<LocatedNote, FakeNote> {
  constructor(
    context: FakeContext,
    book: WorkbookModel,
    private readonly sheet?: () => SheetModel | null,
  ) {
    super(
      context,
      () => {
        const sheets = sheet === undefined ? book.sheets : [sheet()].filter((s): s is SheetModel => s !== null);
        return sheets.flatMap((s) => [...s.notes].map(([cell, note]) => ({ sheet: s, cell, note })));
      },
      (resolve) => new FakeNote(context, resolve),
    );
  }
  private sheetModel(): SheetModel {
    const sheet = this.sheet?.();
    if (sheet === undefined || sheet === null) throw new FakeOfficeError('InvalidArgument', 'No sheet for this note');
    return sheet;
  }
  add(cellAddress: FakeRange | string, content: string): FakeNote {
    let located: LocatedNote | null = null;
    this.context.enqueue(
      'call',
      { addNote: content },
      () => {
        const target =
          typeof cellAddress === 'string'
            ? { sheet: this.sheetModel(), bounds: parseRange(cellAddress) }
            : cellAddress.resolve();
        if (target === null) throw new FakeOfficeError('InvalidArgument', 'No cell for the note');
        const cell = boundsAddress({ ...target.bounds, bottom: target.bounds.top, right: target.bounds.left });
        if (target.sheet.notes.has(cell))
          throw new FakeOfficeError('InvalidArgument', `Cell ${cell} already has a note`);
        const note = { content, authorName: 'Soát user' };
        target.sheet.notes.set(cell, note);
        located = { sheet: target.sheet, cell, note };
      },
      true,
    );
    return new FakeNote(this.context, () => located);
  }
  getItem(key: string): FakeNote {
    this.context.enqueue('call', { getItem: key }, () => undefined, false);
    return new FakeNote(this.context, () => {
      const sheet = this.sheetModel();
      const cell = key.toUpperCase().replace(/\$/g, '');
      const note = sheet.notes.get(cell);
      if (note === undefined) throw new FakeOfficeError('ItemNotFound', `No note in ${cell}`);
      return { sheet, cell, note };
    });
  }
}

export class FakeReply extends FakeObject<{ comment: CommentModel; reply: ReplyModel }> {
  protected scalars(m: { reply: ReplyModel }): Record<string, () => unknown> {
    return { id: () => m.reply.id, content: () => m.reply.content, authorName: () => m.reply.authorName };
  }
  get id(): string {
    return this.get('id');
  }
  get content(): string {
    return this.get('content');
  }
  set content(content: string) {
    this.set('content', content, (m) => (m.reply.content = content));
  }
  delete(): void {
    this.call('delete', [], (m) => m.comment.replies.splice(m.comment.replies.indexOf(m.reply), 1));
  }
}

export class FakeReplyCollection extends FakeCollection<{ comment: CommentModel; reply: ReplyModel }, FakeReply> {
  constructor(
    context: FakeContext,
    private readonly book: WorkbookModel,
    private readonly comment: () => CommentModel | null,
  ) {
    super(
      context,
      () => {
        const c = comment();
        return c === null ? [] : c.replies.map((reply) => ({ comment: c, reply }));
      },
      (resolve) => new FakeReply(context, resolve),
    );
  }
  add(content: string): void {
    this.context.enqueue(
      'call',
      { addReply: content },
      () => {
        const c = this.comment();
        if (c === null) throw new FakeOfficeError('ItemNotFound', 'No comment');
        c.replies.push({ id: this.book.newId(), content, authorName: 'Soát user' });
      },
      true,
    );
  }
  getItem(id: string): FakeReply {
    this.context.enqueue('call', { getReply: id }, () => undefined, false);
    return new FakeReply(this.context, () => {
      const c = this.comment();
      const reply = c?.replies.find((r) => r.id === id);
      if (c === null || reply === undefined) throw new FakeOfficeError('ItemNotFound', `No reply ${id}`);
      return { comment: c, reply };
    });
  }
}

export class FakeComment extends FakeObject<CommentModel> {
  readonly replies: FakeReplyCollection;
  constructor(
    context: FakeContext,
    resolve: () => CommentModel | null,
    private readonly book: WorkbookModel,
  ) {
    super(context, resolve);
    this.replies = new FakeReplyCollection(context, book, resolve);
  }
  protected scalars(m: CommentModel): Record<string, () => unknown> {
    return { id: () => m.id, content: () => m.content, authorName: () => m.authorName };
  }
  protected override child(name: string): FakeObject<unknown> | undefined {
    return name === 'replies' ? (this.replies as unknown as FakeObject<unknown>) : undefined;
  }
  get id(): string {
    return this.get('id');
  }
  get content(): string {
    return this.get('content');
  }
  set content(content: string) {
    this.set('content', content, (m) => (m.content = content));
  }
  delete(): void {
    this.call('delete', [], (m) => this.book.comments.splice(this.book.comments.indexOf(m), 1));
  }
  getLocation(): FakeRange {
    return locationOf(this.context, () => {
      const m = this.resolve();
      const sheet = m === null ? undefined : this.book.sheet(m.sheet);
      return m === null || sheet === undefined ? null : { sheet, cell: m.cell };
    });
  }
}

export class FakeCommentCollection extends FakeCollection<CommentModel, FakeComment> {
  constructor(
    context: FakeContext,
    private readonly book: WorkbookModel,
  ) {
    super(
      context,
      () => book.comments,
      (resolve) => new FakeComment(context, resolve, book),
    );
  }
  /** ExcelApi 1.10: the cell as a Range, or as an address string ("'Sheet'!A1"). */
  add(cellAddress: FakeRange | string, content: string): void {
    this.context.enqueue(
      'call',
      { addComment: [typeof cellAddress === 'string' ? cellAddress : 'range', content] },
      () => {
        const target = typeof cellAddress === 'string' ? this.addressed(cellAddress) : cellAddress.resolve();
        if (target === null) throw new FakeOfficeError('InvalidArgument', 'No cell for the comment');
        const cell = boundsAddress({ ...target.bounds, bottom: target.bounds.top, right: target.bounds.left });
        const sheet = target.sheet;
        if (this.book.comments.some((c) => c.sheet === sheet.name && c.cell === cell)) {
          throw new FakeOfficeError('InvalidArgument', `Cell ${cell} already has a comment thread`);
        }
        this.book.comments.push({
          id: this.book.newId(),
          sheet: sheet.name,
          cell,
          content,
          authorName: 'Soát user',
          replies: [],
        });
      },
      true,
    );
  }
  private addressed(text: string): RangeModel {
    const { sheet: name, range } = parseSheetAddress(text);
    const sheet = this.book.sheet(name);
    if (sheet === undefined) throw new FakeOfficeError('ItemNotFound', `No sheet ${name}`);
    return { sheet, bounds: parseRange(range) };
  }
  getItem(id: string): FakeComment {
    this.context.enqueue('call', { getComment: id }, () => undefined, false);
    return new FakeComment(
      this.context,
      () => {
        const comment = this.book.comments.find((c) => c.id === id);
        if (comment === undefined) throw new FakeOfficeError('ItemNotFound', `No comment ${id}`);
        return comment;
      },
      this.book,
    );
  }
}
