import fc from 'fast-check';
import type { CellValue } from '../../../src/core/snapshot';
import {
  columnDateOrder,
  formatReportDate,
  periodEnd,
  periodStart,
  readDate,
  type ColumnDateOrder,
  type DateReading,
  type ReportDate,
} from '../../../src/core/values/date';

const DMY_DEFAULT: ColumnDateOrder = { order: 'dmy', proven: false };
const DMY: ColumnDateOrder = { order: 'dmy', proven: true };
const MDY: ColumnDateOrder = { order: 'mdy', proven: true };

const BLANK: DateReading = { kind: 'blank' };
const INVALID: DateReading = { kind: 'invalid' };
const reading = (date: ReportDate, ambiguous = false): DateReading => ({ kind: 'date', date, ambiguous });
const month = (m: number, year: number, since = false) => reading({ year, month: m, precision: 'month', since });
const quarter = (q: number, year: number) => reading({ year, month: q * 3 - 2, precision: 'quarter', since: false });
const year = (y: number, since = false) => reading({ year: y, month: 1, precision: 'year', since });
const day = (d: number, m: number, y: number, ambiguous = false) =>
  reading({ year: y, month: m, day: d, precision: 'day', since: false }, ambiguous);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('readDate: text forms that do not depend on the column order', () => {
  const cases: [CellValue, DateReading][] = [
    [null, BLANK],
    ['', BLANK],
    [' \u00A0\u200B', BLANK],
    ['T10/2022', month(10, 2022)],
    ['t10/2022', month(10, 2022)],
    ['T 10/2022', month(10, 2022)],
    ['T1/2023', month(1, 2023)],
    ['T12/2018', month(12, 2018)],
    ['Tháng 10/2022', month(10, 2022)],
    ['tháng 10 / 2022', month(10, 2022)],
    ['Tháng 10 năm 2022', month(10, 2022)],
    ['THÁNG 10 NĂM 2022', month(10, 2022)],
    ['Tháng 10 năm 2022'.normalize('NFD'), month(10, 2022)],
    ['10/2022', month(10, 2022)],
    ['10-2022', month(10, 2022)],
    ['  T10/2022  ', month(10, 2022)],
    ['Q3/2020', quarter(3, 2020)],
    ['q3/2020', quarter(3, 2020)],
    ['Quý I/2023', quarter(1, 2023)],
    ['Quý I/2023'.normalize('NFD'), quarter(1, 2023)],
    ['Quý 3/2023', quarter(3, 2023)],
    ['Quý III năm 2023', quarter(3, 2023)],
    ['Quý IV/2023', quarter(4, 2023)],
    ['quý ii/2023', quarter(2, 2023)],
    ['2023', year(2023)],
    ['Năm 2023', year(2023)],
    ['Từ 2017', year(2017, true)],
    ['từ năm 2017', year(2017, true)],
    ['Từ T1/2020', month(1, 2020, true)],
    ['Từ tháng 1/2020'.normalize('NFD'), month(1, 2020, true)],
    ['2020-07-01', day(1, 7, 2020)],
    ['ngày 1 tháng 7 năm 2020', day(1, 7, 2020)],
    // invalid
    ['T13/2022', INVALID],
    ['T0/2022', INVALID],
    ['32/1/2020', INVALID],
    ['31/4/2020', INVALID],
    ['29/2/2021', INVALID],
    ['Quý V/2023', INVALID],
    ['Quý 5/2023', INVALID],
    ['Q0/2023', INVALID],
    ['T1/202414705', INVALID],
    ['T1/24', INVALID],
    ['1/7/20', INVALID],
    ['1800', INVALID],
    ['2101', INVALID],
    ['abc', INVALID],
    ['sắp tới', INVALID],
    ['2020-13-01', INVALID],
    ['#N/A', INVALID],
    [{ error: '#REF!' }, INVALID],
    [true, INVALID],
    [false, INVALID],
  ];
  test.each(cases)('%p', (value, expected) => {
    expect(readDate(value, DMY_DEFAULT)).toEqual(expected);
    expect(readDate(value, MDY)).toEqual(expected);
  });
});

describe('readDate: d/m/y text follows the column order', () => {
  const cases: [string, ColumnDateOrder, DateReading][] = [
    ['7/1/2020', DMY_DEFAULT, day(7, 1, 2020, true)],
    ['7/1/2020', DMY, day(7, 1, 2020)],
    ['7/1/2020', MDY, day(1, 7, 2020)],
    ['6/9/2021', DMY_DEFAULT, day(6, 9, 2021, true)],
    ['6/9/2021', MDY, day(9, 6, 2021)],
    ['1/1/2022', DMY_DEFAULT, day(1, 1, 2022)], // same either way: not ambiguous
    ['01/07/2020', DMY_DEFAULT, day(1, 7, 2020, true)],
    ['1-7-2020', DMY_DEFAULT, day(1, 7, 2020, true)],
    ['1.7.2020', DMY_DEFAULT, day(1, 7, 2020, true)],
    ['3/18/2023', MDY, day(18, 3, 2023)],
    ['8/15/2022', MDY, day(15, 8, 2022)],
    // an unproven order yields to a cell that only reads one way
    ['3/18/2023', DMY_DEFAULT, day(18, 3, 2023)],
    ['18/3/2023', DMY_DEFAULT, day(18, 3, 2023)],
    // a proven order holds: the cell contradicting it is not a date
    ['3/18/2023', DMY, INVALID],
    ['18/3/2023', MDY, INVALID],
    ['1/7/202414705', DMY_DEFAULT, INVALID],
    ['1/7-2020', DMY_DEFAULT, INVALID],
  ];
  test.each(cases)('%p with %p', (text, order, expected) => {
    expect(readDate(text, order)).toEqual(expected);
  });
});

describe('readDate: date and number cells', () => {
  const cases: [CellValue, string | undefined, DateReading][] = [
    [utc(2020, 7, 1), undefined, day(1, 7, 2020)],
    [new Date(Date.UTC(2020, 6, 1, 23, 59)), undefined, day(1, 7, 2020)],
    [new Date(NaN), undefined, INVALID],
    [utc(2200, 1, 1), undefined, INVALID],
    [2023, undefined, year(2023)],
    [2023, 'General', year(2023)],
    [2023, '0', year(2023)],
    [1900, undefined, year(1900)],
    [2100, undefined, year(2100)],
    [1899, undefined, INVALID],
    [2023.5, undefined, INVALID],
    [44927, undefined, INVALID], // a serial without its date format is no year
    [25569, 'm/d/yyyy', day(1, 1, 1970)],
    [25569, 'dd/mm/yyyy', day(1, 1, 1970)],
    [44013, 'dd/mm/yyyy', day(1, 7, 2020)],
    [44013.75, 'dd/mm/yyyy', day(1, 7, 2020)],
    [44013, '[$-42A]d mmmm yyyy', day(1, 7, 2020)],
    [1, 'dd/mm/yyyy', day(1, 1, 1900)],
    [59, 'dd/mm/yyyy', day(28, 2, 1900)],
    [60, 'dd/mm/yyyy', INVALID], // Excel's 29 Feb 1900 never happened
    [61, 'dd/mm/yyyy', day(1, 3, 1900)],
    [0, 'dd/mm/yyyy', INVALID],
    [2023, 'dd/mm/yyyy', day(15, 7, 1905)],
    [NaN, undefined, INVALID],
    [Infinity, 'dd/mm/yyyy', INVALID],
  ];
  test.each(cases)('%p with format %p', (value, format, expected) => {
    expect(readDate(value, DMY_DEFAULT, format)).toEqual(expected);
  });
});

describe('columnDateOrder', () => {
  const seedColumn: CellValue[] = [
    'Thời gian thực hiện',
    '7/1/2020',
    'T10/2022',
    'Quý I/2023',
    '1/1/2022',
    '2023',
    'Từ 2017',
    '6/9/2021',
    '3/18/2023',
    '8/15/2022',
    '3/1/2022',
    null,
    '',
  ];
  const cases: [string, CellValue[], ColumnDateOrder][] = [
    ['the seed column is month-first', seedColumn, MDY],
    ['nothing decides', ['7/1/2020', '6/9/2021', 'T10/2022', null, 44013], DMY_DEFAULT],
    ['empty', [], DMY_DEFAULT],
    ['a day above 12 proves day-first', ['7/1/2020', '18/3/2023'], DMY],
    ['a month above 12 proves month-first', ['3/18/2023'], MDY],
    ['both seen: day-first wins', ['3/18/2023', '18/3/2023'], DMY],
    ['other separators count', ['3-18-2023'], MDY],
    ['after "Từ"', ['Từ 3/18/2023'], MDY],
    ['numbers above 31 prove nothing', ['3/45/2023', '45/3/2023'], DMY_DEFAULT],
    ['month/year text proves nothing', ['10/2022', '2020-07-13'], DMY_DEFAULT],
  ];
  test.each(cases)('%s', (_name, values, expected) => {
    expect(columnDateOrder(values)).toEqual(expected);
  });

  test('the seed column read with its order', () => {
    const order = columnDateOrder(seedColumn);
    expect(readDate('7/1/2020', order)).toEqual(day(1, 7, 2020));
    expect(readDate('3/18/2023', order)).toEqual(day(18, 3, 2023));
  });
});

describe('periods and display', () => {
  const cases: [string, ReportDate, Date, Date, string][] = [
    [
      'Q3/2020',
      { year: 2020, month: 7, precision: 'quarter', since: false },
      utc(2020, 7, 1),
      utc(2020, 9, 30),
      'Q3/2020',
    ],
    [
      'Q1/2023',
      { year: 2023, month: 1, precision: 'quarter', since: false },
      utc(2023, 1, 1),
      utc(2023, 3, 31),
      'Q1/2023',
    ],
    [
      'Q4/2023',
      { year: 2023, month: 10, precision: 'quarter', since: false },
      utc(2023, 10, 1),
      utc(2023, 12, 31),
      'Q4/2023',
    ],
    ['2023', { year: 2023, month: 1, precision: 'year', since: false }, utc(2023, 1, 1), utc(2023, 12, 31), '2023'],
    [
      'Từ 2017',
      { year: 2017, month: 1, precision: 'year', since: true },
      utc(2017, 1, 1),
      utc(2017, 12, 31),
      'Từ 2017',
    ],
    [
      'T10/2022',
      { year: 2022, month: 10, precision: 'month', since: false },
      utc(2022, 10, 1),
      utc(2022, 10, 31),
      '10/2022',
    ],
    [
      'T2/2024',
      { year: 2024, month: 2, precision: 'month', since: false },
      utc(2024, 2, 1),
      utc(2024, 2, 29),
      '2/2024',
    ],
    [
      'T12/2018',
      { year: 2018, month: 12, precision: 'month', since: false },
      utc(2018, 12, 1),
      utc(2018, 12, 31),
      '12/2018',
    ],
    [
      'Từ T1/2020',
      { year: 2020, month: 1, precision: 'month', since: true },
      utc(2020, 1, 1),
      utc(2020, 1, 31),
      'Từ 1/2020',
    ],
    [
      '1/7/2020',
      { year: 2020, month: 7, day: 1, precision: 'day', since: false },
      utc(2020, 7, 1),
      utc(2020, 7, 1),
      '1/7/2020',
    ],
  ];
  test.each(cases)('%s', (_name, date, start, end, text) => {
    expect(periodStart(date)).toEqual(start);
    expect(periodEnd(date)).toEqual(end);
    expect(formatReportDate(date)).toBe(text);
  });

  test('reading what formatReportDate wrote gives the date back', () => {
    for (const [, date] of cases) {
      expect(readDate(formatReportDate(date), DMY)).toEqual(reading(date));
    }
  });
});

describe('readDate properties', () => {
  const orders = fc.constantFrom(DMY_DEFAULT, DMY, MDY, { order: 'mdy', proven: false } as ColumnDateOrder);
  const dateLike = fc
    .tuple(
      fc.constantFrom('', 'T', 'Tháng ', 'Quý ', 'Q', 'Từ ', 'Năm ', 'ngày '),
      fc.integer({ min: 0, max: 40 }),
      fc.constantFrom('/', '-', '.', ' năm ', ''),
      fc.integer({ min: 0, max: 40 }),
      fc.constantFrom('/', '-', '.', ''),
      fc.integer({ min: 1800, max: 2200 }),
    )
    .map((parts) => parts.join(''));
  const anyCellValue: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    dateLike,
    fc.double(),
    fc.integer({ min: -100000, max: 100000 }),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
    fc.constant(null),
    fc.record({ error: fc.string() }),
  );

  test('never throws; a date reading is a real calendar date in range', () => {
    const formats = fc.option(fc.oneof(fc.string(), fc.constantFrom('dd/mm/yyyy', 'm/d/yyyy', '0%')), {
      nil: undefined,
    });
    fc.assert(
      fc.property(anyCellValue, orders, formats, (value, order, format) => {
        const result = readDate(value, order, format);
        if (result.kind !== 'date') return;
        const { date } = result;
        expect(date.year).toBeGreaterThanOrEqual(1900);
        expect(date.year).toBeLessThanOrEqual(2100);
        expect(periodStart(date).getTime()).toBeLessThanOrEqual(periodEnd(date).getTime());
        if (date.day !== undefined) expect(periodStart(date).getUTCDate()).toBe(date.day);
        expect(readDate(formatReportDate(date), { order: 'dmy', proven: true })).toEqual(reading(date));
      }),
    );
  });

  test('columnDateOrder never throws', () => {
    fc.assert(fc.property(fc.array(anyCellValue), (values) => void columnDateOrder(values)));
  });

  test('NFD and NFC text read the same', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), dateLike);
    fc.assert(
      fc.property(text, orders, (value, order) => {
        expect(readDate(value.normalize('NFD'), order)).toEqual(readDate(value.normalize('NFC'), order));
      }),
    );
  });
});
