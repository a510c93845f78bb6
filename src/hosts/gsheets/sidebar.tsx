import { createRoot } from 'react-dom/client';
import { App } from '../../taskpane/App';
import type { ScriptRun } from './client';
import { GsheetsPaneActions, serverClient } from './client';
import { readPaneFiles } from './read-files';
import { definitionTextOfFile } from '../xlsx/definition-file';

/**
 * The sidebar page: Excel's task pane (src/taskpane/App), the same component, here talking to
 * the spreadsheet through google.script.run. Files chosen or dropped in its merge panel are read
 * in the sidebar by readPaneFiles and sent to the server in chunks (GsheetsPaneActions.mergeFiles).
 */
declare const google: { script: { run: ScriptRun } };

const actions = new GsheetsPaneActions(
  serverClient(() => google.script.run),
  readPaneFiles,
  definitionTextOfFile,
);

createRoot(document.getElementById('root')!).render(<App actions={actions} />);
