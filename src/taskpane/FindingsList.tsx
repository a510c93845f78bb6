import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Suspense, lazy, useCallback, useMemo, useRef, useState } from 'react';
import type { Lang, Severity } from '../core/report/finding';
import type { PaneFinding } from './actions';
import { ConfirmedFindings } from './ConfirmedFindings';
import { FindingNavigator } from './FindingNavigator';
import { filterFindings, findingKey, groupFindings, listRows, rulesOf } from './findings';
import { severityName, t } from './i18n';
import { paneValue } from './numbers';
import { ruleTitle } from './rule-title';

/** The dialog (Fluent's Dialog and Textarea) is a chunk of its own, loaded when a reviewer first confirms. */
const ConfirmDialog = lazy(async () => ({ default: (await import('./ConfirmDialog')).ConfirmDialog }));

/**
 * Rows have heights known in advance, so that 120,000 of them are laid out without measuring
 * each: a heading, a finding (title, two lines of message), a finding with its suggestion button.
 */
const rowHeight = { group: 40, finding: 58, withActions: 84 };

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center', marginBottom: '8px' },
  // Only the rows in view are in the page: the list scrolls inside this box.
  scroller: { maxHeight: '70vh', overflowY: 'auto', position: 'relative' },
  rows: { position: 'relative', width: '100%' },
  row: { position: 'absolute', top: 0, left: 0, width: '100%' },
  group: { paddingTop: '8px', height: `${rowHeight.group}px`, boxSizing: 'border-box' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '2px',
    padding: '4px 0',
    boxSizing: 'border-box',
    overflow: 'hidden',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  // Two lines on screen; the button's name (what a screen reader says) keeps the whole message.
  message: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    lineHeight: '16px',
  },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected },
  actions: { display: 'flex', gap: '4px' },
  cell: { justifyContent: 'flex-start', minWidth: 'auto', padding: '0 4px', textAlign: 'left' },
  title: { padding: '0 4px', color: tokens.colorNeutralForeground2 },
});

const badgeColor: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

export interface FindingsListProps {
  readonly findings: readonly PaneFinding[];
  readonly lang: Lang;
  onSelect(finding: PaneFinding): void;
  /** Accepts `finding`'s suggestion, then selects `next` (the walk moves on). */
  onAccept(finding: PaneFinding, next: PaneFinding | undefined): void;
  /** A reviewer's confirmation, with the reason asked in a dialog; without it there is no button. */
  onConfirm?(finding: PaneFinding, reason: string): void;
  onUnconfirm?(finding: PaneFinding): void;
}

/** A finding of the open workbook's own cells can be confirmed there; another file's cannot. */
const confirmable = (f: PaneFinding): boolean => f.cell !== '' && (f.file === undefined || f.file === f.sheet);

/**
 * Findings grouped by sheet and severity with counts; a click selects the cell in the workbook,
 * and next / previous walk them in the list's order. Only the rows in view are rendered.
 */
export function FindingsList({ findings: all, lang, onSelect, onAccept, onConfirm, onUnconfirm }: FindingsListProps) {
  const styles = useStyles();
  // Confirmed findings are listed apart, below the ones that still ask for work.
  const findings = useMemo(() => all.filter((f) => f.confirmed === undefined), [all]);
  const confirmed = useMemo(() => all.filter((f) => f.confirmed !== undefined), [all]);
  const [confirming, setConfirming] = useState<PaneFinding | undefined>(undefined);
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(new Set<Severity>(['error', 'warning', 'info']));
  const [rule, setRule] = useState<string | undefined>(undefined);
  const [currentKey, setCurrentKey] = useState<string | undefined>(undefined);
  const groups = useMemo(
    () => groupFindings(filterFindings(findings, { severities, ...(rule ? { rule } : {}) })),
    [findings, severities, rule],
  );
  const { rows, rowOf, walk } = useMemo(() => listRows(groups), [groups]);
  const current = useMemo(
    () => (currentKey === undefined ? -1 : walk.findIndex((f) => findingKey(f) === currentKey)),
    [walk, currentKey],
  );
  const rules = useMemo(() => rulesOf(findings).map((id) => ({ id, title: ruleTitle(id, lang) })), [findings, lang]);
  const scroller = useRef<HTMLDivElement>(null);
  // Kept while the rows are: the virtualizer lays out every row again when these change.
  const estimateSize = useCallback(
    (i: number) => {
      const row = rows[i];
      if (row?.kind !== 'finding') return rowHeight.group;
      return findingHeight(row.finding, onConfirm !== undefined);
    },
    [rows, onConfirm],
  );
  const getItemKey = useCallback(
    (i: number) => {
      const row = rows[i]!;
      return row.kind === 'group' ? `${row.group.sheet}\u0000${row.group.severity}` : row.position;
    },
    [rows],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    overscan: 6,
    useFlushSync: false,
  });

  const toggle = (severity: Severity, on: boolean): void => {
    const next = new Set(severities);
    if (on) next.add(severity);
    else next.delete(severity);
    setSeverities(next);
  };
  const goTo = (position: number): void => {
    const finding = walk[position];
    if (finding === undefined) return;
    setCurrentKey(findingKey(finding));
    virtualizer.scrollToIndex(rowOf[position]!, { align: 'auto' });
    onSelect(finding);
  };
  const step = (direction: 1 | -1): void => {
    if (walk.length === 0) return;
    const from = current < 0 ? (direction === 1 ? -1 : walk.length) : current;
    goTo((from + direction + walk.length) % walk.length);
  };
  const accept = (finding: PaneFinding, position: number): void => {
    const next = walk[position + 1];
    setCurrentKey(next === undefined ? undefined : findingKey(next));
    onAccept(finding, next);
  };

  if (all.length === 0) return <Text data-testid="no-findings">{t('noFindings', lang)}</Text>;
  return (
    <div data-testid="findings">
      <div className={styles.filters}>
        {(['error', 'warning', 'info'] as const).map((severity) => (
          <Checkbox
            key={severity}
            label={severityName[severity][lang]}
            checked={severities.has(severity)}
            onChange={(_, d) => toggle(severity, d.checked === true)}
          />
        ))}
        <Select
          aria-label={t('allRules', lang)}
          value={rule ?? ''}
          onChange={(_, d) => setRule(d.value === '' ? undefined : d.value)}
          data-testid="rule-filter"
        >
          <option value="">{t('allRules', lang)}</option>
          {rules.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </Select>
        <FindingNavigator lang={lang} current={current} total={walk.length} onStep={step} />
      </div>
      <div ref={scroller} className={styles.scroller} data-testid="findings-scroller">
        <div className={styles.rows} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={item.key}
                data-index={item.index}
                className={styles.row}
                style={{ transform: `translateY(${item.start}px)`, height: item.size }}
              >
                {row.kind === 'group' ? (
                  <div className={styles.group} data-testid="finding-group">
                    <Subtitle2 as="h3">
                      {row.group.sheet} · {severityName[row.group.severity][lang]}{' '}
                      <Badge color={badgeColor[row.group.severity]}>{row.group.findings.length}</Badge>
                    </Subtitle2>
                  </div>
                ) : (
                  <FindingRow
                    finding={row.finding}
                    lang={lang}
                    current={row.position === current}
                    onSelect={() => goTo(row.position)}
                    onAccept={() => accept(row.finding, row.position)}
                    {...(onConfirm ? { onConfirm: () => setConfirming(row.finding) } : {})}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
      <ConfirmedFindings
        findings={confirmed}
        lang={lang}
        onSelect={onSelect}
        {...(onUnconfirm ? { onUnconfirm } : {})}
      />
      {/* Mounted only while asked: a closed Fluent dialog still adds focus traps that axe flags. */}
      {onConfirm && confirming && (
        <Suspense fallback={null}>
          <ConfirmDialog
            finding={confirming}
            lang={lang}
            onCancel={() => setConfirming(undefined)}
            onConfirm={(f, reason) => {
              setConfirming(undefined);
              onConfirm(f, reason);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}

/** A finding's row height: taller when it has a line of buttons (accept, confirm). */
function findingHeight(f: PaneFinding, canConfirm: boolean): number {
  return f.suggestion !== undefined || (canConfirm && confirmable(f)) ? rowHeight.withActions : rowHeight.finding;
}

interface FindingRowProps {
  readonly finding: PaneFinding;
  readonly lang: Lang;
  readonly current: boolean;
  onSelect(): void;
  onAccept(): void;
  onConfirm?(): void;
}

function FindingRow({ finding: f, lang, current, onSelect, onAccept, onConfirm }: FindingRowProps) {
  const styles = useStyles();
  return (
    <div
      className={current ? `${styles.item} ${styles.current}` : styles.item}
      style={{ height: findingHeight(f, onConfirm !== undefined) }}
      data-testid="finding"
      data-cell={`${f.sheet}!${f.cell}`}
      data-rule={f.rule}
      aria-current={current ? 'true' : undefined}
    >
      <Caption1 className={styles.title} data-testid="rule-title">
        {ruleTitle(f.rule, lang)}
      </Caption1>
      <Button appearance="transparent" size="small" className={styles.cell} onClick={onSelect} title={f.message}>
        <span className={styles.message}>
          <b>{f.cell}</b>&nbsp;{f.message}
        </span>
      </Button>
      {findingHeight(f, onConfirm !== undefined) === rowHeight.withActions && (
        <div className={styles.actions}>
          {f.suggestion !== undefined && (
            <Button size="small" onClick={onAccept} data-testid="accept">
              {t('accept', lang)}: {f.suggestion.cell} = {paneValue(f.suggestion.value, lang)}
            </Button>
          )}
          {onConfirm && confirmable(f) && (
            <Button size="small" onClick={onConfirm} data-testid="confirm">
              {t('confirm', lang)}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
