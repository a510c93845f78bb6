import { Badge, Text, makeStyles } from '@fluentui/react-components';
import type { Lang } from '../core/report/finding';
import type { PaneFinding, PaneInForce } from './actions';
import { severityName, t } from './i18n';
import { inForceLine } from './in-force';
import { checkedAtText, summaryCounts } from './summary';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '4px' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
});

export interface SummaryLineProps {
  readonly lang: Lang;
  /** The last check's findings and when it ran; undefined before the first. */
  readonly checked?: { readonly findings: readonly PaneFinding[]; readonly at: Date };
  readonly inForce?: PaneInForce;
}

/** The top of the pane: what the last check found, against which report and list, and when. */
export function SummaryLine({ lang, checked, inForce }: SummaryLineProps) {
  const styles = useStyles();
  const counts = checked && summaryCounts(checked.findings);
  return (
    <section className={styles.root} aria-label={t('summary', lang)} data-testid="summary">
      {counts && (
        <div className={styles.counts}>
          <Badge appearance="tint" color="danger" data-testid="count-error">
            {severityName.error[lang]}: {counts.error}
          </Badge>
          <Badge appearance="tint" color="warning" data-testid="count-warning">
            {severityName.warning[lang]}: {counts.warning}
          </Badge>
          <Badge appearance="tint" color="informative" data-testid="count-info">
            {severityName.info[lang]}: {counts.info}
          </Badge>
          {counts.confirmed > 0 && (
            <Badge appearance="tint" color="subtle" data-testid="count-confirmed">
              {t('confirmed', lang)}: {counts.confirmed}
            </Badge>
          )}
          <Text size={200} data-testid="checked-at">
            {t('checkedAt', lang, { at: checkedAtText(checked.at, lang) })}
          </Text>
        </div>
      )}
      {inForce && (
        <Text size={200} data-testid="in-force">
          {inForceLine(inForce, lang)}
        </Text>
      )}
    </section>
  );
}
