import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnitMatcher, type UnitMatch } from '../../../src/core/units/match';
import { parseCsv, registryFromRows, unitGroups } from '../../../src/core/units/registry';
import { registrySheetRows } from '../../../src/core/units/sheet';

/** The sample registry of Hải Phòng after July 2025, read as `--registry` reads it. */
const csv = readFileSync(join(__dirname, '../../../definitions/units/hai-phong-2025.csv'), 'utf8');
const registry = registryFromRows(parseCsv(csv));
const matcher = new UnitMatcher(registry);

function summary(m: UnitMatch): string[] {
  return m.kind === 'unknown' ? ['unknown', ...m.closest.map((u) => u.name)] : [m.kind, m.unit.name];
}

const UBND = 'Ủy ban nhân dân';

describe('the sample registry of Hải Phòng, 2025', () => {
  it('holds 30 units: the consolidator, 13 departments, 9 wards, 5 communes and 2 special zones', () => {
    expect(registry.units).toHaveLength(30);
    expect(registry.consolidator).toBe(`Văn phòng ${UBND} thành phố`);
    const count = (group: string) => registry.units.filter((u) => u.group === group).length;
    expect(unitGroups.map((group) => [group, count(group)])).toEqual([
      ['Sở, ban, ngành', 14],
      ['Quận, huyện', 0],
      ['Xã', 5],
      ['Phường', 9],
      ['Đặc khu', 2],
      ['Khác', 0],
    ]);
  });

  it('is written as Soát writes a registry sheet', () => {
    const written = registrySheetRows(registry, 'vi').map((row) => row.map(String));
    expect(parseCsv(csv)).toEqual(written);
  });

  const spellings: [written: string, canonical: string][] = [
    // The consolidator and departments: registry aliases and abbreviations
    ['VP UBND TP', `Văn phòng ${UBND} thành phố`],
    ['Văn phòng UBND thành phố Hải Phòng', `Văn phòng ${UBND} thành phố`],
    ['STP', 'Sở Tư pháp'],
    ['Sở NN&MT', 'Sở Nông nghiệp và Môi trường'],
    ['Sở NN và MT', 'Sở Nông nghiệp và Môi trường'],
    ['Sở VH,TT&DL', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['Sở VHTTDL Hải Phòng', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['Sở KH&CN', 'Sở Khoa học và Công nghệ'],
    ['Sở GD&ĐT TP', 'Sở Giáo dục và Đào tạo'],
    ['Sở Xây dựng TP Hải Phòng', 'Sở Xây dựng'],
    ['BQL KKT HP', 'Ban Quản lý khu kinh tế Hải Phòng'],
    ['Thanh tra TP', 'Thanh tra thành phố'],
    // Wards
    ['UBND P. Hồng Bàng', `${UBND} phường Hồng Bàng`],
    ['UBND phường Lê Chân', `${UBND} phường Lê Chân`],
    ['Phường Ngô Quyền', `${UBND} phường Ngô Quyền`],
    ['P. Hải An', `${UBND} phường Hải An`],
    ['UBND phường Thủy Nguyên, TP Hải Phòng', `${UBND} phường Thủy Nguyên`],
    ['Phuong Do Son', `${UBND} phường Đồ Sơn`],
    ['Kiến An', `${UBND} phường Kiến An`],
    // Communes
    ['UBND X. An Lão', `${UBND} xã An Lão`],
    ['Xã Kiến Thụy', `${UBND} xã Kiến Thụy`],
    ['UBND xã Tiên Lãng - tỉnh Hải Phòng', `${UBND} xã Tiên Lãng`],
    ['UBND xã Vĩnh Bảo, TP Hải Phòng', `${UBND} xã Vĩnh Bảo`],
    ['UBND Nguyễn Bỉnh Khiêm', `${UBND} xã Nguyễn Bỉnh Khiêm`],
    // Special zones
    ['ĐK Cát Hải', `${UBND} đặc khu Cát Hải`],
    ['Đặc khu Cát Hải', `${UBND} đặc khu Cát Hải`],
    ['UBND Đặc khu Bạch Long Vĩ', `${UBND} đặc khu Bạch Long Vĩ`],
    ['BLV', `${UBND} đặc khu Bạch Long Vĩ`],
  ];
  it.each(spellings)('"%s" is "%s"', (written, canonical) => {
    expect(summary(matcher.match(written))).toEqual(['alias', canonical]);
  });

  it('matches every unit by its own name', () => {
    for (const unit of registry.units) expect(matcher.match(unit.name)).toEqual({ kind: 'exact', unit });
  });

  // The units of 2024 are gone: their names are unknown, the new unit of the place suggested first.
  const gone: [string, string[]][] = [
    ['UBND huyện An Lão', ['unknown', `${UBND} xã An Lão`, `${UBND} phường Kiến An`, `${UBND} phường Hải An`]],
    ['UBND quận Hồng Bàng', ['unknown', `${UBND} phường Hồng Bàng`]],
    ['UBND huyện Cát Hải', ['unknown', `${UBND} đặc khu Cát Hải`, `${UBND} phường Hải An`]],
    ['Xã Đồ Sơn', ['unknown', `${UBND} phường Đồ Sơn`, `${UBND} xã An Lão`]],
    // Merged into Sở Tài chính: an alias the user adds, not one Soát guesses.
    ['Sở Kế hoạch và Đầu tư', ['unknown', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Tư pháp', 'Sở Khoa học và Công nghệ']],
  ];
  it.each(gone)('"%s" is unknown', (written, expected) => {
    expect(summary(matcher.match(written))).toEqual(expected);
  });
});
