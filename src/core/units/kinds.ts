/**
 * Kinds of unit and the groups a summary counts them by. Since July 2025 districts are abolished
 * and communes, wards and special zones report instead; a registry may hold both during the change.
 */
import type { Lang } from '../report/finding';
import { stripAccents } from '../values/text';
import { nameKey, type LocalKind } from './names';

/** `district` is a quận or huyện (before July 2025); the rest of local government is `LocalKind`. */
export type UnitKind = 'department' | LocalKind | 'other';

/** A kind as a registry writes it: `consolidator` is a department that consolidates the reports. */
export type KindWord = UnitKind | 'consolidator';

/** The kinds in the order a summary lists their groups. */
export const unitKinds: readonly UnitKind[] = ['department', 'district', 'commune', 'ward', 'special-zone', 'other'];

const GROUPS: Readonly<Record<UnitKind, readonly [vi: string, en: string]>> = {
  department: ['Sở, ban, ngành', 'Departments and agencies'],
  district: ['Quận, huyện', 'Districts'],
  commune: ['Xã', 'Communes'],
  ward: ['Phường', 'Wards'],
  'special-zone': ['Đặc khu', 'Special zones'],
  other: ['Khác', 'Other units'],
};

/** The group a unit of this kind is counted in, as a label in the language asked for. */
export function unitGroup(kind: UnitKind, lang: Lang = 'vi'): string {
  return GROUPS[kind][lang === 'vi' ? 0 : 1];
}

/** Group labels (Vietnamese, as `Unit.group` holds them) in the order of `unitKinds`. */
export const unitGroups: readonly string[] = unitKinds.map((kind) => unitGroup(kind));

/** A group's label in the language asked for; a label that is no group is given back as it is. */
export function groupLabel(group: string, lang: Lang): string {
  if (lang === 'vi') return group;
  const kind = unitKinds.find((k) => unitGroup(k) === group);
  return kind ? unitGroup(kind, 'en') : group;
}

/** The level of local government a kind is, if it is one. */
export function localKindOf(kind: UnitKind): LocalKind | undefined {
  return kind === 'department' || kind === 'other' ? undefined : kind;
}

/** Lower case, no accents, punctuation as spaces: "Sở/Ban/Ngành" -> "so ban nganh". */
export function plainWord(text: string): string {
  return stripAccents(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Kind words, English or Vietnamese, as `plainWord` gives them. */
const KIND_WORDS: ReadonlyMap<string, KindWord> = new Map([
  ...['department', 'so', 'ban', 'nganh', 'so ban nganh'].map((w) => [w, 'department'] as const),
  ...['district', 'quan', 'huyen', 'quan huyen'].map((w) => [w, 'district'] as const),
  ...['commune', 'xa'].map((w) => [w, 'commune'] as const),
  ...['ward', 'phuong'].map((w) => [w, 'ward'] as const),
  ...['special zone', 'dac khu'].map((w) => [w, 'special-zone'] as const),
  ...['other', 'khac'].map((w) => [w, 'other'] as const),
  ...['consolidator', 'tong hop', 'dau moi', 'dau moi tong hop', 'don vi tong hop'].map(
    (w) => [w, 'consolidator'] as const,
  ),
]);

/** The kind a written kind word means, or undefined when it is no kind word. */
export function readKindWord(text: string): KindWord | undefined {
  return KIND_WORDS.get(plainWord(text));
}

/** The words to use, for the message that rejects an unknown one. */
export const kindWordsHint = {
  vi: 'dùng sở/ban/ngành, xã, phường, đặc khu, quận/huyện, khác hoặc tổng hợp',
  en: 'use department, commune, ward, special zone, district, other or consolidator',
} as const;

const DEPARTMENT_PREFIXES = ['so', 'ban', 'cuc', 'thanh tra', 'cong an', 'toa an', 'bao hiem', 'chi nhanh'];

/** The kind a name implies, for a row that leaves the kind blank. */
export function inferKind(name: string): UnitKind {
  const key = nameKey(name);
  // "UBND Kiến Thụy" says no level: read as a district, as registries before 2025 wrote them.
  if (key.local) return key.local.kind ?? 'district';
  return DEPARTMENT_PREFIXES.some((p) => key.bare === p || key.bare.startsWith(`${p} `)) ? 'department' : 'other';
}

/**
 * The word a registry sheet writes in its kind column: the one a person would write for this
 * unit ("sở" for a Sở, "huyện" for a huyện), in English the kind's id.
 */
export function kindWordOf(kind: KindWord, name: string, lang: Lang): string {
  if (lang === 'en') return kind;
  switch (kind) {
    case 'consolidator':
      return 'tổng hợp';
    case 'department': {
      const first = nameKey(name).bare.split(' ')[0];
      return first === 'ban' ? 'ban' : first === 'so' ? 'sở' : 'ngành';
    }
    case 'district': {
      const level = nameKey(name).local?.level;
      return level === 'quận' || level === 'huyện' ? level : 'quận/huyện';
    }
    case 'commune':
      return 'xã';
    case 'ward':
      return 'phường';
    case 'special-zone':
      return 'đặc khu';
    case 'other':
      return 'khác';
  }
}
