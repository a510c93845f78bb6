import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSeedWorkbooks,
  headerMerges,
  parseSeed,
  seedUnits,
  seedValue,
  slugOf,
  unitKey,
} from '../../scripts/seed-workbooks';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/read';

const seedText = readFileSync(join(__dirname, '..', 'fixtures', 'seed-9T-2024.txt'), 'utf8');
const seed = parseSeed(seedText);

describe('seedValue', () => {
  test.each([
    ['66', 66],
    ['84.96', 84.96],
    ['0', 0],
    ['1,5', '1,5'],
    ['2-3', '2-3'],
    ['86-99', '86-99'],
    ['x', 'x'],
    ['', null],
    ['7/1/2020', '7/1/2020'],
  ])('%j → %j', (text, value) => {
    expect(seedValue(text)).toEqual(value);
  });

  test('a text column keeps even a plain number as text', () => {
    expect(seedValue('2023', true)).toBe('2023');
  });
});

describe('parseSeed', () => {
  test('titles, widths, header rows and footnotes of each appendix', () => {
    expect(
      [seed.pl1, seed.pl2, seed.pl3].map((a) => [a.sheet, a.titles, a.width, a.header.length, a.footnotes.length]),
    ).toEqual([
      ['Phụ lục 1', ['PHỤ LỤC 1', 'DANH SÁCH CÁC ĐƠN VỊ THỰC HIỆN BÁO CÁO 9T/2024 VỀ KH 197/KH-UBND'], 3, 1, 0],
      ['Phụ lục 2', ['PHỤ LỤC 2', 'THỐNG KÊ MỘT SỐ CHỈ TIÊU THEO KẾ HOẠCH SỐ 197/KH-UBND'], 17, 2, 1],
      [
        'Phụ lục 3',
        [
          'PHỤ LỤC 3',
          'THỰC HIỆN MÔ HÌNH HƯỚNG DẪN, HỖ TRỢ NGƯỜI DÂN, DOANH NGHIỆP LẬP, HOÀN THIỆN HỒ SƠ KHI THỰC HIỆN THỦ TỤC HÀNH CHÍNH',
        ],
        4,
        1,
        0,
      ],
    ]);
  });

  test('rows that are not data, by seed line', () => {
    const marks = (rows: typeof seed.pl1.rows) => rows.filter((r) => r.kind !== 'data').map((r) => [r.line, r.kind]);
    expect(marks(seed.pl1.rows)).toEqual([
      [6, 'section'],
      [44, 'repeated-header'],
      [50, 'section'],
    ]);
    expect(marks(seed.pl2.rows)).toEqual([[77, 'repeated-header']]);
    expect(marks(seed.pl3.rows)).toEqual([
      [118, 'repeated-header'],
      [138, 'repeated-header'],
    ]);
    expect([seed.pl1.rows.length, seed.pl2.rows.length, seed.pl3.rows.length]).toEqual([48, 30, 51]);
  });

  test('a Phụ lục 2 row with the unit’s decimal comma kept as text', () => {
    const row = seed.pl2.rows.find((r) => r.line === 65);
    expect(row?.cells).toEqual([
      5,
      'Sở Văn hóa và Thể thao',
      13,
      '1,5',
      96,
      59,
      61.5,
      37,
      38.5,
      100,
      99.71,
      0,
      0,
      'x',
      null,
      'x',
      'x',
    ]);
  });

  test('the two-row Phụ lục 2 header merges as the Word table does', () => {
    const a1 = (m: { top: number; left: number; bottom: number; right: number }) =>
      `${String.fromCharCode(64 + m.left)}${m.top}:${String.fromCharCode(64 + m.right)}${m.bottom}`;
    expect(headerMerges(seed.pl2.header).map(a1)).toEqual([
      'A1:A2',
      'B1:B2',
      'C1:D1',
      'E1:I1',
      'J1:J2',
      'K1:K2',
      'L1:M1',
      'N1:N2',
      'O1:O2',
      'P1:P2',
      'Q1:Q2',
    ]);
    expect(headerMerges(seed.pl1.header)).toEqual([]);
  });
});

describe('units', () => {
  const units = seedUnits(seed);

  test('the seed’s own abbreviations name the same unit', () => {
    expect(unitKey('Sở LĐ-TB&XH')).toBe(unitKey('Sở Lao động - Thương binh và Xã hội'));
    expect(unitKey('BQL Khu kinh tế HP')).toBe(unitKey('Ban Quản lý Khu kinh tế HP'));
    expect(unitKey('UBND huyện Vĩnh Bảo')).toBe(unitKey('Ủy ban nhân dân huyện Vĩnh Bảo'));
    expect(unitKey('Chi nhánh NHNN TP')).toBe(unitKey('Chi nhánh Ngân hàng Nhà nước TP'));
    expect(unitKey('Sở Thông tin và TT')).toBe(unitKey('Sở Thông tin và Truyền thông'));
    expect(slugOf('Sở LĐ-TB&XH')).toBe('so-ld-tb-xh');
    expect(slugOf('UBND quận Đồ Sơn')).toBe('ubnd-quan-do-son');
  });

  test('29 units of Phụ lục 2, then 3 found only in Phụ lục 3', () => {
    expect(units).toHaveLength(32);
    expect(units.filter((u) => u.pl2 === undefined).map((u) => u.name)).toEqual([
      'Cục Hải quan thành phố',
      'Ủy ban nhân dân quận Lê Chân',
      'Ủy ban nhân dân quận Kiến An',
    ]);
    expect(units.filter((u) => u.pl3.length === 0).map((u) => u.slug)).toEqual([
      'cong-an-thanh-pho',
      'cuc-thue-thanh-pho',
      'so-nong-nghiep-va-ptnt',
      'ubnd-huyen-thuy-nguyen',
      'ubnd-quan-hong-bang',
      'ubnd-huyen-tien-lang',
      'ubnd-quan-hai-an',
    ]);
  });

  test('Phụ lục 3 rows stay with the unit the seed puts them under, errors included', () => {
    const lines = (slug: string) => units.find((u) => u.slug === slug)?.pl3.map((r) => r.line);
    // GD&ĐT keeps "1." and "2." that belong to GTVT, whose list then starts at "3.".
    expect(lines('so-giao-duc-va-dao-tao')).toEqual([114, 115, 116]);
    expect(lines('so-giao-thong-van-tai')).toEqual([119, 120, 121, 122, 123, 124, 125, 126]);
    expect(lines('so-ld-tb-xh')).toEqual([109, 110]);
    expect(lines('bql-khu-kinh-te-hp')).toEqual([129]);
  });
});

describe('buildSeedWorkbooks', () => {
  let books: Map<string, Buffer>;
  const read = async (name: string): Promise<WorkbookSnapshot> => {
    const bytes = books.get(name);
    if (bytes === undefined) throw new Error(`no ${name}`);
    return (await readWorkbookBuffer(bytes, name)).snapshot;
  };
  const row = (snapshot: WorkbookSnapshot, sheet: string, n: number, width: number): CellValue[] => {
    const values = snapshot.sheets.find((s) => s.name === sheet)?.values[n - 1] ?? [];
    return Array.from({ length: width }, (_, i) => values[i] ?? null);
  };

  beforeAll(async () => {
    books = await buildSeedWorkbooks(seedText);
  });

  test('the report, then one file per unit named by the slug of its Phụ lục 2 name', () => {
    const names = [...books.keys()];
    expect(names[0]).toBe('seed-report.xlsx');
    expect(names).toHaveLength(33);
    expect(names).toEqual(
      expect.arrayContaining([
        'unit-so-du-lich.xlsx',
        'unit-so-ld-tb-xh.xlsx',
        'unit-chi-nhanh-nhnn-tp.xlsx',
        'unit-bql-khu-kinh-te-hp.xlsx',
        'unit-ubnd-huyen-vinh-bao.xlsx',
        'unit-cuc-hai-quan-thanh-pho.xlsx',
        'unit-uy-ban-nhan-dan-quan-le-chan.xlsx',
      ]),
    );
  });

  test('a unit file: title and two-row header, its row as STT 1; its models under a bare header', async () => {
    const book = await read('unit-so-du-lich.xlsx');
    expect(book.sheets.map((s) => s.name)).toEqual(['Phụ lục 2', 'Phụ lục 3']);
    expect(row(book, 'Phụ lục 2', 1, 1)).toEqual(['PHỤ LỤC 2']);
    expect(row(book, 'Phụ lục 2', 4, 3)).toEqual(['ST T', 'Tên đơn vị', 'Thực hiện thủ tục hành chính']);
    expect(row(book, 'Phụ lục 2', 6, 17)).toEqual([
      1,
      'Sở Du lịch',
      10,
      2.8,
      26,
      17,
      65,
      9,
      35,
      100,
      100,
      'x',
      1,
      'x',
      null,
      'x',
      0,
    ]);
    expect(book.sheets[0]!.values).toHaveLength(6);
    expect(book.sheets[0]!.merges).toHaveLength(13); // 2 title lines + 11 header merges
    expect(book.sheets[1]!.values).toEqual([
      ['STT', 'Tên đơn vị', 'Tên mô hình (hoặc những hình thức hỗ trợ khác)', 'Thời gian thực hiện'],
      [
        1,
        'Sở Du lịch',
        'Xây dựng bổ sung video và sổ tay hướng dẫn thực hiện TTHC lĩnh vực du lịch trên cổng DVC thành phố',
        'T6/2024',
      ],
    ]);
  });

  test('renumbered to 1 whatever its STT in the report', async () => {
    expect(row(await read('unit-ubnd-quan-ngo-quyen.xlsx'), 'Phụ lục 2', 6, 2)).toEqual([1, 'UBND quận Ngô Quyền']);
  });

  test('GD&ĐT’s file keeps the two models that are GTVT’s', async () => {
    const pl3 = (await read('unit-so-giao-duc-va-dao-tao.xlsx')).sheets[1]!;
    expect(pl3.values.slice(1).map((r) => [r[0] ?? null, r[1] ?? null, String(r[2]).slice(0, 20), r[3]])).toEqual([
      [1, 'Sở Giáo dục và Đào tạo', 'Hỗ trợ thủ tục cấp b', 'T12/2018'],
      [null, null, '1. Bố trí cán bộ thư', 'T1/2021'],
      [null, null, '2. Áp dụng công nghệ', 'T7/2021'],
    ]);
  });

  test('a unit without a Phụ lục 3 row has no Phụ lục 3 sheet', async () => {
    expect((await read('unit-cong-an-thanh-pho.xlsx')).sheets.map((s) => s.name)).toEqual(['Phụ lục 2']);
  });

  test('a unit without a Phụ lục 2 row sends the header alone', async () => {
    const book = await read('unit-cuc-hai-quan-thanh-pho.xlsx');
    expect(book.sheets[0]!.values).toHaveLength(5);
    expect(book.sheets[1]!.values[1]).toEqual([
      1,
      'Cục Hải quan thành phố',
      'Các Tổ tư vấn Hải quan - Doanh nghiệp tại cấp Cục và Chi cục',
    ]);
  });
});
