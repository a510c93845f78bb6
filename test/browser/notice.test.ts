import { closeMessage, failureStorageKey, noticeUrl } from '../../src/commands/notice';
import { describeInBrowser, useBrowser } from './harness';

/** What a user sees when a ribbon command fails: the dialog it opens, or the pane opened later. */
describeInBrowser('a failed ribbon command, in Chromium', () => {
  const browser = useBrowser();

  test('the dialog shows the message as text and asks its opener to close it', async () => {
    const message = 'Kiểm tra không thực hiện được: <b>Trang tính</b> đang được bảo vệ & khóa';
    const url = new URL(noticeUrl('https://localhost:3000/dialog.html', message, 'vi'));
    const { page, errors } = await browser.open(`dialog.html${url.search}`);
    await page.getByTestId('close').waitFor();
    expect(await page.getByTestId('message').textContent()).toBe(message);
    expect(await page.locator('b').count()).toBe(0); // text, never markup
    expect(await page.getByTestId('close').textContent()).toBe('Đóng');
    await page.getByTestId('close').click();
    await page.waitForFunction(
      () => (window as unknown as { __parentMessages?: string[] }).__parentMessages?.length === 1,
    );
    expect(await page.evaluate(() => (window as unknown as { __parentMessages: string[] }).__parentMessages)).toEqual([
      closeMessage,
    ]);
    expect(errors).toEqual([]);
  }, 30_000);

  test('a message no dialog could show is shown by the pane when it opens, once', async () => {
    const text = 'Tính tỷ lệ không thực hiện được: Excel đang ở chế độ sửa ô.';
    const stored = { [failureStorageKey]: JSON.stringify({ text, at: new Date().toISOString() }) };
    const { page, errors } = await browser.open('taskpane.html', { sheets: [] }, stored);
    await page.getByTestId('notice').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('notice').textContent()).toContain(text);
    expect(await page.evaluate((key) => window.localStorage.getItem(key), failureStorageKey)).toBeNull();
    expect(errors).toEqual([]);
  }, 30_000);
});
