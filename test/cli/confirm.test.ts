import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { soatEndMarker, soatMarker } from '../../src/core/report/annotation';
import { noteText } from '../../src/hosts/xlsx/snapshot';
import { seedFile } from '../hosts/xlsx/seed';
import { soat } from '../support/cli';

/**
 * A reviewer's confirmation through the .xlsx host and the CLI: a unit's file whose C6 (a count)
 * holds 10.5 is a `not-integer` error until a line in C6's note confirms it.
 */

const dir = mkdtempSync(join(tmpdir(), 'soat-confirm-'));
const human = 'Lan đã gọi điện hỏi lại ngày 3/10.\n  Đơn vị giữ số này.  ';
const line = 'Soát: xác nhận not-integer = 10,5 — đơn vị tính cả thủ tục liên thông nửa năm';
const reason = 'đơn vị tính cả thủ tục liên thông nửa năm';

interface JsonFinding {
  sheet: string;
  cell: string;
  rule: string;
  severity: string;
  confirmed?: string;
  expected?: unknown;
}

/** Sở Du lịch's file with C6 = `value` and, when given, C6's note. */
async function unitFile(name: string, value: number, note?: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await seedFile('unit-so-du-lich.xlsx')) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Phụ lục 2')!;
  sheet.getCell('C6').value = value;
  if (note !== undefined) sheet.getCell('C6').note = note;
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}

async function validateJson(path: string): Promise<{ status: number; findings: JsonFinding[]; summary: unknown }> {
  const { status, stdout, stderr } = await soat('validate', path, '--json');
  expect(stderr).toBe('');
  const json = JSON.parse(stdout) as { findings: JsonFinding[]; summary: unknown };
  return { status, findings: json.findings, summary: json.summary };
}

const at = (findings: readonly JsonFinding[], cell: string) =>
  findings.filter((f) => f.sheet === 'Phụ lục 2' && f.cell === cell);

async function sheetOf(path: string, name: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.getWorksheet(name)!;
}

const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

describe('a finding confirmed in its cell’s note', () => {
  it('is an error without the line', async () => {
    const { status, findings, summary } = await validateJson(await unitFile('plain.xlsx', 10.5));
    expect(status).toBe(1);
    expect(at(findings, 'C6')).toEqual([expect.objectContaining({ rule: 'not-integer', severity: 'error' })]);
    expect(at(findings, 'C6')[0]).not.toHaveProperty('confirmed');
    expect(summary).toEqual({ error: 1, warning: 0, info: 0 });
  });

  it('is reported confirmed with its reason, counted apart, and the exit status is 0', async () => {
    const path = await unitFile('confirmed.xlsx', 10.5, `${human}\n${line}`);
    const { status, findings, summary } = await validateJson(path);
    expect(status).toBe(0);
    expect(at(findings, 'C6')).toEqual([
      expect.objectContaining({ rule: 'not-integer', severity: 'error', confirmed: reason }),
    ]);
    expect(summary).toEqual({ error: 0, warning: 0, info: 0, confirmed: 1 });
    const text = await soat('validate', path);
    expect(text.stdout).toContain(`[đã xác nhận: ${reason}]`);
    expect(text.stdout).toContain('Tổng cộng: 0 lỗi, 0 cảnh báo, 0 thông tin, 1 đã xác nhận');
    const english = await soat('validate', path, '--lang', 'en');
    expect(english.stdout).toContain(`[confirmed: ${reason}]`);
  });

  it('holds through NFD Vietnamese and stray spacing, and in English', async () => {
    const typed = `  soát :  XÁC NHẬN   [not-integer]   =   10.5   -   ${reason}`.normalize('NFD');
    const vi = await validateJson(await unitFile('nfd.xlsx', 10.5, typed));
    expect(at(vi.findings, 'C6')[0]?.confirmed).toBe(reason);
    const en = await validateJson(await unitFile('en.xlsx', 10.5, 'Soát: confirmed = 10.5 — checked by phone'));
    expect(at(en.findings, 'C6')[0]?.confirmed).toBe('checked by phone');
  });

  it('is not coloured in the annotated copy, stays confirmed when validated again, and the human text is kept', async () => {
    const path = await unitFile('to-annotate.xlsx', 10.5, `${human}\n${line}`);
    const out = join(dir, 'annotated.xlsx');
    expect((await soat('validate', path, '--out', out)).status).toBe(0);
    const sheet = await sheetOf(out, 'Phụ lục 2');
    expect(fillOf(sheet.getCell('C6'))).toBeUndefined();
    expect(fillOf(sheet.getCell('A6'))).toBeUndefined();
    const note = noteText(sheet.getCell('C6').note) ?? '';
    expect(note.startsWith(`${human}\n${line}\n\n${soatMarker}\n`)).toBe(true);
    expect(note).toContain(`[Lỗi — đã xác nhận: ${reason}]`);
    expect(note.endsWith(soatEndMarker)).toBe(true);

    const again = await validateJson(out);
    expect(again.status).toBe(0);
    expect(at(again.findings, 'C6')[0]?.confirmed).toBe(reason);
    const out2 = join(dir, 'annotated-again.xlsx');
    await soat('validate', out, '--out', out2);
    expect(noteText((await sheetOf(out2, 'Phụ lục 2')).getCell('C6').note)).toBe(note);
  });

  it('lapses when the value changed: the error is back, with an info finding saying why', async () => {
    const path = await unitFile('changed.xlsx', 11.5, `${human}\n${line}`);
    const { status, findings, summary } = await validateJson(path);
    expect(status).toBe(1);
    expect(at(findings, 'C6').map((f) => [f.rule, f.severity, f.confirmed ?? null, f.expected ?? null])).toEqual([
      ['not-integer', 'error', null, null],
      ['confirmation-lapsed', 'info', null, '10,5'],
    ]);
    expect(summary).toEqual({ error: 1, warning: 0, info: 1 });
  });

  it('goes with the value through merge: the consolidated cell carries the line and the summary counts it', async () => {
    const units = join(dir, 'units');
    mkdirSync(units);
    writeFileSync(join(units, 'unit-so-tu-phap.xlsx'), await seedFile('unit-so-tu-phap.xlsx'));
    writeFileSync(
      join(units, 'unit-so-du-lich.xlsx'),
      readFileSync(await unitFile('merge-in.xlsx', 10.5, `${human}\n${line}`)),
    );
    const out = join(dir, 'consolidated.xlsx');
    const merged = await soat('merge', units, '--out', out, '--json');
    const json = JSON.parse(merged.stdout) as { findings: JsonFinding[]; summary: { confirmed?: number } };
    expect(json.findings.filter((f) => f.confirmed !== undefined).map((f) => [f.cell, f.rule, f.confirmed])).toEqual([
      ['C6', 'not-integer', reason],
    ]);
    expect(json.summary.confirmed).toBe(1);

    const pl2 = await sheetOf(out, 'Phụ lục 2');
    let cell: ExcelJS.Cell | undefined;
    pl2.eachRow((row) =>
      row.eachCell((c) => {
        if (String(c.note ?? '').includes(line)) cell = c;
      }),
    );
    expect(cell?.value).toBe(10.5);
    expect((noteText(cell!.note) ?? '').startsWith(`${line}\n\n${soatMarker}`)).toBe(true);
    expect(fillOf(cell!)).toBeUndefined();

    const summary = await sheetOf(out, 'Tổng hợp');
    const rows: unknown[][] = [];
    summary.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.find((r) => r[0] === 'Đơn vị');
    expect(header?.slice(0, 4)).toEqual(['Đơn vị', 'Lỗi', 'Cảnh báo', 'Đã xác nhận']);
    expect(rows.find((r) => r[0] === 'Sở Du lịch')?.slice(0, 4)).toEqual(['Sở Du lịch', 0, 0, 1]);

    // The consolidated workbook validated on its own: the carried line still confirms the cell.
    const again = await validateJson(out);
    const confirmed = again.findings.filter((f) => f.confirmed !== undefined);
    expect(confirmed.map((f) => [f.sheet, f.cell, f.rule, f.confirmed])).toEqual([
      ['Phụ lục 2', cell!.address, 'not-integer', reason],
    ]);
  });
});
