/**
 * The built-in report, now read from its definition file, gives exactly what the compiled rules
 * gave: the JSON reports of validate, compute and merge, the text report, and every cell, note
 * and fill of the files they write, compared with what was recorded before (test/fixtures/
 * before-definitions, written by the same commands on the same seed workbooks).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAddress } from '../../src/core/address';
import { soatEndMarker, soatMarker } from '../../src/core/report/annotation';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/read';
import { seedWorkbooks } from '../hosts/xlsx/seed';
import { soat } from '../support/cli';

const before = join(__dirname, '..', 'fixtures', 'before-definitions');
const dir = mkdtempSync(join(tmpdir(), 'soat-unchanged-'));
const fixtures = join(dir, 'fixtures');
const report = join(fixtures, 'seed-report.xlsx');

/** Paths as they were when the fixtures were recorded, from the repository's root. */
function asRecorded(text: string): string {
  return text.split(`${fixtures}/`).join('out/fixtures/');
}

function recorded(name: string): string {
  return readFileSync(join(before, name), 'utf8');
}

/**
 * A recorded workbook as the current format writes it, two changes made since on purpose: Soát's
 * note block now ends with its own closing line, and a percentage formula written by Compute
 * carries its result (worked out here from the recorded counts), where it used to have none.
 */
function recordedNow(name: string): string {
  const snapshot = JSON.parse(recorded(name)) as WorkbookSnapshot;
  const sheets = snapshot.sheets.map((sheet) => {
    const notes = sheet.notes
      ? Object.fromEntries(
          Object.entries(sheet.notes).map(([cell, text]) => [
            cell,
            text.includes(soatMarker) ? `${text}\n${soatEndMarker}` : text,
          ]),
        )
      : undefined;
    const values = sheet.values.map((row, r) =>
      row.map((value, c) => {
        const formula = sheet.formulas?.[r]?.[c];
        const ratio = formula && /^IF\(([A-Z]+\d+)>0,ROUND\(([A-Z]+\d+)\/\1\*100,2\),""\)$/.exec(formula);
        if (value !== null || !ratio) return value;
        const at = (address: string) => {
          const { row: ar, col } = parseAddress(address);
          return sheet.values[ar - 1]?.[col - 1];
        };
        const total = at(ratio[1]!);
        const part = at(ratio[2]!);
        if (typeof total !== 'number' || total <= 0) return '';
        return Math.round(((typeof part === 'number' ? part : 0) / total) * 100 * 100) / 100;
      }),
    );
    return { ...sheet, values, ...(notes ? { notes } : {}) };
  });
  return JSON.stringify({ ...snapshot, sheets }, null, 1);
}

async function snapshotOf(path: string): Promise<string> {
  const { snapshot } = await readWorkbookBuffer(readFileSync(path), 'x.xlsx');
  return asRecorded(JSON.stringify(snapshot, null, 1));
}

beforeAll(async () => {
  mkdirSync(join(fixtures, 'units'), { recursive: true });
  for (const [name, bytes] of await seedWorkbooks()) {
    writeFileSync(join(fixtures, name.startsWith('unit-') ? join('units', name) : name), bytes);
  }
});

describe('the seed report through the built-in definition', () => {
  test.each([
    ['validate.vi.json', ['--json']],
    ['validate.en.json', ['--json', '--lang', 'en']],
    ['validate.vi.txt', []],
  ])('validate %s is byte for byte as before', async (name, flags) => {
    const { stdout } = await soat('validate', report, ...flags);
    expect(asRecorded(stdout)).toBe(recorded(name));
  });

  test('the annotated copy holds the same cells, notes and fills', async () => {
    const out = join(dir, 'annotated.xlsx');
    await soat('validate', report, '--out', out);
    expect(await snapshotOf(out)).toBe(recordedNow('annotated.snapshot.json'));
  });

  test('compute reports and writes the same formulas, with and without --overwrite', async () => {
    const out = join(dir, 'computed.xlsx');
    const { stdout } = await soat('compute', report, '--out', out, '--json');
    expect(asRecorded(stdout).replace(JSON.stringify(out), '"/tmp/c.xlsx"')).toBe(recorded('compute.json'));
    expect(await snapshotOf(out)).toBe(recordedNow('compute.snapshot.json'));
    const overwritten = join(dir, 'overwritten.xlsx');
    await soat('compute', report, '--out', overwritten, '--overwrite');
    expect(await snapshotOf(overwritten)).toBe(recordedNow('compute-overwrite.snapshot.json'));
  });

  test('merge reports the same findings and writes the same consolidated workbook, plus the count by group', async () => {
    const out = join(dir, 'merged.xlsx');
    const { stdout } = await soat('merge', join(fixtures, 'units'), '--out', out, '--json');
    expect(asRecorded(stdout).replace(JSON.stringify(out), '"/tmp/m.xlsx"')).toBe(recorded('merge.vi.json'));
    const now = JSON.parse(await snapshotOf(out)) as WorkbookSnapshot;
    const then = JSON.parse(recordedNow('merge.snapshot.json')) as WorkbookSnapshot;
    // The summary gained one section at its end, the units counted by group: all above it is as before.
    const summary = now.sheets.find((s) => s.name === 'Tổng hợp')!;
    const length = then.sheets.find((s) => s.name === 'Tổng hợp')!.values.length;
    const added = summary.values.slice(length);
    const cut = { ...summary, values: summary.values.slice(0, length) } as Record<string, unknown>;
    for (const key of ['numberFormats', 'formulas'] as const)
      if (summary[key]) cut[key] = summary[key]!.slice(0, length);
    const sheets = now.sheets.map((s) => (s.name === 'Tổng hợp' ? cut : s));
    expect(JSON.stringify({ ...now, sheets }, null, 1)).toBe(JSON.stringify(then, null, 1));
    expect(added).toEqual([
      [],
      ['V. THEO NHÓM ĐƠN VỊ'],
      ['Nhóm đơn vị', 'Số đơn vị trong danh mục', 'Số đơn vị đã gửi báo cáo', 'Số đơn vị chưa gửi báo cáo'],
      ['Sở, ban, ngành', 27, 19, 8],
      ['Quận, huyện', 15, 13, 2],
      ['Khác', 4, 0, 4],
    ]);
  });
});
