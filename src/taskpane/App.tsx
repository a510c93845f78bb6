import {
  Button,
  Checkbox,
  Divider,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Switch,
  Title3,
  makeStyles,
  webLightTheme,
} from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Lang } from '../core/report/finding';
import type { PaneActions, PaneFile, PaneFinding, PaneInForce, PaneReport } from './actions';
import { DefinitionPanel } from './DefinitionPanel';
import { FindingsList } from './FindingsList';
import { t } from './i18n';
import { MergePanel } from './MergePanel';
import { useRememberedLang } from './remembered-lang';
import { SummaryLine } from './SummaryLine';
import { errorText } from './error-text';

const useStyles = makeStyles({
  root: {
    padding: '10px',
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    fontFamily: 'Segoe UI, sans-serif',
  },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
});

interface Notice {
  readonly intent: 'success' | 'error' | 'info';
  readonly text: string;
}

export interface AppProps {
  readonly actions: PaneActions;
  readonly initialLang?: Lang;
  /** A failure to show on opening: a ribbon command's that could not show it itself. */
  readonly initialError?: string;
  /** Fluent's theme, following the host's (Office's dark and high-contrast themes). */
  readonly theme?: Theme;
}

/** The task pane (Excel) and sidebar (Google Sheets): everything goes through `actions`. */
export function App({ actions, initialLang = 'vi', initialError, theme = webLightTheme }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useRememberedLang(initialLang);
  const [busy, setBusy] = useState(false);
  const [report, setShownReport] = useState<PaneReport | undefined>(undefined);
  const [checkedAt, setCheckedAt] = useState(() => new Date());
  const setReport = (next: PaneReport | undefined): void => {
    setShownReport(next);
    setCheckedAt(new Date());
  };
  const [notice, setNotice] = useState<Notice | undefined>(
    initialError === undefined ? undefined : { intent: 'error', text: initialError },
  );
  const [overwrite, setOverwrite] = useState(false);
  // Asked once: what the host lacks does not change while the pane is open.
  const [limitations] = useState(() => actions.limitations?.() ?? []);
  const [inForce, setInForce] = useState<PaneInForce | undefined>(undefined);

  // The line is read when the pane opens and in each language; actions that change it return it.
  useEffect(() => {
    let current = true;
    actions.inForce(lang).then(
      (next) => current && setInForce(next),
      () => undefined, // the line stays empty; the buttons report failures themselves
    );
    return () => {
      current = false;
    };
  }, [actions, lang]);

  const run = async (work: () => Promise<string | undefined>): Promise<void> => {
    setBusy(true);
    setNotice(undefined);
    try {
      const done = await work();
      if (done !== undefined) setNotice({ intent: 'success', text: done });
    } catch (error) {
      setNotice({ intent: 'error', text: errorText(error, lang) });
    } finally {
      setBusy(false);
    }
  };
  const showReport = async (next: Promise<PaneReport>): Promise<undefined> => {
    const shown = await next;
    setReport(shown);
    if (shown.inForce) setInForce(shown.inForce);
    return undefined;
  };
  /** After values change (Compute, an accepted fix, Revert), a shown list is checked again. */
  const refresh = async (): Promise<void> => {
    if (report) setReport(await actions.validate(lang));
  };
  const select = (f: PaneFinding): void => void run(async () => (await actions.selectCell(f.sheet, f.cell), undefined));
  const accept = (f: PaneFinding, next: PaneFinding | undefined): void =>
    void run(async () => {
      await actions.acceptSuggestion(f);
      await refresh();
      if (next) await actions.selectCell(next.sheet, next.cell);
      return t('accepted', lang, { cell: f.suggestion?.cell ?? f.cell });
    });
  // The line goes into the note, then the list is checked again so the finding moves to "confirmed".
  const confirm = (f: PaneFinding, reason: string): void =>
    void run(async () => {
      await actions.confirm(f, reason, lang);
      await showReport(actions.validate(lang));
      return t('confirmedNotice', lang, { cell: `${f.sheet}!${f.cell}` });
    });
  const unconfirm = (f: PaneFinding): void =>
    void run(async () => {
      await actions.unconfirm(f, lang);
      await showReport(actions.validate(lang));
      return t('unconfirmedNotice', lang, { cell: `${f.sheet}!${f.cell}` });
    });
  const mergeFiles = (files: PaneFile[]): void => void run(() => showReport(actions.mergeFiles(files, lang)));
  const loadDefinition = (file: PaneFile): void =>
    void run(async () => {
      const stored = await actions.storeDefinition(await actions.definitionText(file), lang, file.name);
      setInForce(stored);
      return t('definitionStored', lang, { title: stored.title });
    });
  const createRegistry = (): void =>
    void run(async () => {
      const created = await actions.createRegistrySheet(lang);
      setInForce(created);
      return t('registryCreated', lang, { n: created.units });
    });

  return (
    <FluentProvider theme={theme}>
      <main className={styles.root}>
        <div className={styles.head}>
          <Title3>{t('title', lang)}</Title3>
          <Switch
            label={t('language', lang)}
            checked={lang === 'en'}
            onChange={(_, d) => setLang(d.checked ? 'en' : 'vi')}
            data-testid="lang"
          />
        </div>
        {limitations.map((limitation) => (
          <MessageBar key={limitation.en} intent="warning" data-testid="limitation">
            <MessageBarBody>{limitation[lang]}</MessageBarBody>
          </MessageBar>
        ))}
        <SummaryLine
          lang={lang}
          {...(report ? { checked: { findings: report.findings, at: checkedAt } } : {})}
          {...(inForce ? { inForce } : {})}
        />
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void run(() => showReport(actions.validate(lang)))}
            data-testid="validate"
          >
            {t('validate', lang)}
          </Button>
          <Button
            disabled={busy}
            data-testid="compute"
            onClick={() =>
              void run(async () => {
                const s = await actions.compute({ overwrite, lang });
                await refresh();
                return t('computed', lang, { n: s.written, k: s.keptMismatches });
              })
            }
          >
            {t('compute', lang)}
          </Button>
          <Checkbox
            label={t('overwrite', lang)}
            checked={overwrite}
            onChange={(_, d) => setOverwrite(d.checked === true)}
          />
        </div>
        <div className={styles.row}>
          <Button
            disabled={busy}
            data-testid="clear"
            onClick={() =>
              void run(async () => {
                await actions.clear();
                setReport(undefined);
                return t('cleared', lang);
              })
            }
          >
            {t('clear', lang)}
          </Button>
          <Button
            disabled={busy}
            data-testid="revert"
            onClick={() =>
              void run(async () => {
                const n = await actions.revert();
                await refresh();
                return t('reverted', lang, { n });
              })
            }
          >
            {t('revert', lang)}
          </Button>
        </div>
        {busy && <ProgressBar aria-label={t('working', lang)} data-testid="progress" />}
        {notice && (
          <MessageBar intent={notice.intent} data-testid="notice">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
        <Divider>{t('merge', lang)}</Divider>
        <MergePanel
          lang={lang}
          busy={busy}
          onMergeSheets={() => void run(() => showReport(actions.mergeSheets(lang)))}
          onMergeFiles={mergeFiles}
        />
        <Divider>{t('definitions', lang)}</Divider>
        <DefinitionPanel lang={lang} busy={busy} onLoadFile={loadDefinition} onCreateRegistry={createRegistry} />
        <Divider />
        {report && (
          <FindingsList
            findings={report.findings}
            lang={lang}
            onSelect={select}
            onAccept={accept}
            onConfirm={confirm}
            onUnconfirm={unconfirm}
          />
        )}
      </main>
    </FluentProvider>
  );
}
