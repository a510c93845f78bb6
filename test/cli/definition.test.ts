import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { soat } from '../support/cli';

/** `--definition`: a wrong definition stops every command before any workbook is read. */

const dir = mkdtempSync(join(tmpdir(), 'soat-definition-'));
const builtin = JSON.parse(readFileSync(join(__dirname, '..', '..', 'definitions', 'hp-kh197-9t2024.json'), 'utf8'));

function definitionFile(name: string, change: (d: typeof builtin) => void): string {
  const copy = structuredClone(builtin);
  change(copy);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(copy));
  return path;
}

describe('soat --definition', () => {
  const ratioOverText = definitionFile('ratio-over-text.json', (d) => {
    d.appendices[1].columns[6].ratio = { part: 'B', total: 'E' };
  });

  test.each([
    ['validate', ['validate', join(dir, 'khong-co.xlsx')]],
    ['compute', ['compute', join(dir, 'khong-co.xlsx'), '--out', join(dir, 'c.xlsx')]],
    ['merge', ['merge', join(dir, 'khong-co'), '--out', join(dir, 'm.xlsx')]],
    ['template', ['template', '--out', join(dir, 't.xlsx')]],
  ])('%s refuses a ratio over the unit column with exit 2, naming the file and the field', async (_, argv) => {
    // The workbook named does not exist: the definition is refused first.
    const { status, stdout, stderr } = await soat(...argv, '--definition', ratioOverText);
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      `soat: Mẫu báo cáo ${ratioOverText}, appendices[1].columns[6].ratio.part: cột "B" là cột tên đơn vị, ở đây cần cột số đếm hoặc số thập phân (report definition ${ratioOverText}, appendices[1].columns[6].ratio.part: column "B" is of type "unit"; a count or decimal column is needed here)\n`,
    );
  });

  test('a definition file that does not exist is unusable input', async () => {
    const missing = join(dir, 'khong-co.json');
    const { status, stderr } = await soat('template', '--out', join(dir, 't.xlsx'), '--definition', missing);
    expect([status, stderr]).toEqual([
      2,
      `soat: ${missing}: không đọc được tệp mẫu báo cáo (cannot read the report definition)\n`,
    ]);
  });
});
