import { Button, Text, makeStyles } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Lang } from '../core/report/finding';
import { t } from './i18n';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '4px', alignItems: 'center' },
});

/**
 * F8 and Shift+F8 walk the findings, as "next problem" does in code editors: Excel's own keys
 * reach the workbook, not the pane, and browsers give F8 no meaning of their own.
 */
export function walkDirection(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>,
): 1 | -1 | 0 {
  if (event.key !== 'F8' || event.altKey || event.ctrlKey || event.metaKey) return 0;
  return event.shiftKey ? -1 : 1;
}

export interface FindingNavigatorProps {
  readonly lang: Lang;
  /** The current finding's place in the walk, -1 before the first step. */
  readonly current: number;
  readonly total: number;
  onStep(direction: 1 | -1): void;
}

/** Previous / next finding, with F8 / Shift+F8 anywhere in the pane. */
export function FindingNavigator({ lang, current, total, onStep }: FindingNavigatorProps) {
  const styles = useStyles();
  // The listener is added once; it calls the latest step through this reference.
  const step = useRef(onStep);
  step.current = onStep;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const direction = walkDirection(event);
      if (direction === 0) return;
      event.preventDefault();
      step.current(direction);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const none = total === 0;
  return (
    <div className={styles.row} role="group" aria-label={t('findingList', lang)}>
      <Button
        size="small"
        disabled={none}
        title={t('previousFinding', lang)}
        aria-keyshortcuts="Shift+F8"
        onClick={() => onStep(-1)}
        data-testid="previous-finding"
      >
        ↑ {t('previous', lang)}
      </Button>
      <Button
        size="small"
        disabled={none}
        title={t('nextFinding', lang)}
        aria-keyshortcuts="F8"
        onClick={() => onStep(1)}
        data-testid="next-finding"
      >
        ↓ {t('next', lang)}
      </Button>
      <Text size={200} aria-live="polite" data-testid="finding-position">
        {current < 0 ? t('position', lang, { i: '–', n: total }) : t('position', lang, { i: current + 1, n: total })}
      </Text>
    </div>
  );
}
