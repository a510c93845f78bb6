import { checkWorkbook } from '../../../src/core/check';
import { computePlan } from '../../../src/core/compute/percentages';
import { annotationPlan } from '../../../src/core/report/annotations';
import type { CellWrite, EditPlan } from '../../../src/core/plan';
import type { CellValue } from '../../../src/core/snapshot';
import { GsheetsHost } from '../../../src/hosts/gsheets/host';
import { FakeSpreadsheet, readMethods, writeMethods } from '../../support/fake-spreadsheet-app';
import type { FakeSheet } from '../../support/fake-spreadsheet-app';
import { cellsAndRules, pl2Header, pl2Row, sheet } from '../../support/grids';

const periodEnd = new Date(Date.UTC(2024, 8, 30));

/** A Phụ lục 2 of `rows` units; every third row's total disagrees with its parts. */
function indicatorSheet(rows: number): CellValue[][] {
  const units = ['Sở Tư pháp', 'Sở Y tế', 'Sở Du lịch', 'Sở Xây dựng'];
  return [
    ['PHỤ LỤC 2'],
    pl2Header,
    ...Array.from({ length: rows }, (_, i) => pl2Row(i + 1, units[i % units.length]!, i % 3 === 0 ? { E: 30 } : {})),
  ];
}

function spreadsheetWith(values: CellValue[][], extra: Parameters<typeof sheet>[2] = {}): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet([]);
  spreadsheet.load(sheet('Phụ lục 2', values, extra));
  return spreadsheet;
}

function validate(spreadsheet: FakeSpreadsheet): ReturnType<typeof checkWorkbook> {
  const host = new GsheetsHost(spreadsheet);
  const result = checkWorkbook(host.snapshot(), { periodEnd });
  host.applyNow(annotationPlan(result.findings, 'vi'));
  return result;
}

/** Everything a user could see in a sheet, as plain data. */
function contents(s: FakeSheet): Record<string, unknown> {
  return Object.fromEntries([...s.cells].filter(([, c]) => Object.keys(c).length > 0).map(([k, c]) => [k, { ...c }]));
}

function valuesOf(s: FakeSheet): Record<string, unknown> {
  return Object.fromEntries([...s.cells].map(([k, c]) => [k, [c.value, c.formula, c.format]]));
}

describe('service calls do not grow with rows', () => {
  const budget = (rows: number): { reads: number; writes: string[]; all: number; clear: string[] } => {
    const spreadsheet = spreadsheetWith(indicatorSheet(rows));
    spreadsheet.ledger.reset();
    const findings = validate(spreadsheet).findings;
    expect(findings.length).toBeGreaterThanOrEqual(rows / 3);
    const counts = {
      reads: spreadsheet.ledger.count('Phụ lục 2', readMethods),
      writes: spreadsheet.ledger.methods('Phụ lục 2').filter((method) => writeMethods.includes(method)),
      all: spreadsheet.ledger.calls.length,
    };
    spreadsheet.ledger.reset();
    new GsheetsHost(spreadsheet).clearNow();
    const clear = spreadsheet.ledger.methods('Phụ lục 2').filter((method) => writeMethods.includes(method));
    return { ...counts, clear };
  };

  test('10 rows and 10,000 rows: one read batch, one fill call per colour, one notes call per column', () => {
    const small = budget(10);
    const large = budget(10_000);
    expect(small).toEqual(large);
    expect(large.reads).toBe(5); // getValues, getFormulas, getNumberFormats, getNotes, getBackgrounds
    // errors and their rows' first cells are two colours; the notes are in columns B and E
    expect(large.writes).toEqual(['setBackground', 'setBackground', 'setNotes', 'setNotes']);
    expect(large.clear).toEqual(['setBackground', 'setNotes', 'setNotes']); // back to no fill
  });

  test('Compute: one read batch, one write on the sheet, whatever the rows', () => {
    const counts = [10, 10_000].map((rows) => {
      const spreadsheet = spreadsheetWith(
        indicatorSheet(rows).map((row, i) => (i < 2 ? row : row.map((v, c) => (c === 6 ? null : v)))),
      );
      spreadsheet.ledger.reset();
      const host = new GsheetsHost(spreadsheet);
      const written = host.write(computePlan(checkWorkbook(host.snapshot(), { periodEnd })).plan);
      expect(written).toBe(rows);
      return spreadsheet.ledger.methods('Phụ lục 2').join(',');
    });
    expect(counts[0]).toEqual(counts[1]);
    expect(counts[1]).toBe(
      [
        'getName',
        'getDataRange',
        'getNumRows',
        'getNumColumns', // where the data is
        'getValues',
        'getFormulas',
        'getNumberFormats',
        'getNotes',
        'getBackgrounds', // the read batch
        'getRange',
        'setValues', // the one write
        'activate', // back to this sheet after the record sheet was made
      ].join(','),
    );
  });
});

describe('Validate', () => {
  test('changes no value, formula or format', () => {
    const spreadsheet = spreadsheetWith(indicatorSheet(12));
    const before = valuesOf(spreadsheet.sheet('Phụ lục 2'));
    validate(spreadsheet);
    expect(valuesOf(spreadsheet.sheet('Phụ lục 2'))).toEqual(before);
  });

  test('colours and notes the findings; a second run changes nothing and writes nothing', () => {
    const spreadsheet = spreadsheetWith(indicatorSheet(4));
    const { findings } = validate(spreadsheet);
    expect(cellsAndRules(findings).filter(([, rule]) => rule === 'sum-mismatch')).toEqual([
      ['E3', 'sum-mismatch'],
      ['E6', 'sum-mismatch'],
    ]);
    const pl2 = spreadsheet.sheet('Phụ lục 2');
    expect(pl2.cell(3, 5)?.background).toBe('#ffc7ce');
    expect(pl2.cell(3, 5)?.note).toMatch(/^— Soát —\n\[Lỗi\]/);
    const after = contents(pl2);
    const record = contents(spreadsheet.sheet('_soat'));
    expect(spreadsheet.sheet('_soat').hidden).toBe(true);

    spreadsheet.ledger.reset();
    validate(spreadsheet);
    expect(contents(pl2)).toEqual(after);
    expect(contents(spreadsheet.sheet('_soat'))).toEqual(record);
    expect(spreadsheet.ledger.count('Phụ lục 2', writeMethods)).toBe(0);
    expect(spreadsheet.ledger.count('_soat', writeMethods)).toBe(0);
  });

  test("keeps a human's note and colour; Clear restores both exactly and removes the record", () => {
    const spreadsheet = spreadsheetWith(indicatorSheet(4), {
      notes: { E3: 'Đã hỏi lại đơn vị' },
      fills: { E3: 'FF00B050', B4: 'FFFFFF00' },
    });
    const pl2 = spreadsheet.sheet('Phụ lục 2');
    const before = contents(pl2);
    validate(spreadsheet);
    expect(pl2.cell(3, 5)?.note).toMatch(/^Đã hỏi lại đơn vị\n\n— Soát —\n\[Lỗi\]/);
    expect(pl2.cell(3, 5)?.background).toBe('#ffc7ce');

    new GsheetsHost(spreadsheet).clearNow();
    expect(contents(pl2)).toEqual(before);
    expect(spreadsheet.sheets.map((s) => s.name)).toEqual(['Phụ lục 2']);
  });

  test('an error value from a formula is formula-error; Dates and text as Sheets gives them', () => {
    const values = indicatorSheet(1);
    values[2]![6] = '#DIV/0!';
    const spreadsheet = spreadsheetWith(values, {
      formulas: [[], [], [undefined, undefined, undefined, undefined, undefined, undefined, 'F3/0']],
    });
    const snapshot = new GsheetsHost(spreadsheet).snapshot();
    expect(snapshot.sheets[0]!.values[2]![6]).toEqual({ error: '#DIV/0!' });
    expect(snapshot.sheets[0]!.values[0]).toEqual(['PHỤ LỤC 2', ...Array(16).fill(null)]);
    expect(snapshot.sheets[0]!.numberFormats).toBeUndefined(); // Sheets' automatic format is General
    expect(cellsAndRules(checkWorkbook(snapshot, { periodEnd }).findings)).toContainEqual(['G3', 'formula-error']);
  });
});

describe('writes', () => {
  test('Compute writes formulas into blank percentages; Revert puts back what was there', () => {
    const values = indicatorSheet(2);
    values[2]![6] = null; // G3 blank
    values[3]![8] = 'chưa tính'; // I4 text: a mismatch, overwritten only when accepted
    const spreadsheet = spreadsheetWith(values);
    const pl2 = spreadsheet.sheet('Phụ lục 2');
    const host = new GsheetsHost(spreadsheet);
    const computed = computePlan(checkWorkbook(host.snapshot(), { periodEnd }), { overwrite: true });
    expect(host.write(computed.plan)).toBe(computed.replaced.length);
    expect(pl2.cell(3, 7)?.formula).toBe('=IF(E3>0,ROUND(F3/E3*100,2),"")');
    expect(pl2.cell(3, 8)?.value).toBe(9); // H3, inside the written rectangle, unchanged

    expect(new GsheetsHost(spreadsheet).revert()).toBe(computed.replaced.length);
    expect(pl2.cell(3, 7)?.formula).toBeUndefined();
    expect(pl2.cell(3, 7)?.value).toBeUndefined();
    expect(spreadsheet.sheets.map((s) => s.name)).toEqual(['Phụ lục 2']);
  });

  test('text is written as text: "=…", "+84…", "1,5" never become formulas or numbers', () => {
    const spreadsheet = spreadsheetWith(indicatorSheet(1));
    const pl2 = spreadsheet.sheet('Phụ lục 2');
    const texts = ['=HYPERLINK("http://x")', '+84 912', '-', '@me', '007'];
    new GsheetsHost(spreadsheet).write({
      sheets: [
        { sheet: 'Phụ lục 2', fills: [], notes: [], writes: texts.map((value, i) => ({ cell: `B${i + 10}`, value })) },
      ],
    });
    expect(texts.map((_, i) => [pl2.cell(i + 10, 2)?.value, pl2.cell(i + 10, 2)?.formula])).toEqual(
      texts.map((t) => [t, undefined]),
    );
  });

  test('text that starts with an apostrophe keeps it, in a plain-text cell too', () => {
    const spreadsheet = spreadsheetWith(indicatorSheet(1));
    const pl2 = spreadsheet.sheet('Phụ lục 2');
    pl2.cell(3, 2)!.format = '@'; // the unit's name, kept as plain text
    new GsheetsHost(spreadsheet).write({
      sheets: [
        {
          sheet: 'Phụ lục 2',
          fills: [],
          notes: [],
          writes: [
            { cell: 'B10', value: "'90 ngày" },
            { cell: 'B3', value: "'90 ngày" },
          ],
        },
      ],
    });
    expect([pl2.cell(10, 2)?.value, pl2.cell(3, 2)?.value]).toEqual(["'90 ngày", "'90 ngày"]);
  });
});

describe('writes touch only the cells Soát changes', () => {
  const plan = (fills: string[], writes: CellWrite[]): EditPlan => ({
    sheets: [
      {
        sheet: 'Phụ lục 2',
        fills: [{ kind: 'error', color: 'FFFFC7CE', cells: fills }],
        notes: fills.map((cell) => ({ cell, text: `[Lỗi] ${cell}` })),
        writes,
      },
    ],
  });

  test("a collaborator's value, colour and note, made between read and write in other cells, survive", () => {
    const spreadsheet = spreadsheetWith(indicatorSheet(4));
    const pl2 = spreadsheet.sheet('Phụ lục 2');
    const host = new GsheetsHost(spreadsheet);
    host.snapshot(); // what Soát decides from
    pl2.getRange('C4').setValues([[12]]); // meanwhile, a collaborator edits
    pl2.getRange('D5').setBackgrounds([['#00ff00']]);
    pl2.getRange('C5').setNotes([['Kiểm tra lại']]);
    host.applyNow(
      plan(
        ['B3', 'E6'],
        [
          { cell: 'B3', value: 'Sở Tư pháp tỉnh' },
          { cell: 'E6', value: 26 },
        ],
      ),
    );
    expect([pl2.cell(4, 3)?.value, pl2.cell(5, 4)?.background, pl2.cell(5, 3)?.note]).toEqual([
      12,
      '#00ff00',
      'Kiểm tra lại',
    ]);
    expect([pl2.cell(3, 2)?.value, pl2.cell(6, 5)?.value, pl2.cell(6, 5)?.background]).toEqual([
      'Sở Tư pháp tỉnh',
      26,
      '#ffc7ce',
    ]);
  });

  test('a rich-text or hyperlinked cell Soát does not change keeps its runs and its link', () => {
    const spreadsheet = spreadsheetWith(indicatorSheet(4));
    const pl2 = spreadsheet.sheet('Phụ lục 2');
    const linked = [{ text: 'Sở Y tế', link: 'https://soyte.example.vn' }];
    const styled = [{ text: 'Sở ' }, { text: 'Du lịch', bold: true }];
    pl2.cell(4, 2)!.richText = linked;
    pl2.cell(5, 2)!.richText = styled;
    new GsheetsHost(spreadsheet).write(
      plan(
        [],
        [
          { cell: 'B3', value: 'Sở Tư pháp tỉnh' },
          { cell: 'E6', value: 26 },
        ],
      ),
    );
    expect(pl2.cell(3, 2)?.value).toBe('Sở Tư pháp tỉnh');
    expect([pl2.cell(4, 2)?.richText, pl2.cell(5, 2)?.richText]).toEqual([linked, styled]);
  });

  test('a protected range Soát does not need to touch does not stop Validate, a write or Clear', () => {
    const spreadsheet = spreadsheetWith(indicatorSheet(6));
    const pl2 = spreadsheet.sheet('Phụ lục 2');
    pl2.protectAgainstUser('C3:D8'); // a department's own figures, locked by its owner
    expect(() => pl2.getRange('C3').setValues([[1]])).toThrow('You are trying to edit a protected cell or object.');

    const { findings } = validate(spreadsheet);
    expect(cellsAndRules(findings).filter(([, rule]) => rule === 'sum-mismatch')).toEqual([
      ['E3', 'sum-mismatch'],
      ['E6', 'sum-mismatch'],
    ]);
    expect([pl2.cell(3, 5)?.background, pl2.cell(6, 5)?.background]).toEqual(['#ffc7ce', '#ffc7ce']);

    new GsheetsHost(spreadsheet).write(
      plan(
        [],
        [
          { cell: 'B3', value: 'Sở Tư pháp tỉnh' },
          { cell: 'E6', value: 26 },
        ],
      ),
    );
    expect(pl2.cell(6, 5)?.value).toBe(26);

    new GsheetsHost(spreadsheet).clearNow();
    expect([pl2.cell(3, 5)?.background, pl2.cell(3, 5)?.note]).toEqual([undefined, undefined]);
  });
});
