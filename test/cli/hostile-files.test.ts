import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { soat } from '../support/cli';
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
