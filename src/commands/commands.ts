/// <reference types="office-js" />
import { ExcelPaneActions } from '../hosts/excel/actions';
import { officeApi } from '../hosts/excel/api';
import { forgetNotice, showNotice } from './notice';
import type { CommandEnv } from './run';
import { commandHandler, commandNames } from './run';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage refused (privacy settings): the dialog is the only channel
  }
}

function officeEnv(): CommandEnv {
  return {
    actions: () => new ExcelPaneActions(officeApi()),
    lang: () => ((Office.context.displayLanguage ?? 'vi').toLowerCase().startsWith('en') ? 'en' : 'vi'),
    notify: (text, lang) =>
      showNotice(
        {
          ui: Office.context.ui,
          dialogSupported: Office.context.requirements.isSetSupported('DialogApi', '1.1'),
          storage: storage(),
          dialogUrl: new URL('dialog.html', window.location.href).toString(),
        },
        text,
        lang,
      ),
    succeeded: () => forgetNotice(storage()),
    log: (message, error) => console.error(message, error),
  };
}

/** The function file's one door to Office: each of the manifest's function names, once Office is ready. */
void Office.onReady(() => {
  const env = officeEnv();
  for (const name of commandNames) Office.actions.associate(name, commandHandler(name, env));
});
