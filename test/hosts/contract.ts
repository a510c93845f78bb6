import { checkWorkbook } from '../../src/core/check';
import { computePlan } from '../../src/core/compute/percentages';
import type { SpreadsheetHost } from '../../src/core/host';
import { fillColors } from '../../src/core/plan';
import { soatMarker } from '../../src/core/report/annotation';
import { annotationPlan } from '../../src/core/report/annotations';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/read';
import { seedFile } from './xlsx/seed';

/**
 * The adapter contract every SpreadsheetHost passes (STYLE.md, "one port, one adapter per host"):
 * the same cases run against the .xlsx host and the Excel host over the fake Excel.
 */
export interface HostUnderTest {
  readonly host: SpreadsheetHost;
  /** Solid fills as ARGB by cell. */
  fills(sheet: string): Promise<Record<string, string>>;
  notes(sheet: string): Promise<Record<string, string>>;
  /** Every non-empty cell: value, or "=formula". */
  values(sheet: string): Promise<Record<string, unknown>>;
}

export interface HostHarness {
  readonly name: string;
  /** A host over the workbook this snapshot describes (values, notes, ARGB fills). */
  open(snapshot: WorkbookSnapshot): Promise<HostUnderTest>;
}

const pl2 = 'Phụ lục 2';
const yellow = 'FFFFFF00';
const human = 'Chị Lan: đơn vị ghi 2-3, đã gọi hỏi lại';

/** The seed report with a reviewer's yellow fill and note on D16 (a "2-3" range value). */
async function reviewedSeed(): Promise<WorkbookSnapshot> {
  const { snapshot } = await readWorkbookBuffer(await seedFile('seed-report.xlsx'));
  return {
    sheets: snapshot.sheets.map((s) =>
      s.name === pl2 ? { ...s, fills: { ...s.fills, D16: yellow, B40: yellow }, notes: { ...s.notes, D16: human } } : s,
    ),
  };
}

async function validate(host: SpreadsheetHost): Promise<ReturnType<typeof checkWorkbook>> {
  const check = checkWorkbook(await host.readSnapshot());
  await host.applyPlan(annotationPlan(check.findings, 'vi'));
  return check;
}

export function hostContract(harness: HostHarness): void {
  describe(`${harness.name} keeps the SpreadsheetHost contract`, () => {
    let seed: WorkbookSnapshot;
    beforeAll(async () => {
      seed = await reviewedSeed();
    });

    test('reads the seed as the .xlsx reader does: the engine finds the same problems', async () => {
      const { host } = await harness.open(seed);
      const flat = (s: WorkbookSnapshot): string[][] => checkWorkbook(s).findings.map((f) => [f.sheet, f.cell, f.rule]);
      expect(flat(await host.readSnapshot())).toEqual(flat(seed));
    });

    test('Validate colours exactly the cells the engine reports, and changes no value', async () => {
      const opened = await harness.open(seed);
      const before = await opened.values(pl2);
      const check = await validate(opened.host);
      const fills = await opened.fills(pl2);
      const onSheet = check.findings.filter((f) => f.sheet === pl2 && f.severity !== 'info');
      for (const f of onSheet)
        expect([f.cell, fills[f.cell]]).toEqual([f.cell, expect.stringMatching(/^FF(FFC7CE|FFEB9C)$/)]);
      const painted = Object.entries(fills)
        .filter(([, c]) => c === fillColors.error || c === fillColors.warning)
        .map(([cell]) => cell);
      expect(painted.filter((c) => !c.startsWith('A')).sort()).toEqual(
        [...new Set(onSheet.map((f) => f.cell))].filter((c) => !c.startsWith('A')).sort(),
      );
      expect(await opened.values(pl2)).toEqual(before);
    });

    test('a second run leaves the same notes, no duplicates, and keeps the human note', async () => {
      const opened = await harness.open(seed);
      await validate(opened.host);
      const first = await opened.notes(pl2);
      await validate(opened.host);
      const second = await opened.notes(pl2);
      expect(second).toEqual(first);
      expect(second['D16']!.startsWith(human)).toBe(true);
      expect(second['D16']!.split(soatMarker)).toHaveLength(2);
    });

    test('Clear restores every original fill and removes only Soát notes', async () => {
      const opened = await harness.open(seed);
      const fillsBefore = await opened.fills(pl2);
      await validate(opened.host);
      expect((await opened.fills(pl2))['D16']).toBe(fillColors.error);
      await opened.host.clear();
      expect(await opened.fills(pl2)).toEqual(fillsBefore);
      expect(await opened.notes(pl2)).toEqual({ D16: human });
    });

    test('Compute writes the percent formula into a blank derived cell', async () => {
      const blanked: WorkbookSnapshot = {
        sheets: seed.sheets.map((s) =>
          s.name === pl2
            ? { ...s, values: s.values.map((row, r) => (r === 6 ? row.map((v, c) => (c === 6 ? null : v)) : row)) }
            : s,
        ),
      };
      const opened = await harness.open(blanked);
      const { plan } = computePlan(checkWorkbook(await opened.host.readSnapshot()));
      await opened.host.applyPlan(plan);
      expect((await opened.values(pl2))['G7']).toBe('=IF(E7>0,ROUND(F7/E7*100,2),"")');
    });
  });
}
