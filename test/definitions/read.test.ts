/**
 * The reader of report definitions refuses a wrong definition before any workbook is read, naming
 * the file and the field, in Vietnamese and English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefinitionError, parseDefinition, readDefinition } from '../../src/core/definition';

type Definition = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A small report: DS (who reported), KQ (one row per unit: columns 0 TT, 1 DV, 2 TONG, 3 DUNG,
 * 4 TRE, 5 TL, 6 NGAY, 7 MC, 8 CB, 9 GHI) and SK (several rows per unit).
 */
function definition(): Definition {
  return {
    soat: 1,
    id: 'tthc',
    title: { vi: 'Kết quả giải quyết hồ sơ', en: 'Applications handled' },
    periodEnd: '2025-09-30',
    appendices: [
      {
        id: 'DS',
        title: 'Danh sách',
        sheet: 'Danh sách',
        shape: 'submissions',
        columns: [
          { key: 'TT', type: 'stt', header: ['TT'] },
          { key: 'DV', type: 'unit', header: ['đơn vị'] },
          { key: 'ND', type: 'flag', meaning: 'no-data', header: ['chưa có số liệu'] },
        ],
      },
      {
        id: 'KQ',
        title: 'Kết quả',
        sheet: 'Kết quả',
        shape: 'row-per-unit',
        columns: [
          { key: 'TT', type: 'stt', header: ['TT'] },
          { key: 'DV', type: 'unit', header: ['đơn vị'] },
          { key: 'TONG', type: 'count', header: [['tổng số', 'hồ sơ']] },
          { key: 'DUNG', type: 'count', header: ['đúng hạn'] },
          { key: 'TRE', type: 'count', header: ['trễ hạn'] },
          { key: 'TL', type: 'percent', header: [['tỷ lệ', 'đúng hạn']], ratio: { part: 'DUNG', total: 'TONG' } },
          { key: 'NGAY', type: 'decimal', header: ['ngày trễ'], requiredWhen: { column: 'TRE', above: 0 } },
          { key: 'MC', type: 'flag', header: [['có', 'một cửa']] },
          { key: 'CB', type: 'count', header: [['cán bộ', 'một cửa']], countFor: 'MC' },
          { key: 'GHI', type: 'text', header: ['ghi chú'] },
        ],
        sums: [{ parts: ['DUNG', 'TRE'], total: 'TONG' }],
        required: ['DV', 'TONG', 'DUNG', 'TRE'],
      },
      {
        id: 'SK',
        title: 'Sáng kiến',
        sheet: 'Sáng kiến',
        shape: 'rows-per-unit',
        columns: [
          { key: 'TT', type: 'stt', header: ['TT'] },
          { key: 'DV', type: 'unit', header: ['đơn vị'] },
          { key: 'SK', type: 'text', header: ['sáng kiến'], numberedItems: true },
          { key: 'NGAY', type: 'date', header: ['áp dụng'], required: true },
        ],
      },
    ],
    crossChecks: [
      {
        when: { appendix: 'SK', column: 'SK', containsAll: ['một cửa'] },
        require: { appendix: 'KQ', column: 'MC', flag: 'yes' },
      },
    ],
    summary: {
      appendix: 'KQ',
      sum: ['TONG', 'DUNG'],
      ratio: [{ part: 'DUNG', total: 'TONG' }],
      countYes: ['MC'],
      countFilled: [{ appendix: 'SK', column: 'SK' }],
      chart: 'TL',
    },
  };
}

function refusal(change: (d: Definition) => void): { field: string; message: string } {
  const d = definition();
  change(d);
  try {
    readDefinition(d, 'q3.json');
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    expect(error.source).toBe('q3.json');
    return { field: error.field, message: error.message };
  }
  throw new Error('the definition was read without error');
}

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was thrown');
}

const kq = (d: Definition): Definition => d.appendices[1];

test('the small definition itself is read without error', () => {
  const report = readDefinition(definition(), 'q3.json');
  expect(report.appendices.map((a) => a.id)).toEqual(['DS', 'KQ', 'SK']);
  expect(report.appendices[1]!.byKey.get('TL')!.ratio).toEqual({ part: 'DUNG', total: 'TONG' });
});

test('text that is not JSON', () => {
  const text = '{ "soat": 1, }';
  // The parser's own words, which differ between Node versions, are quoted in the message.
  const why = thrown(() => JSON.parse(text)).message;
  expect(thrown(() => parseDefinition(text, 'q3.json'))).toMatchObject({
    name: 'DefinitionError',
    field: '',
    message: `Mẫu báo cáo q3.json: không phải JSON hợp lệ (${why}) (report definition q3.json: not valid JSON (${why}))`,
  });
});

test.each<[string, (d: Definition) => void, string, string]>([
  [
    'a format version other than 1',
    (d) => (d.soat = 2),
    'soat',
    'Mẫu báo cáo q3.json, soat: phiên bản định dạng phải là 1 ("soat": 1) (report definition q3.json, soat: the format version must be 1 ("soat": 1))',
  ],
  [
    'an unknown key, a typo of "ratio"',
    (d) => {
      kq(d).columns[5].ration = kq(d).columns[5].ratio;
      delete kq(d).columns[5].ratio;
    },
    'appendices[1].columns[5].ration',
    'Mẫu báo cáo q3.json, appendices[1].columns[5].ration: trường "ration" không có trong định dạng (report definition q3.json, appendices[1].columns[5].ration: "ration" is not a field of the format)',
  ],
  [
    'a ratio part that is no column',
    (d) => (kq(d).columns[5].ratio.part = 'DUNGHAN'),
    'appendices[1].columns[5].ratio.part',
    'Mẫu báo cáo q3.json, appendices[1].columns[5].ratio.part: không có cột "DUNGHAN" trong phụ lục này (report definition q3.json, appendices[1].columns[5].ratio.part: no column "DUNGHAN" in this appendix)',
  ],
  [
    'a sum part that is no column',
    (d) => (kq(d).sums[0].parts[1] = 'TREHAN'),
    'appendices[1].sums[0].parts[1]',
    'Mẫu báo cáo q3.json, appendices[1].sums[0].parts[1]: không có cột "TREHAN" trong phụ lục này (report definition q3.json, appendices[1].sums[0].parts[1]: no column "TREHAN" in this appendix)',
  ],
  [
    'a requiredWhen column that is no column',
    (d) => (kq(d).columns[6].requiredWhen.column = 'QUA_HAN'),
    'appendices[1].columns[6].requiredWhen.column',
    'Mẫu báo cáo q3.json, appendices[1].columns[6].requiredWhen.column: không có cột "QUA_HAN" trong phụ lục này (report definition q3.json, appendices[1].columns[6].requiredWhen.column: no column "QUA_HAN" in this appendix)',
  ],
  [
    'a countFor that is no column',
    (d) => (kq(d).columns[8].countFor = 'MOT_CUA'),
    'appendices[1].columns[8].countFor',
    'Mẫu báo cáo q3.json, appendices[1].columns[8].countFor: không có cột "MOT_CUA" trong phụ lục này (report definition q3.json, appendices[1].columns[8].countFor: no column "MOT_CUA" in this appendix)',
  ],
  [
    'a cross check column that is no column of its appendix',
    (d) => (d.crossChecks[0].require.column = 'SK'),
    'crossChecks[0].require.column',
    'Mẫu báo cáo q3.json, crossChecks[0].require.column: không có cột "SK" trong phụ lục này (report definition q3.json, crossChecks[0].require.column: no column "SK" in this appendix)',
  ],
  [
    'a summary column that is no column',
    (d) => (d.summary.sum[1] = 'DUNG_HAN'),
    'summary.sum[1]',
    'Mẫu báo cáo q3.json, summary.sum[1]: không có cột "DUNG_HAN" trong phụ lục này (report definition q3.json, summary.sum[1]: no column "DUNG_HAN" in this appendix)',
  ],
  [
    'a ratio over a text column',
    (d) => (kq(d).columns[5].ratio.total = 'GHI'),
    'appendices[1].columns[5].ratio.total',
    'Mẫu báo cáo q3.json, appendices[1].columns[5].ratio.total: cột "GHI" là cột chữ, ở đây cần cột số đếm hoặc số thập phân (report definition q3.json, appendices[1].columns[5].ratio.total: column "GHI" is of type "text"; a count or decimal column is needed here)',
  ],
  [
    'a ratio on a column that is not a percent',
    (d) => (kq(d).columns[5].type = 'decimal'),
    'appendices[1].columns[5].ratio',
    'Mẫu báo cáo q3.json, appendices[1].columns[5].ratio: cột tỷ lệ phải có type "percent", không phải "decimal" (report definition q3.json, appendices[1].columns[5].ratio: a ratio column must be of type "percent", not "decimal")',
  ],
  [
    'a countFor pointing at a column that is no flag',
    (d) => (kq(d).columns[8].countFor = 'TRE'),
    'appendices[1].columns[8].countFor',
    'Mẫu báo cáo q3.json, appendices[1].columns[8].countFor: cột "TRE" là cột số đếm, ở đây cần cột đánh dấu (flag) (report definition q3.json, appendices[1].columns[8].countFor: column "TRE" is of type "count"; a flag column is needed here)',
  ],
  [
    'sums that form a cycle, A = B + C and C = A + D',
    (d) =>
      (d.appendices[1] = {
        id: 'KQ',
        title: 'Kết quả',
        sheet: 'Kết quả',
        shape: 'row-per-unit',
        columns: [
          { key: 'DV', type: 'unit', header: ['đơn vị'] },
          ...['A', 'B', 'C', 'D'].map((key) => ({ key, type: 'count', header: [`cột ${key}`] })),
          { key: 'MC', type: 'flag', header: ['một cửa'] },
        ],
        sums: [
          { parts: ['B', 'C'], total: 'A' },
          { parts: ['A', 'D'], total: 'C' },
        ],
      }),
    'appendices[1].sums',
    'Mẫu báo cáo q3.json, appendices[1].sums: các quan hệ tạo thành vòng lặp: A → C → A (report definition q3.json, appendices[1].sums: the relations form a cycle: A → C → A)',
  ],
  [
    'a column key given twice',
    (d) => (kq(d).columns[3].key = 'TONG'),
    'appendices[1].columns[3].key',
    'Mẫu báo cáo q3.json, appendices[1].columns[3].key: cột "TONG" đã có (report definition q3.json, appendices[1].columns[3].key: column "TONG" is defined twice)',
  ],
  [
    'an appendix id given twice',
    (d) => (d.appendices[2].id = 'KQ'),
    'appendices[2].id',
    'Mẫu báo cáo q3.json, appendices[2].id: phụ lục "KQ" đã có (report definition q3.json, appendices[2].id: appendix "KQ" is defined twice)',
  ],
  [
    'an appendix without a unit column',
    (d) => d.appendices[0].columns.splice(1, 1),
    'appendices[0].columns',
    'Mẫu báo cáo q3.json, appendices[0].columns: phụ lục cần đúng một cột "unit" (tên đơn vị) (report definition q3.json, appendices[0].columns: an appendix needs exactly one "unit" column)',
  ],
  [
    'a sheet name Excel refuses',
    (d) => (kq(d).sheet = 'Kết quả: Q3'),
    'appendices[1].sheet',
    'Mẫu báo cáo q3.json, appendices[1].sheet: "Kết quả: Q3" không dùng được làm tên trang tính (tối đa 31 ký tự, không có [ ] : * ? / \\, không bắt đầu bằng _) (report definition q3.json, appendices[1].sheet: "Kết quả: Q3" cannot name a sheet (31 characters at most, no [ ] : * ? / \\, not starting with _))',
  ],
  [
    'a period end that is no day',
    (d) => (d.periodEnd = '2025-02-30'),
    'periodEnd',
    'Mẫu báo cáo q3.json, periodEnd: "2025-02-30" không phải ngày dạng YYYY-MM-DD (report definition q3.json, periodEnd: "2025-02-30" is not a YYYY-MM-DD date)',
  ],
  [
    'a summary over an appendix of several rows per unit',
    (d) => (d.summary.appendix = 'SK'),
    'summary.appendix',
    'Mẫu báo cáo q3.json, summary.appendix: phải là phụ lục một dòng mỗi đơn vị (row-per-unit) (report definition q3.json, summary.appendix: must be a row-per-unit appendix)',
  ],
  [
    'a cross check that requires a flag outside a row-per-unit appendix',
    (d) => (d.crossChecks[0].require.appendix = 'SK'),
    'crossChecks[0].require.appendix',
    'Mẫu báo cáo q3.json, crossChecks[0].require.appendix: phải là phụ lục một dòng mỗi đơn vị (row-per-unit) (report definition q3.json, crossChecks[0].require.appendix: must be a row-per-unit appendix)',
  ],
])('refuses %s', (_, change, field, message) => {
  expect(refusal(change)).toEqual({ field, message });
});

describe('the shipped definitions', () => {
  const dir = join(__dirname, '..', '..', 'definitions');

  test('the 9T/2024 definition reads as the three appendices of plan 197', () => {
    const report = parseDefinition(readFileSync(join(dir, 'hp-kh197-9t2024.json'), 'utf8'), 'hp-kh197-9t2024.json');
    expect(report.id).toBe('hp-kh197-9t2024');
    expect(report.appendices.map((a) => [a.id, a.shape])).toEqual([
      ['PL1', 'submissions'],
      ['PL2', 'row-per-unit'],
      ['PL3', 'rows-per-unit'],
    ]);
    const pl2 = report.appendices[1]!;
    expect(pl2.sums).toEqual([
      { parts: ['F', 'H'], total: 'E', op: '=', label: { vi: 'Toàn trình + một phần', en: 'Full-process + partial' } },
    ]);
    expect(pl2.byKey.get('M')!.countFor).toBe('L');
    expect(report.summary?.chart).toBe('G');
  });

  test('the Q3/2025 definition reads with its own keys, period and "<=" sum', () => {
    const report = parseDefinition(readFileSync(join(dir, 'hp-tthc-q3-2025.json'), 'utf8'), 'hp-tthc-q3-2025.json');
    expect(report.periodEnd).toEqual(new Date(Date.UTC(2025, 8, 30)));
    expect(report.appendices.map((a) => a.sheetName)).toEqual(['Danh sách báo cáo', 'Kết quả giải quyết', 'Sáng kiến']);
    expect(report.appendices[1]!.sums).toEqual([{ parts: ['DUNG_HAN', 'TRE_HAN'], total: 'TONG_SO', op: '<=' }]);
    expect(report.appendices[1]!.byKey.get('NGAY_TRE_TB')!.requiredWhen).toEqual({ column: 'TRE_HAN', above: 0 });
  });
});

test('text given as a plain string is the same in both languages', () => {
  const d = definition();
  d.title = 'Kết quả quý III';
  kq(d).columns[2].title = 'Tổng số hồ sơ';
  const report = readDefinition(d, 'q3.json');
  expect(report.title).toEqual({ vi: 'Kết quả quý III', en: 'Kết quả quý III' });
  expect(report.appendices[1]!.title).toEqual({ vi: 'Kết quả', en: 'Kết quả' });
  expect(report.appendices[1]!.byKey.get('TONG')!.title).toEqual({ vi: 'Tổng số hồ sơ', en: 'Tổng số hồ sơ' });
});

test('text given with vi only takes vi for English too', () => {
  const d = definition();
  d.title = { vi: 'Kết quả quý III' };
  expect(readDefinition(d, 'q3.json').title).toEqual({ vi: 'Kết quả quý III', en: 'Kết quả quý III' });
});
