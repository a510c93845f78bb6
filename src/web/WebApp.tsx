import {
  Button,
  Checkbox,
  Divider,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Subtitle2,
  Switch,
  Title3,
  makeStyles,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Lang } from '../core/report/finding';
import type { PaneFile, PaneFinding, PaneInForce } from '../taskpane/actions';
import { DefinitionPanel } from '../taskpane/DefinitionPanel';
import { FindingsList } from '../taskpane/FindingsList';
import { t } from '../taskpane/i18n';
import { download } from './download';
import { FileDrop } from './FileDrop';
import { FileTable } from './FileTable';
import type { WebSession } from './session';
import { SheetPreview } from './SheetPreview';
import { w } from './words';
import { errorText } from '../taskpane/error-text';
import { useRememberedLang } from '../taskpane/remembered-lang';
import { SummaryLine } from '../taskpane/SummaryLine';

const useStyles = makeStyles({
  root: {
    padding: '12px 16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    fontFamily: 'Segoe UI, system-ui, sans-serif',
    maxWidth: '1400px',
    margin: '0 auto',
  },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: '8px' },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
  results: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))', gap: '16px' },
  file: { marginBottom: '12px' },
});

interface Notice {
  readonly intent: 'success' | 'error' | 'info';
  readonly text: string;
}

/** Findings by file, in the order of the files. */
function byFile(findings: readonly PaneFinding[]): [string, PaneFinding[]][] {
  const files = new Map<string, PaneFinding[]>();
  for (const f of findings) {
    const key = f.file ?? '';
    files.set(key, [...(files.get(key) ?? []), f]);
  }
  return [...files];
}

/**
 * A file's findings as the list shows one workbook's: without the file's name, which the list
 * takes for a merged unit's (no confirming there); the handlers put it back.
 */
function ofOneFile(findings: readonly PaneFinding[]): PaneFinding[] {
  return findings.map(
    (finding) => Object.fromEntries(Object.entries(finding).filter(([key]) => key !== 'file')) as PaneFinding,
  );
}

export interface WebAppProps {
  readonly session: WebSession;
  readonly initialLang?: Lang;
}

/**
 * Soát as a page over .xlsx files: the pane's findings list and definition panel, and what only a
 * page needs (choosing files, a progress bar per file, downloads, a preview of the sheet).
 */
export function WebApp({ session, initialLang = 'vi' }: WebAppProps) {
  const styles = useStyles();
  const state = useSyncExternalStore(session.subscribe, session.snapshot);
  const [lang, setLang] = useRememberedLang(initialLang);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [overwrite, setOverwrite] = useState(false);
  const [inForce, setInForce] = useState<PaneInForce | undefined>(undefined);
  const [checkedAt, setCheckedAt] = useState<Date | undefined>(undefined);
  const registryInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
    let current = true;
    session.inForce(lang).then(
      (next) => current && setInForce(next),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [session, lang, state.setup]);

  const run = async (work: () => Promise<string | undefined>): Promise<void> => {
    setBusy(true);
    setNotice(undefined);
    try {
      const done = await work();
      if (done !== undefined) setNotice({ intent: 'success', text: done });
    } catch (error) {
      setNotice({
        intent: error instanceof Error && error.name === 'Cancelled' ? 'info' : 'error',
        text: errorText(error, lang),
      });
    } finally {
      setBusy(false);
    }
  };
  // Every check (Validate, and again after an accepted suggestion or a confirmation) is timed for the summary.
  const check = async () => {
    const report = await session.validate(lang);
    setCheckedAt(new Date());
    return report;
  };
  const validate = (): void =>
    void run(async () => {
      const report = await check();
      const files = session.snapshot().files.filter((f) => f.status === 'done').length;
      return w('validated', lang, { files, ...report.summary });
    });
  const accept = (f: PaneFinding): void =>
    void run(async () => {
      await session.acceptSuggestion(f);
      await check();
      return t('accepted', lang, { cell: f.suggestion?.cell ?? f.cell });
    });
  // The line goes into the note of the working copy, then the files are checked again so the finding shows confirmed.
  const confirm = (f: PaneFinding, reason: string): void =>
    void run(async () => {
      await session.confirm(f, reason, lang);
      await check();
      return t('confirmedNotice', lang, { cell: `${f.sheet}!${f.cell}` });
    });
  const unconfirm = (f: PaneFinding): void =>
    void run(async () => {
      await session.unconfirm(f);
      await check();
      return t('unconfirmedNotice', lang, { cell: `${f.sheet}!${f.cell}` });
    });
  const loadDefinition = (file: PaneFile): void =>
    void run(async () => {
      const stored = await session.storeDefinition(await session.definitionText(file), lang, file.name);
      return w('definitionLoaded', lang, { title: stored.title });
    });
  const loadRegistry = (file: File): void =>
    void run(async () => {
      const stored = await session.storeRegistry({ name: file.name, bytes: await file.arrayBuffer() }, lang);
      return w('registryLoaded', lang, { n: stored.units });
    });

  const validated = state.files.filter((f) => f.findings !== undefined && f.status !== 'failed');
  const shownFile = state.files.find((f) => f.name === state.selection?.file) ?? validated[0];
  const hasFiles = state.files.length > 0;

  return (
    <FluentProvider theme={webLightTheme}>
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
        <MessageBar intent="info" data-testid="privacy">
          <MessageBarBody>{w('privacy', lang)}</MessageBarBody>
        </MessageBar>
        <SummaryLine
          lang={lang}
          {...(checkedAt ? { checked: { findings: validated.flatMap((f) => f.findings ?? []), at: checkedAt } } : {})}
          {...(inForce ? { inForce } : {})}
        />
        <FileDrop lang={lang} busy={busy} onFiles={(files) => session.addFiles(files)} />
        <FileTable files={state.files} lang={lang} busy={busy} />
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy || !hasFiles} onClick={validate} data-testid="validate">
            {t('validate', lang)}
          </Button>
          <Button
            disabled={busy || !hasFiles}
            data-testid="compute"
            onClick={() =>
              void run(async () => {
                const s = await session.compute({ overwrite, lang });
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
          <Button
            disabled={busy || !hasFiles}
            data-testid="clear"
            onClick={() =>
              void run(async () => {
                await session.clear();
                return t('cleared', lang);
              })
            }
          >
            {t('clear', lang)}
          </Button>
          <Button
            disabled={busy || !hasFiles}
            data-testid="revert"
            onClick={() => void run(async () => t('reverted', lang, { n: await session.revert() }))}
          >
            {t('revert', lang)}
          </Button>
          <Button
            disabled={busy || !hasFiles}
            data-testid="merge"
            onClick={() =>
              void run(async () => {
                await session.mergeSheets(lang);
                const merged = session.snapshot().merged;
                return merged === undefined
                  ? undefined
                  : w('merged', lang, {
                      n: merged.received,
                      files: state.files.length - merged.skipped,
                      skipped: merged.skipped,
                    });
              })
            }
          >
            {w('mergeChosen', lang)}
          </Button>
          <Button
            disabled={busy}
            data-testid="template"
            onClick={() =>
              void run(async () => {
                download(await session.template(lang), lang === 'vi' ? 'bieu-mau-don-vi.xlsx' : 'unit-template.xlsx');
                return undefined;
              })
            }
          >
            {w('template', lang)}
          </Button>
          <Button disabled={busy || !hasFiles} data-testid="remove-all" onClick={() => session.removeAll()}>
            {w('removeAll', lang)}
          </Button>
          {busy && (
            <Button appearance="outline" data-testid="cancel" onClick={() => session.cancel()}>
              {t('cancel', lang)}
            </Button>
          )}
        </div>
        {notice && (
          <MessageBar intent={notice.intent} data-testid="notice">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
        <Divider>{t('definitions', lang)}</Divider>
        <div className={styles.row}>
          <DefinitionPanel lang={lang} busy={busy} onLoadFile={loadDefinition} />
          <Button disabled={busy} data-testid="load-registry" onClick={() => registryInput.current?.click()}>
            {w('loadRegistry', lang)}
          </Button>
          <input
            ref={registryInput}
            type="file"
            accept=".csv,.xlsx"
            hidden
            data-testid="registry-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) loadRegistry(file);
              e.target.value = '';
            }}
          />
        </div>
        {state.merged && (
          <section data-testid="merge-result">
            <Divider>{t('merge', lang)}</Divider>
            <div className={styles.row}>
              <Button
                appearance="primary"
                data-testid="download-merged"
                onClick={() => download(state.merged!.bytes, lang === 'vi' ? 'tong-hop.xlsx' : 'consolidated.xlsx')}
              >
                {w('downloadMerged', lang)}
              </Button>
            </div>
            {byFile(state.merged.report.findings).map(([file, findings]) => (
              <div key={file} className={styles.file}>
                <Subtitle2>{file}</Subtitle2>
                <FindingsList findings={findings} lang={lang} onSelect={() => undefined} onAccept={() => undefined} />
              </div>
            ))}
          </section>
        )}
        {validated.length > 0 && (
          <div className={styles.results}>
            <section data-testid="web-findings">
              {validated.map((file) => (
                <div key={file.name} className={styles.file} data-testid="web-findings-file" data-file={file.name}>
                  <Subtitle1>{file.name}</Subtitle1>
                  <FindingsList
                    findings={ofOneFile(file.findings ?? [])}
                    lang={lang}
                    onSelect={(f) => session.select({ file: file.name, sheet: f.sheet, cell: f.cell })}
                    onAccept={(f) => accept({ ...f, file: file.name })}
                    onConfirm={(f, reason) => confirm({ ...f, file: file.name }, reason)}
                    onUnconfirm={(f) => unconfirm({ ...f, file: file.name })}
                  />
                </div>
              ))}
            </section>
            <section>
              <Subtitle2>
                {w('preview', lang)}
                {shownFile ? ` · ${shownFile.name}` : ''}
              </Subtitle2>
              {shownFile?.preview && (
                <SheetPreview
                  key={shownFile.name}
                  sheets={shownFile.preview}
                  findings={shownFile.findings ?? []}
                  {...(state.selection?.file === shownFile.name ? { selected: state.selection } : {})}
                  lang={lang}
                />
              )}
            </section>
          </div>
        )}
      </main>
    </FluentProvider>
  );
}
