/// <reference types="office-js" />

/**
 * Office.context.ui as a function file sees it: displayDialogAsync answers through its callback
 * with an AsyncResult ("succeeded" with the dialog, or "failed" with Office's error code), and
 * the dialog reports messages and its closing through the two dialog event types.
 */
export class FakeDialog {
  closed = false;
  private readonly handlers = new Map<
    string,
    ((arg: { message: string; origin: string | undefined } | { error: number }) => void)[]
  >();

  constructor(readonly url: string) {}

  addEventHandler(
    type: Office.EventType,
    handler: (arg: { message: string; origin: string | undefined } | { error: number }) => void,
  ): void {
    const key = String(type);
    if (key !== 'dialogMessageReceived' && key !== 'dialogEventReceived') throw new Error(`not a dialog event: ${key}`);
    this.handlers.set(key, [...(this.handlers.get(key) ?? []), handler]);
  }

  close(): void {
    this.closed = true;
  }

  /** The dialog page called Office.context.ui.messageParent(message). */
  send(message: string): void {
    for (const handler of this.handlers.get('dialogMessageReceived') ?? [])
      handler({ message, origin: 'https://localhost:3000' });
  }

  /** The user closed the dialog with its X: Office reports 12006. */
  closeByUser(): void {
    this.closed = true;
    for (const handler of this.handlers.get('dialogEventReceived') ?? []) handler({ error: 12006 });
  }
}

export class FakeOfficeUi implements Pick<Office.UI, 'displayDialogAsync'> {
  readonly opened: FakeDialog[] = [];

  /** `failWith`: the error code every call fails with (12007 a dialog is open, 12009 refused). */
  constructor(private readonly failWith?: number) {}

  displayDialogAsync(
    url: string,
    options?: Office.DialogOptions | ((result: Office.AsyncResult<Office.Dialog>) => void),
    callback?: (result: Office.AsyncResult<Office.Dialog>) => void,
  ): void {
    const done = typeof options === 'function' ? options : callback;
    if (!/^https:\/\//.test(url)) throw new Error('Office requires an https dialog URL');
    if (this.failWith !== undefined) {
      done?.({
        status: 'failed',
        error: { code: this.failWith, message: 'refused', name: 'Error' },
        value: undefined,
      } as unknown as Office.AsyncResult<Office.Dialog>);
      return;
    }
    const dialog = new FakeDialog(url);
    this.opened.push(dialog);
    done?.({ status: 'succeeded', value: dialog } as unknown as Office.AsyncResult<Office.Dialog>);
  }
}

export class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}
