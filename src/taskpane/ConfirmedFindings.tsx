import { Badge, Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/report/finding';
import type { PaneFinding } from './actions';
import { t } from './i18n';

const useStyles = makeStyles({
  group: { marginTop: '12px', color: tokens.colorNeutralForeground3 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '2px',
    padding: '4px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    justifyContent: 'flex-start',
    minWidth: 'auto',
    padding: '0 4px',
    textAlign: 'left',
    color: tokens.colorNeutralForeground3,
  },
  reason: { fontStyle: 'italic', padding: '0 4px' },
});

export interface ConfirmedFindingsProps {
  readonly findings: readonly PaneFinding[];
  readonly lang: Lang;
  onSelect(finding: PaneFinding): void;
  onUnconfirm?(finding: PaneFinding): void;
}

/** Findings a reviewer confirmed, listed apart and greyed: still there, no longer asking for work. */
export function ConfirmedFindings({ findings, lang, onSelect, onUnconfirm }: ConfirmedFindingsProps) {
  const styles = useStyles();
  if (findings.length === 0) return null;
  return (
    <section className={styles.group} data-testid="confirmed-findings" aria-label={t('confirmed', lang)}>
      <Subtitle2>
        {t('confirmed', lang)} <Badge color="subtle">{findings.length}</Badge>
      </Subtitle2>
      {findings.map((f, i) => (
        <div
          key={`${f.sheet}/${f.cell}/${f.rule}/${i}`}
          className={styles.item}
          data-testid="confirmed-finding"
          data-cell={`${f.sheet}!${f.cell}`}
          data-rule={f.rule}
        >
          <Button appearance="transparent" size="small" className={styles.cell} onClick={() => onSelect(f)}>
            <b>{f.cell}</b>&nbsp;{f.message}
          </Button>
          <Text size={200} className={styles.reason}>
            {t('confirmed', lang)}: {f.confirmed}
          </Text>
          {onUnconfirm && (
            <Button size="small" onClick={() => onUnconfirm(f)} data-testid="unconfirm">
              {t('unconfirm', lang)}
            </Button>
          )}
        </div>
      ))}
    </section>
  );
}
