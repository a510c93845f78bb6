/**
 * The pane over stand-in actions whose Validate returns as many synthetic findings as the
 * page's `?findings=` asks, at once: the list's own speed, without a workbook of that size behind it. The cells
 * the pane asks to select are kept in `window.__soatSelected`.
 */
import { createRoot } from 'react-dom/client';
import type { PaneActions, PaneInForce } from '../../src/taskpane/actions';
import { App } from '../../src/taskpane/App';
import { syntheticFindings } from './synthetic-findings';

interface SyntheticWindow {
  __soatSelected?: string[];
}

const page = window as unknown as SyntheticWindow;
const inForce: PaneInForce = {
  title: 'Báo cáo 9T/2024',
  reportSource: 'built-in',
  units: 46,
  registrySource: 'built-in',
};
const refused = (): Promise<never> => Promise.reject(new Error('not in this page'));
const findings = syntheticFindings(Number(new URLSearchParams(location.search).get('findings') ?? 0));
const summary = { error: 0, warning: 0, info: 0 };
for (const f of findings) summary[f.severity] += 1;

const actions: PaneActions = {
  validate: async () => ({ findings, summary, inForce }),
  selectCell: async (sheet, cell) => void (page.__soatSelected ??= []).push(`${sheet}!${cell}`),
  inForce: async () => inForce,
  compute: refused,
  clear: refused,
  revert: refused,
  acceptSuggestion: refused,
  mergeSheets: refused,
  mergeFiles: refused,
  definitionText: refused,
  storeDefinition: refused,
  createRegistrySheet: refused,
  confirm: refused,
  unconfirm: refused,
};

createRoot(document.getElementById('root')!).render(<App actions={actions} />);
