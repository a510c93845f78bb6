import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { columnLetter, parseAddress } from '../core/address';
import type { Lang, Severity } from '../core/report/finding';
import type { PaneFinding } from '../taskpane/actions';
import type { SheetPreview as SheetData } from './protocol';
import { w } from './words';

const rowHeight = 24;
const columnWidth = 120;
const headerWidth = 48;

const useStyles = makeStyles({
  frame: {
    height: '420px',
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    position: 'relative',
    fontSize: '12px',
  },
  row: { display: 'flex', position: 'absolute', left: 0, height: `${rowHeight}px` },
  cell: {
    width: `${columnWidth}px`,
    flexShrink: 0,
    boxSizing: 'border-box',
    padding: '2px 4px',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
  },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: 600, textAlign: 'center' },
  number: { width: `${headerWidth}px` },
  error: { backgroundColor: '#FFC7CE' },
  warning: { backgroundColor: '#FFEB9C' },
  selected: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-3px', fontWeight: 600 },
  sticky: { position: 'sticky', top: 0, zIndex: 1, display: 'flex', height: `${rowHeight}px` },
});

export interface SheetPreviewProps {
  readonly sheets: readonly SheetData[];
  readonly findings: readonly PaneFinding[];
  /** The clicked finding's sheet and cell. */
  readonly selected?: { readonly sheet: string; readonly cell: string };
  readonly lang: Lang;
}

/** A read-only, virtualised view of a file's sheets: finding cells coloured, the clicked one outlined. */
export function SheetPreview({ sheets, findings, selected, lang }: SheetPreviewProps) {
  const styles = useStyles();
  const [shown, setShown] = useState(selected?.sheet ?? sheets[0]?.name ?? '');
  useEffect(() => {
    if (selected) setShown(selected.sheet);
  }, [selected]);
  const sheet = sheets.find((s) => s.name === shown) ?? sheets[0];
  const columns = useMemo(() => Math.max(1, ...(sheet?.rows ?? []).map((r) => r.length)), [sheet]);
  const marks = useMemo(() => {
    const worst = new Map<string, Exclude<Severity, 'info'>>();
    for (const f of findings) {
      if (f.sheet !== sheet?.name || f.severity === 'info') continue;
      if (worst.get(f.cell) !== 'error') worst.set(f.cell, f.severity);
    }
    return worst;
  }, [findings, sheet]);
  const frame = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: sheet?.rows.length ?? 0,
    getScrollElement: () => frame.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const target = selected && selected.sheet === sheet?.name ? parseAddress(selected.cell) : undefined;
  useEffect(() => {
    if (!target || !frame.current) return;
    rows.scrollToIndex(target.row - 1, { align: 'center' });
    frame.current.scrollLeft = Math.max(0, headerWidth + (target.col - 2) * columnWidth);
  }, [target?.row, target?.col, sheet?.name]);
  if (!sheet) return <Text>{w('previewHint', lang)}</Text>;
  const width = headerWidth + columns * columnWidth;
  return (
    <div data-testid="preview" data-sheet={sheet.name}>
      <TabList selectedValue={sheet.name} onTabSelect={(_, d) => setShown(String(d.value))} size="small">
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <div
        ref={frame}
        className={styles.frame}
        role="grid"
        aria-readonly="true"
        aria-label={`${w('preview', lang)}: ${sheet.name}`}
      >
        <div className={styles.sticky} style={{ width }}>
          <div className={`${styles.cell} ${styles.head} ${styles.number}`} />
          {Array.from({ length: columns }, (_, c) => (
            <div key={c} className={`${styles.cell} ${styles.head}`}>
              {columnLetter(c + 1)}
            </div>
          ))}
        </div>
        <div style={{ height: rows.getTotalSize(), width, position: 'relative' }}>
          {rows.getVirtualItems().map((item) => {
            const values = sheet.rows[item.index] ?? [];
            return (
              <div key={item.key} role="row" className={styles.row} style={{ top: item.start, width }}>
                <div className={`${styles.cell} ${styles.head} ${styles.number}`}>{item.index + 1}</div>
                {Array.from({ length: columns }, (_, c) => {
                  const address = `${columnLetter(c + 1)}${item.index + 1}`;
                  const mark = marks.get(address);
                  const isSelected = target !== undefined && target.row === item.index + 1 && target.col === c + 1;
                  const classes = [styles.cell, mark ? styles[mark] : '', isSelected ? styles.selected : ''];
                  return (
                    <div
                      key={c}
                      role="gridcell"
                      className={classes.join(' ')}
                      title={values[c]}
                      data-cell={address}
                      {...(isSelected ? { 'data-testid': 'preview-selected', 'aria-selected': true } : {})}
                    >
                      {values[c]}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
