import { failureStorageKey, showNotice, takeStoredNotice } from '../../src/commands/notice';
import type { CommandEnv, CommandName } from '../../src/commands/run';
import { commandHandler, commandNames } from '../../src/commands/run';
import type { Lang } from '../../src/core/report/finding';
import { ExcelPaneActions } from '../../src/hosts/excel/actions';
import { FakeExcel, WorkbookModel } from '../support/fake-excel';
import { phuLuc3WithRows } from '../hosts/excel/big';
import { pl2Header, pl2Row } from '../support/grids';
import { FakeOfficeUi, MemoryStorage } from './fake-office-ui';

/** The ribbon's function commands over the fake Excel: what the user sees when one fails. */

interface Trace {
  readonly steps: string[];
  readonly env: CommandEnv;
}

function trace(excel: FakeExcel, lang: Lang, notify?: CommandEnv['notify']): Trace {
  const steps: string[] = [];
  const env: CommandEnv = {
    actions: () => new ExcelPaneActions(excel.api()),
    lang: () => lang,
    notify:
      notify ??
      (async (text) => {
        steps.push(`notify ${text}`);
        await Promise.resolve();
        steps.push('seen');
      }),
    succeeded: () => steps.push('succeeded'),
    log: (message) => steps.push(`log ${message}`),
  };
  return { steps, env };
}

async function run(name: CommandName, { steps, env }: Trace): Promise<void> {
  await commandHandler(name, env)({ completed: () => steps.push('completed') });
}

async function protectedBook(): Promise<FakeExcel> {
  const excel = new FakeExcel(WorkbookModel.fromSnapshot(await phuLuc3WithRows(10)));
  excel.book.sheet('Phụ lục 3')!.protected = true;
  return excel;
}

test("the manifest's three function commands", () => {
  expect(commandNames).toEqual(['soatValidate', 'soatCompute', 'soatClear']);
});

test('Validate that works paints the workbook, tells no one, completes the event', async () => {
  const excel = new FakeExcel(WorkbookModel.fromSnapshot(await phuLuc3WithRows(10)));
  const t = trace(excel, 'vi');
  await run('soatValidate', t);
  expect(Object.keys(excel.fills('Phụ lục 3')).length).toBeGreaterThan(0);
  expect(t.steps).toEqual(['succeeded', 'completed']);
});

test("a failure is shown in the reader's language, and the event completes only after it was seen", async () => {
  const t = trace(await protectedBook(), 'vi');
  await run('soatValidate', t);
  expect(t.steps).toEqual([
    'log Soát soatValidate:',
    'notify Kiểm tra không thực hiện được: Trang tính đang được bảo vệ; hãy bỏ bảo vệ (Review › Unprotect Sheet) rồi thử lại. (Phụ lục 3)',
    'seen',
    'completed',
  ]);
  // Compute over a protected Phụ lục 2 whose G2 is blank: there is a formula to write, and it is refused.
  const pl2 = new FakeExcel(
    WorkbookModel.fromSnapshot({
      sheets: [{ name: 'Phụ lục 2', values: [pl2Header, pl2Row(1, 'Sở Tư pháp', { G: null })] }],
    }),
  );
  pl2.book.sheet('Phụ lục 2')!.protected = true;
  const en = trace(pl2, 'en');
  await run('soatCompute', en);
  expect(en.steps.find((s) => s.startsWith('notify'))).toBe(
    'notify Compute percentages did not run: The sheet is protected; unprotect it (Review › Unprotect Sheet) and try again. (Phụ lục 2)',
  );
});

test("an error that is not Excel's is shown with its own message; a notice that fails still completes", async () => {
  const t = trace(await protectedBook(), 'en', () => Promise.reject(new Error('no dialog')));
  t.env.actions = () => ({
    validate: () => Promise.reject(new Error('boom')),
    compute: () => Promise.reject(new Error('boom')),
    clear: () => Promise.reject(new TypeError('x is undefined')),
  });
  await run('soatClear', t);
  expect(t.steps).toEqual(['log Soát soatClear:', 'log Soát notice:', 'completed']);
  const shown: string[] = [];
  t.env.notify = async (text) => void shown.push(text);
  await run('soatClear', t);
  expect(shown).toEqual(['Clear did not run: x is undefined']);
});

describe('the notice: an Office dialog, else a message the pane shows', () => {
  const dialogUrl = 'https://localhost:3000/dialog.html';

  test('the dialog gets the message in its URL and closes when its button asks', async () => {
    const ui = new FakeOfficeUi();
    const shown = showNotice({ ui, dialogSupported: true, dialogUrl }, 'Lỗi: A & B #1', 'vi');
    const dialog = ui.opened[0]!;
    const url = new URL(dialog.url);
    expect([url.origin + url.pathname, url.searchParams.get('m'), url.searchParams.get('lang')]).toEqual([
      dialogUrl,
      'Lỗi: A & B #1',
      'vi',
    ]);
    dialog.send('something else');
    expect(dialog.closed).toBe(false);
    dialog.send('close');
    expect(await shown).toBe('dialog');
    expect(dialog.closed).toBe(true);
  });

  test('closing the dialog with its own X ends the wait too', async () => {
    const ui = new FakeOfficeUi();
    const storage = new MemoryStorage();
    const shown = showNotice({ ui, dialogSupported: true, dialogUrl, storage }, 'x', 'en');
    ui.opened[0]!.closeByUser();
    expect(await shown).toBe('dialog');
    expect(storage.getItem(failureStorageKey)).toBeNull();
  });

  test('no dialog (another one open, a pop-up refused): the pane shows the message once, when next opened', async () => {
    const storage = new MemoryStorage();
    const ui = new FakeOfficeUi(12007);
    const now = new Date(Date.UTC(2024, 9, 1, 8));
    expect(
      await showNotice(
        { ui, dialogSupported: true, dialogUrl, storage, now: () => now },
        'Kiểm tra không thực hiện được: …',
        'vi',
      ),
    ).toBe('stored');
    expect(takeStoredNotice(storage, new Date(now.getTime() + 60_000))).toBe('Kiểm tra không thực hiện được: …');
    expect(takeStoredNotice(storage, new Date(now.getTime() + 60_000))).toBeUndefined();
  });

  test('without DialogApi nothing is opened; an hour later the message is stale', async () => {
    const storage = new MemoryStorage();
    const ui = new FakeOfficeUi();
    const now = new Date(Date.UTC(2024, 9, 1, 8));
    expect(await showNotice({ ui, dialogSupported: false, dialogUrl, storage, now: () => now }, 'x', 'vi')).toBe(
      'stored',
    );
    expect(ui.opened).toEqual([]);
    expect(takeStoredNotice(storage, new Date(now.getTime() + 2 * 3600_000))).toBeUndefined();
    expect(storage.getItem(failureStorageKey)).toBeNull();
    expect(await showNotice({ ui, dialogSupported: false, dialogUrl }, 'x', 'vi')).toBe('lost');
  });

  test('a command over a protected sheet, with dialogs blocked, leaves its message for the pane; the next success forgets it', async () => {
    const storage = new MemoryStorage();
    const excel = await protectedBook();
    const t = trace(excel, 'vi', (text, lang) =>
      showNotice({ ui: new FakeOfficeUi(12009), dialogSupported: true, dialogUrl, storage }, text, lang),
    );
    await run('soatValidate', t);
    expect(JSON.parse(storage.getItem(failureStorageKey)!)).toMatchObject({
      text: expect.stringMatching(/^Kiểm tra không thực hiện được: Trang tính đang được bảo vệ/),
    });
    t.env.succeeded = () => storage.removeItem(failureStorageKey);
    excel.book.sheet('Phụ lục 3')!.protected = false;
    await run('soatValidate', t);
    expect(takeStoredNotice(storage)).toBeUndefined();
  });
});
