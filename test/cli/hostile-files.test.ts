import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { seedWorkbooks } from '../hosts/xlsx/seed';
import { soat } from '../support/cli';
import { declaringSize } from '../support/zip';
import { pl3Header } from '../support/grids';

/** Files a unit may send that are no fault of Soát's to choke on: each is a finding or one line. */

const dir = mkdtempSync(join(tmpdir(), 'soat-hostile-'));

async function write(name: string, fill: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  const path = join(dir, name);
  writeFileSync(path, Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return path;
}

interface JsonFinding {
  cell: string;
  rule: string;
  actual: unknown;
}

describe('a date cell that holds no date', () => {
  let file: string;
  beforeAll(async () => {
    file = await write('bad-dates.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Phụ lục 3');
      sheet.addRow(pl3Header);
      sheet.addRow([1, 'Sở Du lịch', '1. Mô hình một', 'T1/2023']);
      sheet.addRow([null, null, '2. Mô hình hai', 1e20]);
      sheet.addRow([null, null, '3. Mô hình ba', { formula: '1/0', result: { error: '#DIV/0!' } }]);
      sheet.getCell('D3').numFmt = 'dd/mm/yyyy';
      sheet.getCell('D4').numFmt = 'dd/mm/yyyy';
    });
  });

  const dateFindings = (stdout: string): [string, string, unknown][] =>
    (JSON.parse(stdout).findings as JsonFinding[])
      .filter((f) => f.cell.startsWith('D'))
      .map((f) => [f.cell, f.rule, f.actual]);

  it('validate reports invalid-date with the value the file holds, and exits 1', async () => {
    const { status, stdout, stderr } = await soat('validate', file, '--json', '--period-end', '2024-09-30');
    expect([status, stderr]).toEqual([1, '']);
    expect(dateFindings(stdout)).toEqual([
      ['D3', 'invalid-date', 1e20],
      ['D4', 'invalid-date', '#DIV/0!'],
    ]);
  });

  it('compute and merge go on past it', async () => {
    const computed = await soat('compute', file, '--out', join(dir, 'bad-dates.computed.xlsx'));
    expect([computed.status, computed.stderr]).toEqual([0, '']);
    const merged = await soat('merge', file, '--out', join(dir, 'bad-dates.merged.xlsx'), '--json');
    expect([merged.status, merged.stderr]).toEqual([1, '']);
    expect(dateFindings(merged.stdout)).toEqual([
      ['D3', 'invalid-date', 1e20],
      ['D4', 'invalid-date', '#DIV/0!'],
    ]);
  });
});

describe('--out never overwrites what is read, and a write is all or nothing', () => {
  let folder: string;
  let report: string;
  let original: Buffer;
  beforeAll(async () => {
    folder = mkdtempSync(join(dir, 'out-'));
    report = join(folder, 'bao-cao.xlsx');
    original = (await seedWorkbooks()).get('seed-report.xlsx')!;
    writeFileSync(report, original);
  });
  const refused = (out: string) =>
    `soat: --out ${out} là tệp đầu vào; dùng --in-place để ghi đè lên nó (--out is an input file; use --in-place to overwrite it)\n`;

  it('refuses --out equal to the input, by its own name, another spelling, or a symlink', async () => {
    const link = join(folder, 'lien-ket.xlsx');
    symlinkSync(report, link);
    for (const out of [report, join(folder, '..', basename(folder), 'bao-cao.xlsx'), link]) {
      const { status, stdout, stderr } = await soat('validate', report, '--out', out);
      expect([status, stdout, stderr]).toEqual([2, '', refused(out)]);
    }
    const computed = await soat('compute', link, '--out', report);
    expect([computed.status, computed.stderr]).toEqual([2, refused(report)]);
    expect(readFileSync(report).equals(original)).toBe(true);
  });

  it('refuses merge --out naming one of its input files', async () => {
    const unit = join(folder, 'unit.xlsx');
    writeFileSync(unit, (await seedWorkbooks()).get('unit-so-du-lich.xlsx')!);
    const { status, stderr } = await soat('merge', report, unit, '--out', report);
    expect([status, stderr]).toEqual([2, refused(report)]);
    expect(readFileSync(report).equals(original)).toBe(true);
  });

  it('writes over the input with --in-place, through a temporary file that does not stay', async () => {
    const copy = join(folder, 'tai-cho.xlsx');
    writeFileSync(copy, original);
    const { status, stdout } = await soat('validate', copy, '--in-place');
    expect(status).toBe(1);
    expect(stdout.endsWith(`→ ${copy}\n`)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(copy) as unknown as ArrayBuffer);
    expect(String(workbook.getWorksheet('Phụ lục 2')!.getCell('F18').note)).toContain('— Soát —');
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves what is at --out untouched when the write fails, and says so in one line', async () => {
    const blocked = join(folder, 'ket-qua.xlsx');
    mkdirSync(blocked);
    writeFileSync(join(blocked, 'giu-nguyen.txt'), 'x');
    const { status, stderr } = await soat('validate', report, '--out', blocked);
    expect(status).toBe(2);
    expect(stderr).toBe(
      `soat: ${blocked}: không ghi được tệp, không có gì bị thay đổi (cannot write the file, nothing was changed): là một thư mục, không phải tệp (is a folder, not a file)\n`,
    );
    expect(readdirSync(blocked)).toEqual(['giu-nguyen.txt']);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('one bilingual line for what the file system says', () => {
  it('a folder given as the file, and a missing file', async () => {
    const folder = await soat('validate', dir);
    expect([folder.status, folder.stderr]).toEqual([
      2,
      `soat: ${dir}: là một thư mục, không phải tệp (is a folder, not a file)\n`,
    ]);
    const missing = join(dir, 'khong-co.xlsx');
    const gone = await soat('compute', missing, '--out', join(dir, 'x.xlsx'));
    expect([gone.status, gone.stderr]).toEqual([2, `soat: ${missing}: không tìm thấy tệp (no such file)\n`]);
    const registry = await soat('validate', join(dir, 'bad-dates.xlsx'), '--registry', join(dir, 'khong-co.csv'));
    expect(registry.stderr).toBe(`soat: ${join(dir, 'khong-co.csv')}: không tìm thấy tệp (no such file)\n`);
  });
});

describe('small things a folder or a cell may hold', () => {
  it('an .ods file in a merged folder is reported as not supported, not ignored', async () => {
    const folder = mkdtempSync(join(dir, 'ods-'));
    writeFileSync(join(folder, 'unit.xlsx'), (await seedWorkbooks()).get('unit-so-du-lich.xlsx')!);
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    zip.file('content.xml', '<office:document-content/>');
    writeFileSync(join(folder, 'so-tu-phap.ods'), await zip.generateAsync({ type: 'nodebuffer' }));
    const { status, stdout } = await soat('merge', folder, '--out', join(dir, 'ods-merged.xlsx'), '--json');
    expect(status).toBe(1);
    const unreadable = JSON.parse(stdout).findings.filter((f: { rule: string }) => f.rule === 'unreadable-file');
    expect(unreadable.map((f: { file: string; message: string }) => [f.file, f.message])).toEqual([
      [
        join(folder, 'so-tu-phap.ods'),
        'Không đọc được tệp: Tệp ở định dạng OpenDocument (.ods), Soát chưa đọc được; hãy lưu lại thành .xlsx. Tệp này bị bỏ qua.',
      ],
    ]);
  });

  it('#NAME? in the unit column is an error value, not a blank name', async () => {
    const file = await write('name-error.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Phụ lục 3');
      sheet.addRow(pl3Header);
      sheet.addRow([1, { formula: 'TENDONVI()', result: { error: '#NAME?' } }, '1. Mô hình', 'T1/2023']);
    });
    const { stdout } = await soat('validate', file, '--json', '--period-end', '2024-09-30');
    expect((JSON.parse(stdout).findings as JsonFinding[]).map((f) => [f.cell, f.rule, f.actual])).toEqual([
      ['B2', 'formula-error', '#NAME?'],
    ]);
  });
});

describe('a file over the limits', () => {
  it('validate answers in one line with exit 2; merge skips the file as unreadable', async () => {
    const source = await write('lon.xlsx', (workbook) => workbook.addWorksheet('Phụ lục 2').addRow([1]));
    const bytes = declaringSize(readFileSync(source), 'xl/worksheets/sheet1.xml', 400 * 1024 * 1024);
    writeFileSync(source, bytes);
    const { status, stdout, stderr } = await soat('validate', source);
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      `soat: ${source}: Tệp vượt giới hạn Soát đọc được: phần "xl/worksheets/sheet1.xml" giải nén ra 400 MB, vượt giới hạn 100 MB. / ` +
        'The file is over the limits Soát reads: part "xl/worksheets/sheet1.xml" unpacks to 400 MB, over the limit of 100 MB.\n',
    );
    const merged = await soat('merge', source, '--out', join(dir, 'lon.merged.xlsx'), '--json');
    expect(merged.status).toBe(1);
    expect((JSON.parse(merged.stdout).findings as JsonFinding[]).map((f) => [f.rule, f.actual])).toEqual([
      ['unreadable-file', 'too-large'],
    ]);
  });
});

describe('a hand-edited _soat sheet', () => {
  it('clear leaves out the rows it cannot read, with a warning, and restores the rest', async () => {
    const source = join(dir, 'ghi-tay.xlsx');
    writeFileSync(source, (await seedWorkbooks()).get('seed-report.xlsx')!);
    const annotated = join(dir, 'ghi-tay.annotated.xlsx');
    await soat('validate', source, '--out', annotated);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(annotated);
    const record = workbook.getWorksheet('_soat')!;
    const rows = [1, 2, 3].map((r) => [record.getCell(r, 1).value, record.getCell(r, 2).value]);
    record.getCell(1, 3).value = 'json:{"type":"pattern",';
    record.getCell(2, 3).value = 'đỏ';
    await workbook.xlsx.writeFile(annotated);

    const cleared = join(dir, 'ghi-tay.cleared.xlsx');
    const { status, stderr } = await soat('clear', annotated, '--out', cleared);
    expect(status).toBe(0);
    expect(stderr).toBe(
      'soat: cảnh báo: dòng 1 của trang _soat ghi màu không đọc được ("json:{\\"type\\":\\"pattern\\","), bỏ qua / warning: row 1 of the _soat sheet holds an unreadable fill, ignored\n' +
        'soat: cảnh báo: dòng 2 của trang _soat ghi màu không đọc được ("đỏ"), bỏ qua / warning: row 2 of the _soat sheet holds an unreadable fill, ignored\n',
    );
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(cleared);
    const [sheet, cell] = rows[2] as [string, string];
    // Row 3 was whole: its cell is back to no fill.
    expect((after.getWorksheet(sheet)!.getCell(cell).fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe(
      'none',
    );
  });
});

describe('parts of the input Soát did not create', () => {
  it('validate --out on a consolidated workbook keeps its chart and drawing byte for byte, and says nothing of them', async () => {
    const folder = mkdtempSync(join(dir, 'chart-'));
    writeFileSync(join(folder, 'unit.xlsx'), (await seedWorkbooks()).get('unit-so-du-lich.xlsx')!);
    const consolidated = join(dir, 'tong-hop.xlsx');
    await soat('merge', folder, '--out', consolidated);
    const checked = join(dir, 'tong-hop.checked.xlsx');
    const { status, stderr } = await soat('validate', consolidated, '--out', checked);
    expect([status, stderr]).toEqual([0, '']);
    const before = await JSZip.loadAsync(readFileSync(consolidated));
    const after = await JSZip.loadAsync(readFileSync(checked));
    const drawingParts = ['xl/charts/chart1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/drawing1.xml'];
    for (const part of drawingParts) {
      expect([part, await after.file(part)?.async('string')]).toEqual([part, await before.file(part)!.async('string')]);
    }
  });
});
