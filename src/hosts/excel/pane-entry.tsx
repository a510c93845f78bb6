/// <reference types="office-js" />
import { createRoot } from 'react-dom/client';
import { App } from '../../taskpane/App';
import { ExcelPaneActions } from './actions';
import { officeApi } from './api';
import type { PaneFile } from '../../taskpane/actions';
import { takeStoredNotice } from '../../commands/notice';
import { paneTheme } from '../../taskpane/theme';

/** Reading .xlsx files is a chunk of its own, loaded the first time the user picks a file. */
const readUnitFile = async (file: PaneFile) => (await import('./unit-files')).readUnitFile(file);
const definitionTextOfFile = async (file: PaneFile) =>
  (await import('../xlsx/definition-file')).definitionTextOfFile(file);

/** Local storage, where a ribbon command leaves a failure it could not show; absent when refused. */
function paneStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The task pane's one door to Office: wait for Office, then hand the pane its actions. */
void Office.onReady((info) => {
  const container = document.getElementById('root');
  if (container === null) return;
  const root = createRoot(container);
  if (info.host !== Office.HostType.Excel) {
    container.textContent =
      'Soát chạy trong Excel: hãy mở trang này từ Excel. / Soát runs inside Excel: open this page from Excel.';
    return;
  }
  const lang = (Office.context.displayLanguage ?? 'vi').toLowerCase().startsWith('en') ? 'en' : 'vi';
  const initialError = takeStoredNotice(paneStorage());
  // Office's theme when the pane opens (dark, high contrast); older Excel reports none.
  const theme = paneTheme(Office.context.officeTheme, window.matchMedia?.('(forced-colors: active)').matches ?? false);
  root.render(
    <App
      actions={new ExcelPaneActions(officeApi(), readUnitFile, definitionTextOfFile)}
      initialLang={lang}
      theme={theme}
      {...(initialError === undefined ? {} : { initialError })}
    />,
  );
});
