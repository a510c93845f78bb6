import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillColors } from '../../../src/core/plan';
import { soatMarker } from '../../../src/core/report/annotation';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { soat } from '../../support/cli';
import { secondReportFiles, unitFindings } from '../second-report';

/**
 * `soat validate --out` on the unit files of the second report: the .xlsx host marks exactly the
 * cells of the findings (the definition carried inside each file says which), and changes no value.
 */

const dir = mkdtempSync(join(tmpdir(), 'soat-xlsx-second-'));

/** Severity by rule, as SPEC.md's table gives it, for the rules these files raise. */
const severity: Record<string, 'error' | 'warning' | 'info'> = {
  'ratio-mismatch': 'error',
  'sum-mismatch': 'error',
  'flag-count-mismatch': 'error',
  'range-value': 'error',
  'unknown-unit': 'error',
  'missing-value': 'warning',
  'future-date': 'warning',
  'model-numbering': 'warning',
  'model-flag-mismatch': 'warning',
  'unit-alias': 'info',
};
const rank = { error: 0, warning: 1, info: 2 } as const;

/** The fills Validate leaves on a sheet: each cell by its worst finding (info none), row marks in A. */
function expectedFills(
  findings: readonly (readonly [string, string, string])[],
  sheet: string,
): Record<string, string> {
  const worst = new Map<string, 'error' | 'warning' | 'info'>();
  for (const [s, cell, rule] of findings) {
    if (s !== sheet) continue;
    const level = severity[rule]!;
    const before = worst.get(cell);
    if (before === undefined || rank[level] < rank[before]) worst.set(cell, level);
  }
  const fills: Record<string, string> = {};
  for (const [cell, level] of worst) {
    if (level === 'info') continue;
    fills[cell] = fillColors[level];
    const marker = `A${cell.replace(/^[A-Z]+/, '')}`;
    if (!worst.has(marker)) fills[marker] = fillColors.row;
  }
  return fills;
}

describe.each(Object.entries(unitFindings))('soat validate --out %s', (file, findings) => {
  test('notes and fills on exactly the finding cells, every value and formula as it was', async () => {
    const source = join(dir, file);
    const out = join(dir, `${file}.checked.xlsx`);
    writeFileSync(source, (await secondReportFiles()).get(file)!);
    await soat('validate', source, '--out', out);
    const before = (await readWorkbookBuffer(readFileSync(source))).snapshot;
    const after = (await readWorkbookBuffer(readFileSync(out))).snapshot;

    expect(after.sheets.map((s) => s.name)).toEqual([
      'Kết quả giải quyết',
      'Sáng kiến',
      'Danh mục đơn vị',
      '_soat_mau',
    ]);
    expect(after.sheets.map((s) => [s.values, s.formulas])).toEqual(before.sheets.map((s) => [s.values, s.formulas]));
    expect(before.sheets.map((s) => [s.notes ?? {}, s.fills ?? {}])).toEqual(before.sheets.map(() => [{}, {}]));

    for (const sheet of after.sheets) {
      const here = findings.filter(([s]) => s === sheet.name);
      const notes = sheet.notes ?? {};
      expect([sheet.name, Object.keys(notes).sort()]).toEqual([
        sheet.name,
        [...new Set(here.map(([, c]) => c))].sort(),
      ]);
      for (const [, cell, rule] of here) {
        expect(notes[cell]!.startsWith(`${soatMarker}\n`)).toBe(true);
        expect(notes[cell]).toContain(`(${rule})`);
      }
      expect([sheet.name, sheet.fills ?? {}]).toEqual([sheet.name, expectedFills(findings, sheet.name)]);
    }
  });
});
