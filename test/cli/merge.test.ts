import * as ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { seedWorkbooks } from '../hosts/xlsx/seed';
import { soat } from '../support/cli';
import { pl2Header } from '../support/grids';

/** `soat merge` and `soat template`, run in-process: exit status, JSON report, files written. */

const dir = mkdtempSync(join(tmpdir(), 'soat-merge-'));
const units = join(dir, 'units');
const mixed = join(dir, 'mixed');

beforeAll(async () => {
  mkdirSync(units);
  mkdirSync(mixed);
  for (const [name, bytes] of await seedWorkbooks())
    if (name.startsWith('unit-')) writeFileSync(join(units, name), bytes);
  copyFileSync(join(units, 'unit-so-du-lich.xlsx'), join(mixed, 'unit-so-du-lich.xlsx'));
  writeFileSync(join(mixed, 'hong.xlsx'), (await seedWorkbooks()).get('unit-so-tu-phap.xlsx')!.subarray(0, 1500));
  writeFileSync(join(mixed, 'ghi-chu.txt'), 'not a workbook, not in the merge');
  writeFileSync(join(mixed, '~$unit-so-du-lich.xlsx'), 'an Excel lock file');
});

async function sheetNames(path: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((s) => s.name);
}

describe('soat merge', () => {
  it('merges a folder of unit files, prints the JSON report and exits 1 when errors are found', async () => {
    const out = join(dir, 'consolidated.xlsx');
    const { status, stdout, stderr } = await soat('merge', units, '--out', out, '--json', '--period-end', '2024-09-30');
    expect([status, stderr]).toEqual([1, '']);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['files', 'sheets', 'findings', 'summary', 'output']);
    expect(json.files).toHaveLength(32);
    expect(json.files[0]).toBe(join(units, 'unit-bao-hiem-xa-hoi-thanh-pho.xlsx'));
    expect(json.summary.error).toBe(7);
    expect(json.findings.filter((f: { file: string }) => f.file === null)).toEqual([]);
    expect(await sheetNames(out)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Tổng hợp']);
  });

  it('reports an unreadable file at file level, merges the rest, ignores what is no workbook', async () => {
    const out = join(dir, 'mixed.xlsx');
    const { status, stdout } = await soat('merge', mixed, '--out', out, '--json');
    expect(status).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.files).toEqual([join(mixed, 'hong.xlsx'), join(mixed, 'unit-so-du-lich.xlsx')]);
    expect(json.findings).toEqual([
      {
        file: join(mixed, 'hong.xlsx'),
        sheet: '',
        row: 0,
        column: '',
        cell: '',
        rule: 'unreadable-file',
        severity: 'error',
        message: 'Không đọc được tệp: Tệp bị hỏng, không mở được như một bảng tính .xlsx. Tệp này bị bỏ qua.',
        actual: 'corrupt',
      },
    ]);
    expect(json.summary).toEqual({ error: 1, warning: 0, info: 0 });
  });

  it('exits 0 on clean files, and leaves its own output out of a second run on the same folder', async () => {
    const folder = join(dir, 'clean');
    mkdirSync(folder);
    copyFileSync(join(units, 'unit-so-du-lich.xlsx'), join(folder, 'unit-so-du-lich.xlsx'));
    const out = join(folder, 'tong-hop.xlsx');
    expect((await soat('merge', folder, '--out', out)).status).toBe(0);
    const again = await soat('merge', folder, '--out', out, '--json', '--lang', 'en');
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).files).toEqual([join(folder, 'unit-so-du-lich.xlsx')]);
  });

  it('reads a unit’s Phụ lục 2 sent as CSV (Excel’s ";" and decimal comma)', async () => {
    const csv = join(dir, 'unit-so-tu-phap.csv');
    const header = pl2Header.map((h) => `"${String(h).replace(/"/g, '""')}"`).join(';');
    writeFileSync(csv, `\uFEFF${header}\n1;Sở Tư pháp;5;2,4;93;76;81,72;17;18,28;51,9;100;x;1;x;;x;0\n`);
    const { status, stdout } = await soat('merge', csv, '--out', join(dir, 'csv.xlsx'), '--json');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.sheets).toEqual([
      { file: csv, sheet: 'unit-so-tu-phap', appendix: 'PL2', headerRows: [1], dataRows: 1 },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'csv.xlsx'));
    const row = workbook.getWorksheet('Phụ lục 2')!.getRow(6);
    expect([2, 4, 5, 10].map((c) => row.getCell(c).value)).toEqual(['Sở Tư pháp', 2.4, 93, 51.9]);
  });

  it('uses a registry file in place of the default', async () => {
    const registry = join(dir, 'registry.csv');
    writeFileSync(registry, 'STT,Tên đơn vị,Loại,Tên khác\n1,Sở Du lịch,sở,\n2,Sở Mới,sở,\n');
    const out = join(dir, 'registry.xlsx');
    expect(
      (await soat('merge', join(units, 'unit-so-du-lich.xlsx'), '--out', out, '--registry', registry)).status,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const pl1 = workbook.getWorksheet('Phụ lục 1')!;
    expect([6, 7, 8].map((r) => pl1.getCell(`B${r}`).value)).toEqual([
      'Sở Du lịch',
      'Các đơn vị chưa gửi báo cáo',
      'Sở Mới',
    ]);
  });

  it.each([
    [
      ['merge', 'khong-co-thu-muc', '--out', 'x.xlsx'],
      'soat: khong-co-thu-muc: không tìm thấy tệp hoặc thư mục (no such file or folder)\n',
    ],
    [['merge', 'a.xlsx'], 'soat: merge: cần --out (needs --out)\n'],
  ])('exits 2 with one line on unusable input: %j', async (argv, message) => {
    const { status, stdout, stderr } = await soat(...argv);
    expect([status, stdout, stderr]).toEqual([2, '', message]);
  });

  it('exits 2 naming the registry file and row when the registry cannot be used', async () => {
    const registry = join(dir, 'bad-registry.csv');
    writeFileSync(registry, 'STT,Tên đơn vị,Loại\n1,Sở Du lịch,sở\n2,Sở Du lịch,sở\n');
    const { status, stderr } = await soat('merge', units, '--out', join(dir, 'never.xlsx'), '--registry', registry);
    expect(status).toBe(2);
    expect(stderr).toBe(
      `soat: ${registry}: Danh mục đơn vị, dòng 3: "Sở Du lịch" trùng với "Sở Du lịch" ở dòng 2 (unit registry, row 3: "Sở Du lịch" is the same unit as "Sở Du lịch" on row 2)\n`,
    );
    expect(existsSync(join(dir, 'never.xlsx'))).toBe(false);
  });

  it('draws a progress bar on a terminal, and none under --json', async () => {
    const run = async (...argv: string[]) => {
      let stderr = '';
      await runCli(argv, { stdout: () => undefined, stderr: (t) => (stderr += t), isTTY: true });
      return stderr;
    };
    const bar = await run('merge', mixed, '--out', join(dir, 'bar.xlsx'));
    expect(bar).toContain('[############------------] 1/2');
    expect(bar).toContain('[########################] 2/2');
    expect(bar.endsWith('\r\x1b[K')).toBe(true);
    expect(await run('merge', mixed, '--out', join(dir, 'bar.xlsx'), '--json')).toBe('');
  });
});

describe('soat template', () => {
  it('writes the blank unit workbook, with its unit list and, out of sight, its report definition', async () => {
    const out = join(dir, 'UNIT_TEMPLATE.xlsx');
    const { status, stdout } = await soat('template', '--out', out);
    expect([status, stdout]).toEqual([
      0,
      `Đã tạo mẫu báo cáo đơn vị: Báo cáo 9T/2024 – KH 197/KH-UBND · 46 đơn vị.\n→ ${out}\n`,
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Phụ lục 2', 'visible'],
      ['Phụ lục 3', 'visible'],
      ['Danh mục đơn vị', 'visible'],
      ['_soat_mau', 'veryHidden'],
    ]);
    expect(workbook.getWorksheet('Danh mục đơn vị')!.getRow(2).values).toEqual([
      undefined,
      1,
      'Sở Kế hoạch và Đầu tư',
      'tổng hợp',
      '',
    ]);
    expect(workbook.getWorksheet('Phụ lục 2')!.getCell('G6').formula).toBe('IF(E6>0,ROUND(F6/E6*100,2),"")');
  });
});
