/// <reference types="office-js" />

/**
 * How a ribbon command that failed tells the user. A function command has no UI of its own, but
 * its function file may open an Office dialog (DialogApi 1.1): the message is shown there. Where
 * no dialog can open (DialogApi missing, a pop-up refused in Excel on the web, another dialog
 * open), the message waits in local storage, and the task pane shows it when next opened.
 */

/** Runtime values of Office.AsyncResultStatus.Failed and the dialog event types: strings in office.js. */
const failed = 'failed';
const messageReceived = 'dialogMessageReceived' as unknown as Office.EventType;
const eventReceived = 'dialogEventReceived' as unknown as Office.EventType;

/** What the dialog page sends to close itself (Office.context.ui.messageParent). */
export const closeMessage = 'close';

export const failureStorageKey = 'soat.commandFailure';

/** A stored message older than this is stale: the pane no longer shows it. */
const storedForMs = 60 * 60 * 1000;

export type NoticeStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface NoticeEnv {
  readonly ui: Pick<Office.UI, 'displayDialogAsync'>;
  /** Office.context.requirements.isSetSupported('DialogApi', '1.1'). */
  readonly dialogSupported: boolean;
  readonly storage?: NoticeStorage;
  /** Absolute URL of dialog.html, on the add-in's own origin as Office requires. */
  readonly dialogUrl: string;
  readonly now?: () => Date;
}

/** The dialog's address: the message and the language travel in the query string. */
export function noticeUrl(dialogUrl: string, text: string, lang: string): string {
  const url = new URL(dialogUrl);
  url.searchParams.set('lang', lang);
  url.searchParams.set('m', text);
  return url.toString();
}

/**
 * Shows `text` in a dialog and resolves once the user closed it ('dialog'), or stores it for the
 * pane when no dialog could open ('stored'; 'lost' without storage either).
 */
export function showNotice(env: NoticeEnv, text: string, lang: string): Promise<'dialog' | 'stored' | 'lost'> {
  const store = (): 'stored' | 'lost' => {
    if (env.storage === undefined) return 'lost';
    const at = (env.now?.() ?? new Date()).toISOString();
    env.storage.setItem(failureStorageKey, JSON.stringify({ text, at }));
    return 'stored';
  };
  if (!env.dialogSupported) return Promise.resolve(store());
  return new Promise((resolve) => {
    // In an iframe on the web: no pop-up for the browser to block; ignored by desktop Excel.
    env.ui.displayDialogAsync(
      noticeUrl(env.dialogUrl, text, lang),
      { height: 30, width: 35, displayInIframe: true },
      (result) => {
        if (String(result.status) === failed) {
          resolve(store());
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(messageReceived, (arg) => {
          if ('message' in arg && arg.message !== closeMessage) return;
          dialog.close();
          resolve('dialog');
        });
        // Closed with its own X (12006) or unloaded: nothing left to wait for.
        dialog.addEventHandler(eventReceived, () => resolve('dialog'));
      },
    );
  });
}

/** The message a command left for the pane, once: reading it removes it. */
export function takeStoredNotice(storage: NoticeStorage | undefined, now = new Date()): string | undefined {
  const raw = storage?.getItem(failureStorageKey);
  if (raw === null || raw === undefined) return undefined;
  storage?.removeItem(failureStorageKey);
  try {
    const { text, at } = JSON.parse(raw) as { text?: unknown; at?: unknown };
    if (typeof text !== 'string' || typeof at !== 'string') return undefined;
    return now.getTime() - Date.parse(at) <= storedForMs ? text : undefined;
  } catch {
    return undefined;
  }
}

/** A later command that worked makes an older failure's message stale. */
export function forgetNotice(storage: NoticeStorage | undefined): void {
  storage?.removeItem(failureStorageKey);
}
