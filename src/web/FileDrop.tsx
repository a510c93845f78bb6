import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import type { Lang } from '../core/report/finding';
import { isWorkbookFile } from '../hosts/xlsx/file-names';
import { useDropZone } from '../taskpane/drop-zone';
import type { WebFile } from './protocol';
import { w } from './words';

const useStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    padding: '16px',
    borderRadius: '4px',
    textAlign: 'center',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    alignItems: 'center',
  },
  active: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', justifyContent: 'center' },
});

async function webFile(file: File): Promise<WebFile> {
  return { name: file.name, bytes: await file.arrayBuffer() };
}

/** A folder's workbooks, not its subfolders', as `soat merge DIR` takes them. */
async function folderFiles(entry: FileSystemDirectoryEntry): Promise<File[]> {
  const reader = entry.createReader();
  const entries: FileSystemEntry[] = [];
  // readEntries gives a folder's entries in batches, an empty one at the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    entries.push(...batch);
  }
  const files = entries.filter((e): e is FileSystemFileEntry => e.isFile && isWorkbookFile(e.name));
  return Promise.all(files.map((e) => new Promise<File>((resolve, reject) => e.file(resolve, reject))));
}

/** What was dropped: files as they are, each folder replaced by its workbooks. */
async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.every((e) => e === null)) return [...data.files];
  const files: File[] = [];
  for (const [i, entry] of entries.entries()) {
    if (entry?.isDirectory) files.push(...(await folderFiles(entry as FileSystemDirectoryEntry)));
    else {
      const file =
        data.files[i] ?? (entry ? await new Promise<File>((r, j) => (entry as FileSystemFileEntry).file(r, j)) : null);
      if (file) files.push(file);
    }
  }
  return files;
}

export interface FileDropProps {
  readonly lang: Lang;
  readonly busy: boolean;
  onFiles(files: WebFile[]): void;
}

/** Choose or drop workbooks, or a whole folder of them. */
export function FileDrop({ lang, busy, onFiles }: FileDropProps) {
  const styles = useStyles();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const take = async (list: readonly File[]): Promise<void> => {
    if (list.length > 0) onFiles(await Promise.all(list.map(webFile)));
  };
  const { over, handlers } = useDropZone((data) => void droppedFiles(data).then(take));
  return (
    <div className={over ? `${styles.drop} ${styles.active}` : styles.drop} data-testid="web-drop" {...handlers}>
      <Text>{w('dropFiles', lang)}</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => files.current?.click()}>
          {w('chooseFiles', lang)}
        </Button>
        <Button disabled={busy} onClick={() => folder.current?.click()}>
          {w('chooseFolder', lang)}
        </Button>
      </div>
      <input
        ref={files}
        type="file"
        accept=".xlsx,.xlsm,.csv"
        multiple
        hidden
        data-testid="web-files"
        onChange={(e) => {
          void take([...(e.target.files ?? [])]);
          e.target.value = ''; // the same files chosen again are read again
        }}
      />
      <input
        ref={folder}
        type="file"
        hidden
        data-testid="web-folder"
        {...{ webkitdirectory: '' }}
        onChange={(e) => {
          // Only the folder's own workbooks: "folder/file.xlsx", not "folder/sub/file.xlsx".
          const top = [...(e.target.files ?? [])].filter(
            (f) => f.webkitRelativePath.split('/').length <= 2 && isWorkbookFile(f.name),
          );
          void take(top);
          e.target.value = '';
        }}
      />
    </div>
  );
}
