import { UnitMatcher } from '../../../src/core/units/match';
import {
  defaultRegistry,
  defaultRegistryRows,
  groupLabel,
  inferKind,
  parseCsv,
  RegistryError,
  registryFromRows,
  type UnitRegistry,
  unitGroup,
  unitGroups,
  unitKinds,
} from '../../../src/core/units/registry';

/** A registry as one comparable table: [order, name, kind, aliases]. */
function table(registry: UnitRegistry): [number, string, string, string][] {
  return registry.units.map((u) => [u.order, u.name, u.kind, u.aliases.join('; ')]);
}

/** The error a call throws, as [row, message]. */
function failure(rows: Parameters<typeof registryFromRows>[0]): [number, string] {
  try {
    registryFromRows(rows);
  } catch (e) {
    if (e instanceof RegistryError) return [e.row, e.message];
    throw e;
  }
  throw new Error('no error thrown');
}

describe('defaultRegistry', () => {
  it('is the consolidator then the 45 units of the seed’s Phụ lục 1, numbered 1 to 46', () => {
    expect(defaultRegistry.units).toHaveLength(46);
    expect(defaultRegistry.units.map((u) => u.order)).toEqual(Array.from({ length: 46 }, (_, i) => i + 1));
    expect(defaultRegistry.consolidator).toBe('Sở Kế hoạch và Đầu tư');
    expect(defaultRegistry.units[0]!.name).toBe('Sở Kế hoạch và Đầu tư');
  });

  it('has 27 departments, 15 districts and 4 other units', () => {
    const count = (kind: string) => defaultRegistry.units.filter((u) => u.kind === kind).length;
    expect([count('department'), count('district'), count('other')]).toEqual([27, 15, 4]);
    expect(defaultRegistry.units.filter((u) => u.kind === 'other').map((u) => u.name)).toEqual([
      'Cổng Thông tin điện tử thành phố',
      'Liên minh Hợp tác xã thành phố',
      'VCCI - Chi nhánh Duyên hải Bắc Bộ',
      'Hiệp hội Doanh nghiệp nhỏ và vừa Hải Phòng',
    ]);
  });

  it('keeps the seed’s spellings as aliases where its names differ', () => {
    expect(defaultRegistry.units.filter((u) => u.aliases.length > 0).map((u) => [u.name, u.aliases])).toEqual([
      ['Cổng Thông tin điện tử thành phố', ['Công Thông tin điện tử thành phố']],
      ['Liên minh Hợp tác xã thành phố', ['Liên minh HTX TP']],
      ['Hiệp hội Doanh nghiệp nhỏ và vừa Hải Phòng', ['Hiệp hội DNNVV Hải Phòng']],
    ]);
  });

  it('gives each unit the kind its name implies', () => {
    expect(defaultRegistry.units.filter((u) => inferKind(u.name) !== u.kind).map((u) => u.name)).toEqual([]);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(defaultRegistry.units)).toBe(true);
    expect(Object.isFrozen(defaultRegistry.units[0])).toBe(true);
  });

  it('is what its rows parse to', () => {
    expect(registryFromRows(defaultRegistryRows)).toEqual(defaultRegistry);
  });
});

describe('registryFromRows', () => {
  it('reads order, name, kind (English or Vietnamese) and aliases, skipping the header and blank rows', () => {
    const registry = registryFromRows([
      ['STT', 'Tên đơn vị', 'Loại', 'Tên khác'],
      [1, 'Sở Tài chính', 'Tổng hợp', null],
      [null, null, null, null],
      ['2', ' Sở  Y tế ', 'Sở/Ban/Ngành', 'Sở YT; ; Sở Y tế Hải Phòng;Sở YT'],
      [3, 'Ủy ban nhân dân quận Hồng Bàng', 'quận', 'Quận Hồng Bàng\nQ. Hồng Bàng'],
      ['4.', 'Ủy ban nhân dân huyện An Lão', 'HUYỆN', ''],
      [5, 'Hiệp hội Doanh nghiệp', 'khác', null],
      [6, 'Sở Nội vụ', 'department', null],
      [7, 'UBND quận Lê Chân', 'district', null],
      [8, 'VCCI', 'other', null],
      [9, 'Ban Dân tộc', 'ngành', null],
      [10, 'Cục Thuế', 'ban', null],
    ]);
    expect(table(registry)).toEqual([
      [1, 'Sở Tài chính', 'department', ''],
      [2, 'Sở Y tế', 'department', 'Sở YT; Sở Y tế Hải Phòng'],
      [3, 'Ủy ban nhân dân quận Hồng Bàng', 'district', 'Quận Hồng Bàng; Q. Hồng Bàng'],
      [4, 'Ủy ban nhân dân huyện An Lão', 'district', ''],
      [5, 'Hiệp hội Doanh nghiệp', 'other', ''],
      [6, 'Sở Nội vụ', 'department', ''],
      [7, 'UBND quận Lê Chân', 'district', ''],
      [8, 'VCCI', 'other', ''],
      [9, 'Ban Dân tộc', 'department', ''],
      [10, 'Cục Thuế', 'department', ''],
    ]);
    expect(registry.consolidator).toBe('Sở Tài chính');
  });

  it('recognises English headers too, and a registry without header', () => {
    expect(
      table(
        registryFromRows([
          ['order', 'name', 'kind', 'aliases'],
          [1, 'Sở Y tế', 'department', ''],
        ]),
      ),
    ).toEqual([[1, 'Sở Y tế', 'department', '']]);
    expect(table(registryFromRows([[1, 'Sở Y tế', 'department', '']]))).toEqual([[1, 'Sở Y tế', 'department', '']]);
  });

  it('continues a blank order, sorts by order and keeps the file order for equal ones', () => {
    const registry = registryFromRows([
      [5, 'Sở E', '', ''],
      ['', 'Sở F', '', ''],
      [1, 'Sở A', '', ''],
      ['1,5', 'Sở B', '', ''],
      [1, 'Sở C', '', ''],
    ]);
    expect(registry.units.map((u) => [u.order, u.name])).toEqual([
      [1, 'Sở A'],
      [1, 'Sở C'],
      [1.5, 'Sở B'],
      [5, 'Sở E'],
      [6, 'Sở F'],
    ]);
    expect(registry.consolidator).toBeUndefined();
  });

  it('infers a blank kind from the name', () => {
    expect(
      registryFromRows([
        [1, 'UBND huyện Cát Hải', null, null],
        [2, 'Quận Lê Chân', '', null],
        [3, 'Thanh tra thành phố', null, null],
        [4, 'Bảo hiểm xã hội thành phố', null, null],
        [5, 'Liên minh HTX TP', null, null],
      ]).units.map((u) => u.kind),
    ).toEqual(['district', 'district', 'department', 'department', 'other']);
  });

  it('accepts short rows and numbers as names', () => {
    expect(
      table(
        registryFromRows([
          [1, 'Sở Y tế'],
          [2, 115],
        ]),
      ),
    ).toEqual([
      [1, 'Sở Y tế', 'department', ''],
      [2, '115', 'other', ''],
    ]);
  });

  it('lets names of punctuation only be: they match nothing, so they clash with nothing', () => {
    expect(
      registryFromRows([
        [1, '—', 'khác', '-'],
        [2, '…', 'khác', ''],
      ]).units.map((u) => u.name),
    ).toEqual(['—', '…']);
  });

  it('reads an empty registry as no units', () => {
    expect(registryFromRows([])).toEqual({ units: [] });
    expect(registryFromRows([['STT', 'Tên đơn vị', 'Loại', 'Tên khác'], []])).toEqual({ units: [] });
  });

  describe('errors name the row, in Vietnamese and English', () => {
    it('a row without a name', () => {
      expect(
        failure([
          ['STT', 'Tên đơn vị', 'Loại', 'Tên khác'],
          [1, 'Sở Y tế', 'sở', ''],
          [2, '  ', 'sở', 'Sở X'],
        ]),
      ).toEqual([3, 'Danh mục đơn vị, dòng 3: thiếu tên đơn vị (unit registry, row 3: the unit has no name)']);
    });

    it('a duplicate name, up to case and spacing', () => {
      expect(
        failure([
          [1, 'Sở Y tế', 'sở', ''],
          [null, null, null, null],
          [2, 'sở  y TẾ', 'sở', ''],
        ]),
      ).toEqual([
        3,
        'Danh mục đơn vị, dòng 3: "sở y TẾ" trùng với "Sở Y tế" ở dòng 1 (unit registry, row 3: "sở y TẾ" is the same unit as "Sở Y tế" on row 1)',
      ]);
    });

    it('a name that is another unit abbreviated', () => {
      expect(
        failure([
          [1, 'Sở Lao động - Thương binh và Xã hội', 'sở', ''],
          [2, 'Sở LĐ-TB&XH', 'sở', ''],
        ]),
      ).toEqual([
        2,
        'Danh mục đơn vị, dòng 2: "Sở LĐ-TB&XH" trùng với "Sở Lao động - Thương binh và Xã hội" ở dòng 1 (unit registry, row 2: "Sở LĐ-TB&XH" is the same unit as "Sở Lao động - Thương binh và Xã hội" on row 1)',
      ]);
    });

    it('an alias that is another unit’s name', () => {
      expect(
        failure([
          [1, 'Sở Y tế', 'sở', ''],
          [2, 'Sở Nội vụ', 'sở', 'Sở Y tế Hải Phòng'],
        ]),
      ).toEqual([
        2,
        'Danh mục đơn vị, dòng 2: "Sở Y tế Hải Phòng" trùng với "Sở Y tế" ở dòng 1 (unit registry, row 2: "Sở Y tế Hải Phòng" is the same unit as "Sở Y tế" on row 1)',
      ]);
    });

    it('an unknown kind', () => {
      expect(failure([[1, 'Sở Y tế', 'bộ', '']])).toEqual([
        1,
        'Danh mục đơn vị, dòng 1: loại đơn vị "bộ" không rõ (dùng sở/ban/ngành, xã, phường, đặc khu, quận/huyện, khác hoặc tổng hợp) (unit registry, row 1: unknown unit kind "bộ" (use department, commune, ward, special zone, district, other or consolidator))',
      ]);
    });

    it('an order that is not a number', () => {
      expect(
        failure([
          ['STT', 'Tên đơn vị'],
          ['I', 'Sở Y tế'],
        ]),
      ).toEqual([
        2,
        'Danh mục đơn vị, dòng 2: STT "I" không phải là số (unit registry, row 2: the order "I" is not a number)',
      ]);
    });

    it('a second consolidating unit', () => {
      expect(
        failure([
          [1, 'Sở Kế hoạch và Đầu tư', 'tổng hợp', ''],
          [2, 'Sở Tài chính', 'consolidator', ''],
        ]),
      ).toEqual([
        2,
        'Danh mục đơn vị, dòng 2: đã có đơn vị tổng hợp "Sở Kế hoạch và Đầu tư" ở dòng 1 (unit registry, row 2: the consolidating unit is already "Sở Kế hoạch và Đầu tư" on row 1)',
      ]);
    });

    it('is a RegistryError carrying both languages', () => {
      try {
        registryFromRows([[1, '', 'sở', '']]);
        throw new Error('no error thrown');
      } catch (e) {
        expect(e).toBeInstanceOf(RegistryError);
        expect(e).toMatchObject({ name: 'RegistryError', row: 1, vi: 'thiếu tên đơn vị', en: 'the unit has no name' });
      }
    });
  });

  it('builds a registry a matcher can use', () => {
    const registry = registryFromRows(parseCsv('STT;Tên đơn vị;Loại;Tên khác\n1;Sở Y tế;sở;Sở YT\n'));
    expect(new UnitMatcher(registry).match('sở yt')).toEqual({ kind: 'alias', unit: registry.units[0] });
  });
});

describe('parseCsv', () => {
  it('reads comma-separated text', () => {
    expect(parseCsv('STT,Tên đơn vị,Loại,Tên khác\n1,Sở Y tế,sở,\n')).toEqual([
      ['STT', 'Tên đơn vị', 'Loại', 'Tên khác'],
      ['1', 'Sở Y tế', 'sở', ''],
    ]);
  });

  it('reads semicolon-separated text with a BOM and CRLF', () => {
    expect(parseCsv('\uFEFFSTT;Tên đơn vị;Loại;Tên khác\r\n1;Sở Y tế, Hải Phòng;sở;\r\n')).toEqual([
      ['STT', 'Tên đơn vị', 'Loại', 'Tên khác'],
      ['1', 'Sở Y tế, Hải Phòng', 'sở', ''],
    ]);
  });

  it('reads quoted fields with separators, line breaks and doubled quotes', () => {
    expect(parseCsv('1,"Sở Lao động, Thương binh",sở,"Sở LĐ-TB&XH;Sở ""LĐ"""\n2,"Sở\nY tế",sở,')).toEqual([
      ['1', 'Sở Lao động, Thương binh', 'sở', 'Sở LĐ-TB&XH;Sở "LĐ"'],
      ['2', 'Sở\nY tế', 'sở', ''],
    ]);
  });

  it('keeps blank lines so that rows keep their line numbers', () => {
    expect(parseCsv('a,b\n\nc,d')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });

  it('takes tabs too, as pasted from a sheet', () => {
    expect(parseCsv('1\tSở Y tế\tsở\t\n')).toEqual([['1', 'Sở Y tế', 'sở', '']]);
  });

  it('reads malformed quoting leniently', () => {
    expect(parseCsv('1,Sở "Y" tế,"sở"x\n2,"unterminated')).toEqual([
      ['1', 'Sở "Y" tế', 'sởx'],
      ['2', 'unterminated'],
    ]);
  });

  it('reads empty text as no rows', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
    expect(parseCsv('""')).toEqual([['']]);
  });

  it('names the file row in a registry error', () => {
    const rows = parseCsv('STT;Tên đơn vị;Loại\n1;Sở Y tế;sở\n\n3;Sở Xây dựng;bộ\n');
    expect(failure(rows)[0]).toBe(4);
  });
});

describe('kinds and groups', () => {
  it('reads the kind words of 2025, in any case and with or without accents', () => {
    const registry = registryFromRows([
      ['STT', 'Tên đơn vị', 'Loại', 'Tên khác, viết tắt'],
      [1, 'Văn phòng UBND thành phố', 'Tổng hợp', ''],
      [2, 'Sở Nội vụ', 'SỞ', ''],
      [3, 'Ủy ban nhân dân xã An Lão', 'xã', ''],
      [4, 'Ủy ban nhân dân xã Kiến Thụy', 'XA', ''],
      [5, 'Ủy ban nhân dân phường Hồng Bàng', 'Phường', ''],
      [6, 'Ủy ban nhân dân phường Lê Chân', 'phuong', ''],
      [7, 'Đặc khu Cát Hải', 'Đặc khu', ''],
      [8, 'Đặc khu Bạch Long Vĩ', 'ĐẶC KHU', ''],
      [9, 'Ủy ban nhân dân huyện Tiên Lãng', 'huyện', ''],
      [10, 'Ủy ban nhân dân quận Ngô Quyền', 'Quận', ''],
      [11, 'Ủy ban nhân dân xã Vĩnh Bảo', 'commune', ''],
      [12, 'Ủy ban nhân dân phường Hải An', 'ward', ''],
      [13, 'Đặc khu A', 'special-zone', ''],
      [14, 'Đặc khu B', 'special zone', ''],
      [15, 'Liên minh Hợp tác xã', 'khác', ''],
      [16, 'Ban Dân tộc', 'ban', ''],
      [17, 'Công an thành phố', 'ngành', ''],
    ]);
    expect(registry.units.map((u) => [u.order, u.kind, u.group])).toEqual([
      [1, 'department', 'Sở, ban, ngành'],
      [2, 'department', 'Sở, ban, ngành'],
      [3, 'commune', 'Xã'],
      [4, 'commune', 'Xã'],
      [5, 'ward', 'Phường'],
      [6, 'ward', 'Phường'],
      [7, 'special-zone', 'Đặc khu'],
      [8, 'special-zone', 'Đặc khu'],
      [9, 'district', 'Quận, huyện'],
      [10, 'district', 'Quận, huyện'],
      [11, 'commune', 'Xã'],
      [12, 'ward', 'Phường'],
      [13, 'special-zone', 'Đặc khu'],
      [14, 'special-zone', 'Đặc khu'],
      [15, 'other', 'Khác'],
      [16, 'department', 'Sở, ban, ngành'],
      [17, 'department', 'Sở, ban, ngành'],
    ]);
    expect(registry.consolidator).toBe('Văn phòng UBND thành phố');
  });

  it('infers the kinds of 2025 from the name', () => {
    const names = [
      'UBND xã An Lão',
      'Xã Tiên Lãng',
      'UBND X. Vĩnh Bảo',
      'Phường Hồng Bàng',
      'UBND P. Lê Chân',
      'Ủy ban nhân dân phường Thủy Nguyên, thành phố Hải Phòng',
      'Đặc khu Cát Hải',
      'ĐK Bạch Long Vĩ',
      'UBND đặc khu Cát Hải',
      'UBND huyện An Lão',
      'Quận Ngô Quyền',
      'Thị xã Kinh Môn',
      'UBND thành phố Thủy Nguyên',
      'UBND Kiến Thụy',
      'Sở Nông nghiệp và Môi trường',
      'Liên minh Hợp tác xã',
    ];
    expect(names.map((name) => [name, inferKind(name)])).toEqual([
      ['UBND xã An Lão', 'commune'],
      ['Xã Tiên Lãng', 'commune'],
      ['UBND X. Vĩnh Bảo', 'commune'],
      ['Phường Hồng Bàng', 'ward'],
      ['UBND P. Lê Chân', 'ward'],
      ['Ủy ban nhân dân phường Thủy Nguyên, thành phố Hải Phòng', 'ward'],
      ['Đặc khu Cát Hải', 'special-zone'],
      ['ĐK Bạch Long Vĩ', 'special-zone'],
      ['UBND đặc khu Cát Hải', 'special-zone'],
      ['UBND huyện An Lão', 'district'],
      ['Quận Ngô Quyền', 'district'],
      ['Thị xã Kinh Môn', 'district'],
      ['UBND thành phố Thủy Nguyên', 'district'],
      ['UBND Kiến Thụy', 'district'],
      ['Sở Nông nghiệp và Môi trường', 'department'],
      ['Liên minh Hợp tác xã', 'other'],
    ]);
  });

  it('gives every kind a group label in Vietnamese and English, in the order a summary lists them', () => {
    expect(unitKinds.map((kind) => [kind, unitGroup(kind), unitGroup(kind, 'en')])).toEqual([
      ['department', 'Sở, ban, ngành', 'Departments and agencies'],
      ['district', 'Quận, huyện', 'Districts'],
      ['commune', 'Xã', 'Communes'],
      ['ward', 'Phường', 'Wards'],
      ['special-zone', 'Đặc khu', 'Special zones'],
      ['other', 'Khác', 'Other units'],
    ]);
    expect(unitGroups).toEqual(['Sở, ban, ngành', 'Quận, huyện', 'Xã', 'Phường', 'Đặc khu', 'Khác']);
  });

  it('gives a group’s English label, and any other text back as it is', () => {
    expect(unitGroups.map((group) => groupLabel(group, 'en'))).toEqual([
      'Departments and agencies',
      'Districts',
      'Communes',
      'Wards',
      'Special zones',
      'Other units',
    ]);
    expect(groupLabel('Xã', 'vi')).toBe('Xã');
    expect(groupLabel('Thôn', 'en')).toBe('Thôn');
  });

  it('counts the default registry in its groups', () => {
    const count = (group: string) => defaultRegistry.units.filter((u) => u.group === group).length;
    expect(unitGroups.map(count)).toEqual([27, 15, 0, 0, 0, 4]);
  });

  it('a group label reads back as its kind', () => {
    expect(
      registryFromRows(unitKinds.map((kind, i) => [i + 1, `Đơn vị ${i + 1}`, unitGroup(kind), ''])).units.map(
        (u) => u.kind,
      ),
    ).toEqual(unitKinds);
  });
});
