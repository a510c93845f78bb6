import fc from 'fast-check';
import type { CellValue, SheetSnapshot } from '../../../src/core/snapshot';
import {
  defaultRegistry,
  RegistryEntryError,
  RegistryError,
  registryFromRows,
  registryFromUnits,
  type UnitRegistry,
} from '../../../src/core/units/registry';
import {
  findRegistrySheet,
  registryFromSheet,
  registrySheetName,
  registrySheetRows,
} from '../../../src/core/units/sheet';

/** A registry as one comparable table: [order, name, kind, aliases]. */
function table(registry: UnitRegistry): [number, string, string, string][] {
  return registry.units.map((u) => [u.order, u.name, u.kind, u.aliases.join('; ')]);
}

function sheet(values: (readonly CellValue[])[], name = registrySheetName): SheetSnapshot {
  return { name, values };
}

/** The error a call throws, as [class name, row, message]. */
function failure(call: () => unknown): [string, number, string] {
  try {
    call();
  } catch (e) {
    if (e instanceof RegistryError) return [e.name, e.row, e.message];
    throw e;
  }
  throw new Error('no error thrown');
}

describe('findRegistrySheet', () => {
  const named = (...names: string[]) => ({ sheets: names.map((name) => sheet([], name)) });

  it.each([
    'Danh mục đơn vị',
    'DANH MỤC ĐƠN VỊ',
    'Danh muc don vi',
    ' danh  mục đơn vị ',
    'DanhMụcĐơnVị',
    'Unit registry',
  ])('finds "%s"', (name) => {
    expect(findRegistrySheet(named('Phụ lục 1', name, 'Phụ lục 2'))?.name).toBe(name);
  });

  it('takes the first of two, and none when no sheet has the name', () => {
    expect(findRegistrySheet(named('Phụ lục 2', 'danh muc don vi', 'Danh mục đơn vị'))?.name).toBe('danh muc don vi');
    expect(findRegistrySheet(named('Phụ lục 2', 'Danh mục đơn vị cũ', 'Danh mục'))).toBeUndefined();
    expect(findRegistrySheet({ sheets: [] })).toBeUndefined();
  });
});

describe('registryFromSheet', () => {
  it('reads a sheet with a title and blank rows above its header', () => {
    const registry = registryFromSheet(
      sheet([
        ['DANH MỤC ĐƠN VỊ BÁO CÁO', null, null, 'Năm 2025'],
        [],
        [null, null, null, null],
        ['STT', 'Tên đơn vị', 'Loại', 'Tên khác, viết tắt'],
        [1, 'Văn phòng UBND thành phố', 'tổng hợp', 'VP UBND TP'],
        [2, 'Sở Tư pháp', 'sở', 'STP; Sở TP'],
        [3, 'Ủy ban nhân dân phường Hồng Bàng', 'phường', 'P. Hồng Bàng'],
        [4, 'Ủy ban nhân dân xã An Lão', 'xã', null],
        [5, 'Đặc khu Cát Hải', 'đặc khu', 'ĐK Cát Hải'],
      ]),
    );
    expect(table(registry)).toEqual([
      [1, 'Văn phòng UBND thành phố', 'department', 'VP UBND TP'],
      [2, 'Sở Tư pháp', 'department', 'STP; Sở TP'],
      [3, 'Ủy ban nhân dân phường Hồng Bàng', 'ward', 'P. Hồng Bàng'],
      [4, 'Ủy ban nhân dân xã An Lão', 'commune', ''],
      [5, 'Đặc khu Cát Hải', 'special-zone', 'ĐK Cát Hải'],
    ]);
    expect(registry.consolidator).toBe('Văn phòng UBND thành phố');
  });

  it('finds the columns by their header, in any order and beside other columns', () => {
    expect(
      table(
        registryFromSheet(
          sheet([
            ['Ghi chú', 'Tên khác, viết tắt', 'Loại đơn vị', 'Tên đơn vị', 'STT'],
            ['mới', 'Phường HB', 'phường', 'Phường Hồng Bàng', 2],
            [null, '', 'xã', 'Xã An Lão', 1],
          ]),
        ),
      ),
    ).toEqual([
      [1, 'Xã An Lão', 'commune', ''],
      [2, 'Phường Hồng Bàng', 'ward', 'Phường HB'],
    ]);
  });

  it('reads English headers, and infers the kind when the sheet has no kind column', () => {
    expect(
      table(
        registryFromSheet(
          sheet([
            ['Unit registry'],
            ['No.', 'Unit name', 'Other names, abbreviations'],
            [1, 'UBND xã Tiên Lãng', 'X. Tiên Lãng'],
            [2, 'Phường Lê Chân', ''],
            [3, 'Đặc khu Bạch Long Vĩ', ''],
            [4, 'Sở Y tế', 'SYT'],
          ]),
        ),
      ),
    ).toEqual([
      [1, 'UBND xã Tiên Lãng', 'commune', 'X. Tiên Lãng'],
      [2, 'Phường Lê Chân', 'ward', ''],
      [3, 'Đặc khu Bạch Long Vĩ', 'special-zone', ''],
      [4, 'Sở Y tế', 'department', 'SYT'],
    ]);
  });

  it('never takes a unit row for a header, nor passes over a unit above a header', () => {
    // "Đơn vị" is a header word, but in the aliases of a numbered row it is an alias.
    expect(table(registryFromSheet(sheet([[1, 'Hội Nông dân', 'khác', 'Đơn vị']])))).toEqual([
      [1, 'Hội Nông dân', 'other', 'Đơn vị'],
    ]);
    expect(
      failure(() =>
        registryFromSheet(
          sheet([
            [1, 'Sở Y tế', 'sở', ''],
            ['STT', 'Tên đơn vị', 'Loại', 'Tên khác'],
          ]),
        ),
      ),
    ).toEqual([
      'RegistryError',
      2,
      'Danh mục đơn vị, dòng 2: STT "STT" không phải là số (unit registry, row 2: the order "STT" is not a number)',
    ]);
  });

  it('reads dates, booleans and error values as the text they show', () => {
    expect(
      table(
        registryFromSheet(
          sheet([
            ['STT', 'Tên đơn vị', 'Loại', 'Tên khác'],
            [1, 'Sở Y tế', 'sở', { error: '#N/A' }],
            [2, 'Sở Tư pháp', null, new Date(Date.UTC(2025, 6, 1))],
            [3, 'Sở Nội vụ', 'sở', true],
          ]),
        ),
      ),
    ).toEqual([
      [1, 'Sở Y tế', 'department', '#N/A'],
      [2, 'Sở Tư pháp', 'department', '2025-07-01'],
      [3, 'Sở Nội vụ', 'department', 'TRUE'],
    ]);
  });

  describe('errors name the sheet’s row', () => {
    const title: CellValue[][] = [['DANH MỤC ĐƠN VỊ'], [], ['STT', 'Tên đơn vị', 'Loại', 'Tên khác, viết tắt']];

    it('a unit without a name', () => {
      expect(
        failure(() => registryFromSheet(sheet([...title, [1, 'Sở Y tế', 'sở', ''], [2, null, 'xã', 'X']]))),
      ).toEqual([
        'RegistryError',
        5,
        'Danh mục đơn vị, dòng 5: thiếu tên đơn vị (unit registry, row 5: the unit has no name)',
      ]);
    });

    it('an unknown kind', () => {
      expect(failure(() => registryFromSheet(sheet([...title, [1, 'Thôn Đông', 'thôn', '']])))).toEqual([
        'RegistryError',
        4,
        'Danh mục đơn vị, dòng 4: loại đơn vị "thôn" không rõ (dùng sở/ban/ngành, xã, phường, đặc khu, quận/huyện, khác hoặc tổng hợp) (unit registry, row 4: unknown unit kind "thôn" (use department, commune, ward, special zone, district, other or consolidator))',
      ]);
    });

    it('one unit written twice, abbreviated', () => {
      expect(
        failure(() =>
          registryFromSheet(
            sheet([
              ...title,
              [1, 'Ủy ban nhân dân phường Hồng Bàng', 'phường', ''],
              [],
              [2, 'UBND P. Hồng Bàng', 'phường', ''],
            ]),
          ),
        ),
      ).toEqual([
        'RegistryError',
        6,
        'Danh mục đơn vị, dòng 6: "UBND P. Hồng Bàng" trùng với "Ủy ban nhân dân phường Hồng Bàng" ở dòng 4 (unit registry, row 6: "UBND P. Hồng Bàng" is the same unit as "Ủy ban nhân dân phường Hồng Bàng" on row 4)',
      ]);
    });
  });

  it('lets a ward and a commune of one place, and a district before them, sit together', () => {
    expect(
      registryFromSheet(
        sheet([
          [1, 'Phường An Dương', 'phường', ''],
          [2, 'Xã An Dương', 'xã', ''],
          [3, 'UBND huyện An Dương', 'huyện', ''],
        ]),
      ).units.map((u) => u.group),
    ).toEqual(['Phường', 'Xã', 'Quận, huyện']);
  });
});

describe('registryFromUnits', () => {
  it('reads a definition’s units in list order, kinds given or inferred', () => {
    const registry = registryFromUnits([
      { name: 'Văn phòng UBND thành phố', kind: 'tổng hợp' },
      { name: 'Sở Tư pháp', kind: 'sở', aliases: ['STP'] },
      { name: 'UBND xã An Lão', aliases: ['X. An Lão', ' ', 'UBND xã An Lão'] },
      { name: ' Phường  Hồng Bàng ', kind: 'ward', aliases: [] },
      { name: 'Đặc khu Cát Hải', kind: 'Đặc khu', aliases: ['ĐK Cát Hải; Cát Hải'] },
    ]);
    expect(table(registry)).toEqual([
      [1, 'Văn phòng UBND thành phố', 'department', ''],
      [2, 'Sở Tư pháp', 'department', 'STP'],
      [3, 'UBND xã An Lão', 'commune', 'X. An Lão'],
      [4, 'Phường Hồng Bàng', 'ward', ''],
      [5, 'Đặc khu Cát Hải', 'special-zone', 'ĐK Cát Hải; Cát Hải'],
    ]);
    expect(registry.consolidator).toBe('Văn phòng UBND thành phố');
    expect(registryFromUnits([])).toEqual({ units: [] });
  });

  it('reads fields of the wrong type, as JSON may give them, as text or as missing', () => {
    const units = [
      { name: 115, kind: 'khác', aliases: 'Đường dây nóng' },
      { name: 'Sở Y tế', kind: null, aliases: [1, null] },
    ] as unknown as Parameters<typeof registryFromUnits>[0];
    expect(table(registryFromUnits(units))).toEqual([
      [1, '115', 'other', 'Đường dây nóng'],
      [2, 'Sở Y tế', 'department', '1'],
    ]);
  });

  describe('errors name the entry, 1-based', () => {
    it('one unit written twice', () => {
      expect(
        failure(() =>
          registryFromUnits([
            { name: 'Sở Tư pháp', kind: 'sở', aliases: ['STP'] },
            { name: 'Sở Y tế', kind: 'sở' },
            { name: 'Sở Nội vụ', kind: 'sở', aliases: ['stp'] },
          ]),
        ),
      ).toEqual([
        'RegistryEntryError',
        3,
        'Danh mục đơn vị, mục 3: "stp" trùng với "Sở Tư pháp" ở mục 1 (unit registry, entry 3: "stp" is the same unit as "Sở Tư pháp" on entry 1)',
      ]);
    });

    it('an unknown kind', () => {
      expect(failure(() => registryFromUnits([{ name: 'Sở Y tế' }, { name: 'Bộ Tài chính', kind: 'bộ' }]))).toEqual([
        'RegistryEntryError',
        2,
        'Danh mục đơn vị, mục 2: loại đơn vị "bộ" không rõ (dùng sở/ban/ngành, xã, phường, đặc khu, quận/huyện, khác hoặc tổng hợp) (unit registry, entry 2: unknown unit kind "bộ" (use department, commune, ward, special zone, district, other or consolidator))',
      ]);
    });

    it('a unit without a name', () => {
      expect(failure(() => registryFromUnits([{ name: ' ' }]))).toEqual([
        'RegistryEntryError',
        1,
        'Danh mục đơn vị, mục 1: thiếu tên đơn vị (unit registry, entry 1: the unit has no name)',
      ]);
      const missing = [{ name: 'Sở Y tế' }, null] as unknown as Parameters<typeof registryFromUnits>[0];
      expect(failure(() => registryFromUnits(missing))[1]).toBe(2);
    });

    it('a second consolidating unit', () => {
      expect(
        failure(() =>
          registryFromUnits([
            { name: 'Sở Tài chính', kind: 'tổng hợp' },
            { name: 'Văn phòng UBND thành phố', kind: 'consolidator' },
          ]),
        ),
      ).toEqual([
        'RegistryEntryError',
        2,
        'Danh mục đơn vị, mục 2: đã có đơn vị tổng hợp "Sở Tài chính" ở mục 1 (unit registry, entry 2: the consolidating unit is already "Sở Tài chính" on entry 1)',
      ]);
    });

    it('is a RegistryError carrying the entry and both languages', () => {
      try {
        registryFromUnits([{ name: 'Sở Y tế', kind: 'bộ' }]);
        throw new Error('no error thrown');
      } catch (e) {
        expect(e).toBeInstanceOf(RegistryEntryError);
        expect(e).toBeInstanceOf(RegistryError);
        expect(e).toMatchObject({
          entry: 1,
          row: 1,
          en: 'unknown unit kind "bộ" (use department, commune, ward, special zone, district, other or consolidator)',
        });
      }
    });
  });
});

describe('registrySheetRows', () => {
  it('writes the default registry with its header, the kind a person would write and the aliases', () => {
    const rows = registrySheetRows(defaultRegistry, 'vi');
    expect(rows).toHaveLength(47);
    expect(rows.slice(0, 4)).toEqual([
      ['STT', 'Tên đơn vị', 'Loại', 'Tên khác, viết tắt'],
      [1, 'Sở Kế hoạch và Đầu tư', 'tổng hợp', ''],
      [2, 'Sở Du lịch', 'sở', ''],
      [3, 'Thanh tra thành phố', 'ngành', ''],
    ]);
    expect(rows.filter((row) => [24, 26, 27, 42].includes(row[0] as number))).toEqual([
      [24, 'Ban Quản lý khu kinh tế Hải Phòng', 'ban', ''],
      [26, 'Ủy ban nhân dân huyện Kiến Thụy', 'huyện', ''],
      [27, 'Ủy ban nhân dân quận Ngô Quyền', 'quận', ''],
      [42, 'Liên minh Hợp tác xã thành phố', 'khác', 'Liên minh HTX TP'],
    ]);
  });

  it('writes each kind’s word, in Vietnamese or English', () => {
    const registry = registryFromUnits([
      { name: 'Văn phòng UBND thành phố', kind: 'tổng hợp' },
      { name: 'Sở Tư pháp', aliases: ['STP', 'Sở TP'] },
      { name: 'Xã An Lão' },
      { name: 'Phường Hồng Bàng' },
      { name: 'Đặc khu Cát Hải' },
      { name: 'UBND Kiến Thụy', kind: 'huyện' },
      { name: 'Hiệp hội Doanh nghiệp' },
    ]);
    expect(registrySheetRows(registry, 'vi')).toEqual([
      ['STT', 'Tên đơn vị', 'Loại', 'Tên khác, viết tắt'],
      [1, 'Văn phòng UBND thành phố', 'tổng hợp', ''],
      [2, 'Sở Tư pháp', 'sở', 'STP; Sở TP'],
      [3, 'Xã An Lão', 'xã', ''],
      [4, 'Phường Hồng Bàng', 'phường', ''],
      [5, 'Đặc khu Cát Hải', 'đặc khu', ''],
      [6, 'UBND Kiến Thụy', 'quận/huyện', ''],
      [7, 'Hiệp hội Doanh nghiệp', 'khác', ''],
    ]);
    expect(registrySheetRows(registry, 'en').map((row) => row[2])).toEqual([
      'Kind',
      'consolidator',
      'department',
      'commune',
      'ward',
      'special-zone',
      'district',
      'other',
    ]);
    expect(registrySheetRows(registry, 'en')[0]).toEqual(['No.', 'Unit name', 'Kind', 'Other names, abbreviations']);
  });

  it('reads back as the registry it was written from', () => {
    for (const lang of ['vi', 'en'] as const) {
      const rows = registrySheetRows(defaultRegistry, lang);
      expect(registryFromRows(rows)).toEqual(defaultRegistry);
      expect(registryFromSheet(sheet(rows))).toEqual(defaultRegistry);
    }
  });

  it('reads back as the registry it was written from, whatever the registry', () => {
    const kindWord = fc.constantFrom('sở', 'ban', 'xã', 'phường', 'đặc khu', 'quận', 'huyện', 'khác', 'ward', '');
    const prefix = fc.constantFrom('Sở', 'Ban', 'UBND xã', 'Phường', 'Đặc khu', 'UBND huyện', 'Hội', '');
    const name = fc
      .tuple(prefix, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }))
      .map(([p, rest]) => `${p} ${rest}`);
    const row = fc.tuple(
      fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant('')),
      name,
      kindWord,
      fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }).map((aliases) => aliases.join(';')),
    );
    const consolidatorAt = fc.option(fc.nat(20), { nil: undefined });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), consolidatorAt, (rows, at) => {
        const written = rows.map((r, i) => (i === at ? [r[0], r[1], 'tổng hợp', r[3]] : [...r]));
        let registry: UnitRegistry;
        try {
          registry = registryFromRows([['STT', 'Tên đơn vị', 'Loại', 'Tên khác'], ...written]);
        } catch (e) {
          if (!(e instanceof RegistryError)) throw e;
          fc.pre(false);
          return;
        }
        for (const lang of ['vi', 'en'] as const) {
          expect(registryFromRows(registrySheetRows(registry, lang))).toEqual(registry);
        }
      }),
      { numRuns: 300 },
    );
  });
});
