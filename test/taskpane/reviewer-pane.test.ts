import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { PaneFinding } from '../../src/taskpane/actions';
import { walkDirection } from '../../src/taskpane/FindingNavigator';
import { findingKey, groupFindings, listRows } from '../../src/taskpane/findings';
import { paneValue } from '../../src/taskpane/numbers';
import { langStorageKey, rememberLang, storedLang } from '../../src/taskpane/remembered-lang';
import { ruleTitle } from '../../src/taskpane/rule-title';
import { checkedAtText, summaryCounts } from '../../src/taskpane/summary';
import { paneTheme } from '../../src/taskpane/theme';

const finding = (cell: string, severity: PaneFinding['severity'], extra: Partial<PaneFinding> = {}): PaneFinding => ({
  sheet: 'Phụ lục 2',
  cell,
  rule: 'ratio-mismatch',
  severity,
  message: '',
  actual: null,
  ...extra,
});

describe('the summary line', () => {
  test('counts findings by severity, a confirmed one only as confirmed', () => {
    const findings = [
      finding('G5', 'error'),
      finding('G6', 'error', { confirmed: 'Đơn vị tính trên mẫu số khác' }),
      finding('D5', 'warning'),
      finding('J5', 'info'),
      finding('J6', 'info'),
    ];
    expect(summaryCounts(findings)).toEqual({ error: 1, warning: 1, info: 2, confirmed: 1 });
    expect(summaryCounts([])).toEqual({ error: 0, warning: 0, info: 0, confirmed: 0 });
  });

  test('says when the check ran in the reader’s language', () => {
    const at = new Date(2026, 10, 3, 9, 5);
    expect(checkedAtText(at, 'vi')).toBe('09:05 03/11/2026');
    expect(checkedAtText(at, 'en')).toBe('09:05, 3 Nov 2026');
  });
});

describe('numbers in the interface language', () => {
  test('a decimal comma in Vietnamese, a point in English; text as it is', () => {
    expect(paneValue(29.32, 'vi')).toBe('29,32');
    expect(paneValue(29.32, 'en')).toBe('29.32');
    expect(paneValue(4, 'vi')).toBe('4');
    expect(paneValue(66.666666, 'vi')).toBe('66,67');
    expect(paneValue('86-99', 'vi')).toBe('86-99');
  });
});

describe('rule titles', () => {
  test('come from the catalogue in each language; an unknown id is shown as it is', () => {
    expect(ruleTitle('ratio-mismatch', 'vi')).toBe('Tỷ lệ không khớp số liệu');
    expect(ruleTitle('ratio-mismatch', 'en')).toBe('Ratio does not match counts');
    expect(ruleTitle('toString', 'vi')).toBe('toString');
  });
});

describe('the remembered language', () => {
  test('is read back as it was stored; anything else, or a refusing storage, gives nothing', () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => items.set(k, v),
    };
    expect(storedLang(storage)).toBeUndefined();
    rememberLang(storage, 'en');
    expect(items.get(langStorageKey)).toBe('en');
    expect(storedLang(storage)).toBe('en');
    items.set(langStorageKey, 'fr');
    expect(storedLang(storage)).toBeUndefined();
    const refusing = {
      getItem: (): string => {
        throw new Error('SecurityError');
      },
      setItem: (): void => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(storedLang(refusing)).toBeUndefined();
    expect(() => rememberLang(refusing, 'vi')).not.toThrow();
    expect(storedLang(undefined)).toBeUndefined();
  });
});

describe('the walk through findings', () => {
  test('F8 goes forward, Shift+F8 back, other keys and chords do nothing', () => {
    const key = (k: string, mods: Partial<Record<'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) =>
      walkDirection({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });
    expect([
      key('F8'),
      key('F8', { shiftKey: true }),
      key('F8', { ctrlKey: true }),
      key('F7'),
      key('ArrowDown'),
    ]).toEqual([1, -1, 0, 0, 0]);
  });

  test('rows put each group’s heading before its findings, and know the row of each finding', () => {
    const findings = [
      finding('G5', 'error'),
      finding('D5', 'warning'),
      finding('G6', 'error'),
      finding('B2', 'error', { sheet: 'Phụ lục 3' }),
    ];
    const { rows, rowOf, walk } = listRows(groupFindings(findings));
    expect(rows.map((r) => (r.kind === 'group' ? `[${r.group.sheet} ${r.group.severity}]` : r.finding.cell))).toEqual([
      '[Phụ lục 2 error]',
      'G5',
      'G6',
      '[Phụ lục 2 warning]',
      'D5',
      '[Phụ lục 3 error]',
      'B2',
    ]);
    expect(rowOf).toEqual([1, 2, 4, 6]);
    expect(walk.map((f) => f.cell)).toEqual(['G5', 'G6', 'D5', 'B2']);
    expect(findingKey(findings[0]!)).not.toBe(findingKey(findings[2]!));
  });
});

describe('the pane’s theme', () => {
  test('follows Office: dark when Office says so or its background is dark, high contrast when colours are forced', () => {
    const dark = paneTheme(
      { isDarkTheme: true, bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff' },
      false,
    );
    expect([dark.colorNeutralBackground1, dark.colorNeutralForeground1, dark.colorBrandBackground]).toEqual([
      '#262626',
      '#ffffff',
      webDarkTheme.colorBrandBackground,
    ]);
    expect(paneTheme({ bodyBackgroundColor: '#1f1f1f' }, false).colorNeutralForeground2).toBe(
      webDarkTheme.colorNeutralForeground2,
    );
    expect(paneTheme({ isDarkTheme: false, bodyBackgroundColor: '#ffffff' }, false).colorNeutralForeground2).toBe(
      webLightTheme.colorNeutralForeground2,
    );
    expect(paneTheme({ isDarkTheme: false }, true)).toBe(teamsHighContrastTheme);
    expect(paneTheme(undefined, false)).toBe(webLightTheme);
    expect(paneTheme(null, false)).toBe(webLightTheme);
  });
});
