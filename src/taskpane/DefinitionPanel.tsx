import { Button, makeStyles } from '@fluentui/react-components';
import { useRef } from 'react';
import type { Lang } from '../core/report/finding';
import type { PaneFile } from './actions';
import { t } from './i18n';
import { toPaneFile } from './MergePanel';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
});

export interface DefinitionPanelProps {
  readonly lang: Lang;
  readonly busy: boolean;
  onLoadFile(file: PaneFile): void;
  /** Absent where there is no open workbook to add the sheet to (the web page). */
  onCreateRegistry?(): void;
}

/** Which report the workbook is checked against: load one from a file, make the unit list editable. */
export function DefinitionPanel({ lang, busy, onLoadFile, onCreateRegistry }: DefinitionPanelProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const take = async (list: FileList | null): Promise<void> => {
    const file = [...(list ?? [])].find((f) => /\.(json|xlsx)$/i.test(f.name));
    if (file !== undefined) onLoadFile(await toPaneFile(file));
  };
  return (
    <div className={styles.row}>
      <Button disabled={busy} onClick={() => input.current?.click()} data-testid="load-definition">
        {t('loadDefinition', lang)}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,.xlsx"
        hidden
        data-testid="definition-input"
        onChange={(e) => {
          void take(e.target.files);
          e.target.value = ''; // the same file chosen again is loaded again
        }}
      />
      {onCreateRegistry && (
        <Button disabled={busy} onClick={onCreateRegistry} data-testid="create-registry">
          {t('createRegistry', lang)}
        </Button>
      )}
    </div>
  );
}
