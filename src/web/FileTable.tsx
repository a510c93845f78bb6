import { Button, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/report/finding';
import { download, outputName } from './download';
import type { SessionFile } from './session';
import { statusWord, w } from './words';

const useStyles = makeStyles({
  file: {
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, 1fr) 140px auto',
    gap: '8px',
    alignItems: 'center',
    padding: '4px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  name: { overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1, gridColumn: '1 / -1' },
  buttons: { display: 'flex', gap: '4px', flexWrap: 'wrap' },
});

export interface FileTableProps {
  readonly files: readonly SessionFile[];
  readonly lang: Lang;
  readonly busy: boolean;
}

/** The chosen files, each with its progress, why it could not be read, and its downloads. */
export function FileTable({ files, lang, busy }: FileTableProps) {
  const styles = useStyles();
  if (files.length === 0) return <Text>{w('noFiles', lang)}</Text>;
  return (
    <div data-testid="web-file-list">
      {files.map((file) => (
        <div
          key={file.name}
          className={styles.file}
          data-testid="web-file"
          data-file={file.name}
          data-status={file.status}
        >
          <Text className={styles.name}>{file.name}</Text>
          <div>
            <ProgressBar
              value={file.progress}
              max={1}
              color={file.status === 'failed' ? 'error' : file.status === 'done' ? 'success' : 'brand'}
              aria-label={`${file.name}: ${statusWord(file.status, lang)}`}
              data-testid="web-file-progress"
            />
            <Text size={200}>{statusWord(file.status, lang)}</Text>
          </div>
          <div className={styles.buttons}>
            {file.annotated && (
              <Button
                size="small"
                disabled={busy}
                data-testid="download-annotated"
                onClick={() => download(file.annotated!, outputName(file.name, 'annotated'))}
              >
                {w('downloadAnnotated', lang)}
              </Button>
            )}
            {file.current !== file.original && (
              <Button
                size="small"
                disabled={busy}
                data-testid="download-changed"
                onClick={() => download(file.current, outputName(file.name, 'soat'))}
              >
                {w('downloadChanged', lang)}
              </Button>
            )}
          </div>
          {file.error && (
            <Text className={styles.error} data-testid="web-file-error">
              {file.error[lang]}
            </Text>
          )}
        </div>
      ))}
    </div>
  );
}
