import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import type { Lang } from '../core/report/finding';
import type { PaneFile } from './actions';
import { useDropZone } from './drop-zone';
import { t } from './i18n';

const useStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    padding: '12px',
    borderRadius: '4px',
    textAlign: 'center',
    marginTop: '6px',
  },
  active: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
});

/** The bytes of a chosen or dropped file, base64-encoded so they cross any host boundary. */
export async function toPaneFile(file: File): Promise<PaneFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, base64: btoa(binary) };
}

export interface MergePanelProps {
  readonly lang: Lang;
  readonly busy: boolean;
  onMergeSheets(): void;
  onMergeFiles(files: PaneFile[]): void;
}

/** Merge from the open workbook's sheets, or from unit .xlsx files chosen or dropped here. */
export function MergePanel({ lang, busy, onMergeSheets, onMergeFiles }: MergePanelProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const take = async (list: FileList | null): Promise<void> => {
    const files = [...(list ?? [])].filter((f) => /\.xlsx$/i.test(f.name));
    if (files.length > 0) onMergeFiles(await Promise.all(files.map(toPaneFile)));
  };
  const { over, handlers } = useDropZone((data) => void take(data.files));
  return (
    <div>
      <div className={styles.row}>
        <Button disabled={busy} onClick={onMergeSheets} data-testid="merge-sheets">
          {t('mergeSheets', lang)}
        </Button>
      </div>
      <div className={over ? `${styles.drop} ${styles.active}` : styles.drop} data-testid="drop-zone" {...handlers}>
        <Text>{t('dropHere', lang)}</Text>
        <div>
          <Button disabled={busy} size="small" onClick={() => input.current?.click()}>
            {t('mergeFiles', lang)}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx"
            multiple
            hidden
            data-testid="file-input"
            onChange={(e) => void take(e.target.files)}
          />
        </div>
      </div>
    </div>
  );
}
