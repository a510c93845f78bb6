import { Badge, Button, Checkbox, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Lang, Severity } from '../core/report/finding';
import type { PaneFinding } from './actions';
import { ConfirmDialog } from './ConfirmDialog';
import { ConfirmedFindings } from './ConfirmedFindings';
import { confirmText } from './confirm-words';
import { filterFindings, groupFindings, rulesOf } from './findings';
import { severityName, t } from './i18n';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center', marginBottom: '8px' },
  group: { marginTop: '8px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '2px',
    padding: '4px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: { justifyContent: 'flex-start', minWidth: 'auto', padding: '0 4px', textAlign: 'left' },
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
  onAccept(finding: PaneFinding): void;
  /** A reviewer's confirmation, with the reason asked in a dialog; without it there is no button. */
  onConfirm?(finding: PaneFinding, reason: string): void;
  onUnconfirm?(finding: PaneFinding): void;
}

/** Findings grouped by sheet and severity with counts; a click selects the cell in the workbook. */
export function FindingsList({ findings: all, lang, onSelect, onAccept, onConfirm, onUnconfirm }: FindingsListProps) {
  const styles = useStyles();
  // Confirmed findings are listed apart, below the ones that still ask for work.
  const findings = useMemo(() => all.filter((f) => f.confirmed === undefined), [all]);
  const confirmed = useMemo(() => all.filter((f) => f.confirmed !== undefined), [all]);
  const [confirming, setConfirming] = useState<PaneFinding | undefined>(undefined);
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(new Set<Severity>(['error', 'warning', 'info']));
  const [rule, setRule] = useState<string | undefined>(undefined);
  const groups = useMemo(
    () => groupFindings(filterFindings(findings, { severities, ...(rule ? { rule } : {}) })),
    [findings, severities, rule],
  );
  const toggle = (severity: Severity, on: boolean): void => {
    const next = new Set(severities);
    if (on) next.add(severity);
    else next.delete(severity);
    setSeverities(next);
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
        >
          <option value="">{t('allRules', lang)}</option>
          {rulesOf(findings).map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </div>
      {groups.map((group) => (
        <section key={`${group.sheet}/${group.severity}`} className={styles.group} data-testid="finding-group">
          <Subtitle2>
            {group.sheet} · {severityName[group.severity][lang]}{' '}
            <Badge color={badgeColor[group.severity]}>{group.findings.length}</Badge>
          </Subtitle2>
          {group.findings.map((f, i) => (
            <div
              key={`${f.cell}/${f.rule}/${i}`}
              className={styles.item}
              data-testid="finding"
              data-cell={`${f.sheet}!${f.cell}`}
              data-rule={f.rule}
            >
              <Button appearance="transparent" size="small" className={styles.cell} onClick={() => onSelect(f)}>
                <b>{f.cell}</b>&nbsp;{f.message}
              </Button>
              {f.suggestion !== undefined && (
                <Button size="small" onClick={() => onAccept(f)} data-testid="accept">
                  {t('accept', lang)}: {f.suggestion.cell} = {String(f.suggestion.value)}
                </Button>
              )}
              {onConfirm && f.cell !== '' && (f.file === undefined || f.file === f.sheet) && (
                <Button size="small" onClick={() => setConfirming(f)} data-testid="confirm">
                  {confirmText('confirm', lang)}
                </Button>
              )}
            </div>
          ))}
        </section>
      ))}
      <ConfirmedFindings
        findings={confirmed}
        lang={lang}
        onSelect={onSelect}
        {...(onUnconfirm ? { onUnconfirm } : {})}
      />
      {onConfirm && (
        <ConfirmDialog
          finding={confirming}
          lang={lang}
          onCancel={() => setConfirming(undefined)}
          onConfirm={(f, reason) => {
            setConfirming(undefined);
            onConfirm(f, reason);
          }}
        />
      )}
    </div>
  );
}
