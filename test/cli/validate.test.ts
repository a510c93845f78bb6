import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSeedWorkbooks } from '../../scripts/seed-workbooks';
import { noteText } from '../../src/hosts/xlsx/snapshot';
import { soat } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'soat-cli-'));
const report = join(dir, 'seed-report.xlsx');
const unit = join(dir, 'unit-so-du-lich.xlsx');

beforeAll(async () => {
  const books = await buildSeedWorkbooks(readFileSync(join(__dirname, '..', 'fixtures', 'seed-9T-2024.txt'), 'utf8'));
  writeFileSync(report, books.get('seed-report.xlsx')!);
  writeFileSync(unit, books.get('unit-so-du-lich.xlsx')!);
});

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

describe('soat validate', () => {
  it('prints the JSON report of SPEC.md and exits 1 when errors are found', async () => {
    const { status, stdout, stderr } = await soat('validate', report, '--json');
    expect(status).toBe(1);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['files', 'sheets', 'findings', 'summary']);
    expect(json.files).toEqual([report]);
    expect(json.sheets[1]).toEqual({
      file: report,
      sheet: 'Phụ lục 2',
      appendix: 'PL2',
      headerRows: [4, 5],
      dataRows: 29,
    });
    expect(json.summary).toEqual({ error: 7, warning: 23, info: 27 });
    expect(
      json.findings.find((f: { cell: string; sheet: string }) => f.sheet === 'Phụ lục 2' && f.cell === 'F18'),
    ).toEqual({
      file: report,
      sheet: 'Phụ lục 2',
      row: 18,
      column: 'F',
      cell: 'F18',
      rule: 'part-exceeds-total',
      severity: 'error',
      message: '"Dịch vụ hành chính công toàn trình" (4) lớn hơn "Tổng số dịch vụ hành chính công trực tuyến" (1).',
      actual: 4,
      expected: 1,
      suggestion: { cell: 'E18', value: 4 },
    });
  });

  it('speaks English with --lang en and exits 0 on a workbook without errors', async () => {
    const { status, stdout } = await soat('validate', unit, '--lang', 'en');
    expect(status).toBe(0);
    expect(stdout).toContain('Total: 0 errors, 0 warnings, 0 info');
  });

  it('writes an annotated copy: fills and notes on the finding cells, values unchanged', async () => {
    const out = join(dir, 'annotated.xlsx');
    await soat('validate', report, '--out', out);
    const before = (await load(report)).getWorksheet('Phụ lục 2')!;
    const after = (await load(out)).getWorksheet('Phụ lục 2')!;
    after.eachRow((row, r) => row.eachCell((cell, c) => expect(cell.value).toEqual(before.getCell(r, c).value)));
    const fill = (address: string) => (after.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill('F18')).toBe('FFFFC7CE');
    expect(fill('G26')).toBe('FFFFEB9C');
    expect(fill('A18')).toBe('FFFDE9D9');
    expect(fill('D10')).toBeUndefined(); // info is not coloured
    expect(String(after.getCell('F18').note)).toContain('Gợi ý sửa: E18 = 4.');
  });

  it('signs a note of Soát\'s alone "Soát", and leaves a note with a human\'s text to its author', async () => {
    const source = join(dir, 'noted.xlsx');
    const workbook = await load(report);
    workbook.getWorksheet('Phụ lục 2')!.getCell('F18').note = 'Chị Lan: đã hỏi lại đơn vị';
    await workbook.xlsx.writeFile(source);
    const out = join(dir, 'noted.annotated.xlsx');
    await soat('validate', source, '--out', out);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const names = Object.keys(zip.files).filter((n) => /^xl\/comments\d*\.xml$/.test(n));
    const xml = (await Promise.all(names.map((n) => zip.file(n)!.async('string')))).join('');
    const authorOf = (ref: string) => new RegExp(`<comment ref="${ref}" authorId="(\\d+)"`).exec(xml)?.[1];
    expect(xml).toContain('<authors><author>Author</author><author>Soát</author></authors>');
    expect(authorOf('G26')).toBe('1'); // Soát's alone
    expect(authorOf('F18')).toBe('0'); // the human's note, with Soát's block under it
    const reread = (await load(out)).getWorksheet('Phụ lục 2')!;
    // The human's run is kept as it was and Soát's block is a run of its own: the note is rich text.
    expect(noteText(reread.getCell('F18').note)).toMatch(/^Chị Lan: đã hỏi lại đơn vị\n\n— Soát —\n\[Lỗi\]/);
  });

  it('reads the period end from --period-end', async () => {
    const { stdout } = await soat('validate', report, '--json', '--period-end', '2023-06-30');
    const late = JSON.parse(stdout)
      .findings.filter((f: { rule: string }) => f.rule === 'future-date')
      .map((f: { cell: string }) => f.cell);
    // Sở Du lịch T6/2024, Dương Kinh T8/2023 and T6/2024, An Lão 2024, Kiến An T1/2024.
    expect(late).toEqual(['D9', 'D46', 'D47', 'D54', 'D55']);
  });

  it('uses a registry file instead of the default one', async () => {
    const registry = join(dir, 'units.csv');
    writeFileSync(registry, 'STT,Tên đơn vị,Loại,Tên khác\n1,Sở Du lịch,sở,SDL\n');
    const { status, stdout } = await soat('validate', report, '--json', '--registry', registry);
    expect(status).toBe(1);
    const unknown = JSON.parse(stdout).findings.filter(
      (f: { rule: string; sheet: string }) => f.rule === 'unknown-unit' && f.sheet === 'Phụ lục 2',
    );
    expect(unknown).toHaveLength(28); // every unit but Sở Du lịch
  });
});

describe('soat errors', () => {
  it.each([
    [['frobnicate', 'x.xlsx'], 'soat: lệnh không rõ (unknown command): frobnicate\n'],
    [['validate'], 'soat: validate: thiếu tệp đầu vào (missing input file)\n'],
    [['compute', 'a.xlsx'], 'soat: compute: cần --out (needs --out)\n'],
    [['validate', 'a.xlsx', '--lang', 'fr'], 'soat: --lang phải là vi hoặc en (must be vi or en): fr\n'],
    [
      ['validate', 'a.xlsx', '--period-end', '2024-02-30'],
      'soat: --period-end cần dạng YYYY-MM-DD (needs YYYY-MM-DD): 2024-02-30\n',
    ],
  ])('%j exits 2 with one line on stderr', async (argv, message) => {
    const { status, stdout, stderr } = await soat(...argv);
    expect([status, stdout, stderr]).toEqual([2, '', message]);
  });

  it('exits 2 on a file that is not a workbook, and on one that does not exist', async () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a zip at all');
    const corrupt = await soat('validate', bad);
    expect(corrupt.status).toBe(2);
    expect(corrupt.stderr.split('\n')).toHaveLength(2);
    expect(corrupt.stderr).toMatch(/^soat: /);
    const missing = await soat('validate', join(dir, 'nothing.xlsx'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^soat: .*nothing\.xlsx/);
  });
});

describe('soat compute and clear', () => {
  it('writes G and I formulas into blank cells only, mismatches with --overwrite', async () => {
    const source = join(dir, 'blank-ratios.xlsx');
    const workbook = await load(report);
    const sheet = workbook.getWorksheet('Phụ lục 2')!;
    sheet.getCell('G7').value = null; // Công an thành phố: 70 / 125
    await workbook.xlsx.writeFile(source);

    const out = join(dir, 'computed.xlsx');
    expect((await soat('compute', source, '--out', out)).status).toBe(0);
    const computed = (await load(out)).getWorksheet('Phụ lục 2')!;
    expect(computed.getCell('G7').value).toMatchObject({ formula: 'IF(E7>0,ROUND(F7/E7*100,2),"")' });
    expect(computed.getCell('I17').value).toBe(39.32); // a mismatch is kept without --overwrite

    const forced = join(dir, 'forced.xlsx');
    const { stdout } = await soat('compute', source, '--out', forced, '--overwrite', '--json');
    expect(JSON.parse(stdout).written).toContainEqual({ sheet: 'Phụ lục 2', cell: 'I17', previous: 39.32 });
    expect((await load(forced)).getWorksheet('Phụ lục 2')!.getCell('I17').value).toMatchObject({
      formula: 'IF(E17>0,ROUND(H17/E17*100,2),"")',
    });
  });

  it('writes each formula with its result, so that validating the computed file finds the cells filled', async () => {
    const source = join(dir, 'blank-ratios-again.xlsx');
    const workbook = await load(report);
    const sheet = workbook.getWorksheet('Phụ lục 2')!;
    sheet.getCell('G7').value = null; // Công an thành phố: 70 / 125
    sheet.getCell('I7').value = null;
    await workbook.xlsx.writeFile(source);
    const out = join(dir, 'computed-again.xlsx');
    expect((await soat('compute', source, '--out', out)).status).toBe(0);
    const computed = (await load(out)).getWorksheet('Phụ lục 2')!;
    expect(computed.getCell('G7').value).toEqual({ formula: 'IF(E7>0,ROUND(F7/E7*100,2),"")', result: 56 });
    expect(computed.getCell('I7').value).toEqual({ formula: 'IF(E7>0,ROUND(H7/E7*100,2),"")', result: 44 });
    const { stdout } = await soat('validate', out, '--json');
    const onRow7 = JSON.parse(stdout).findings.filter(
      (f: { sheet: string; row: number }) => f.sheet === 'Phụ lục 2' && f.row === 7,
    );
    expect(onRow7).toEqual([]);
  });

  it('reads a formula saved without its result as what it computes, not as blank', async () => {
    const source = join(dir, 'uncached.xlsx');
    const workbook = await load(report);
    workbook.getWorksheet('Phụ lục 2')!.getCell('G7').value = {
      formula: 'IF(E7>0,ROUND(F7/E7*100,2),"")',
    } as ExcelJS.CellFormulaValue;
    await workbook.xlsx.writeFile(source);
    const { stdout } = await soat('validate', source, '--json');
    const g7 = JSON.parse(stdout).findings.filter(
      (f: { sheet: string; cell: string }) => f.sheet === 'Phụ lục 2' && f.cell === 'G7',
    );
    expect(g7).toEqual([]);
  });

  it('clear puts the original fills back and removes the notes', async () => {
    const source = join(dir, 'prefilled.xlsx');
    const workbook = await load(report);
    const yellow: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    const f18 = workbook.getWorksheet('Phụ lục 2')!.getCell('F18');
    f18.style = { ...f18.style, fill: yellow }; // ExcelJS shares loaded styles: never mutate one in place
    await workbook.xlsx.writeFile(source);
    const annotated = join(dir, 'prefilled.annotated.xlsx');
    const cleared = join(dir, 'prefilled.cleared.xlsx');
    await soat('validate', source, '--out', annotated);
    expect((await soat('clear', annotated, '--out', cleared)).status).toBe(0);
    const sheet = (await load(cleared)).getWorksheet('Phụ lục 2')!;
    expect(sheet.getCell('F18').fill).toEqual(yellow);
    expect((sheet.getCell('G26').fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    expect(sheet.getCell('F18').note).toBeUndefined();
  });
});
