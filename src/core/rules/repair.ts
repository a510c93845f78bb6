import type { ShownNumber } from './ratio';
import { exactRatio, ratioAccepted, roundTo } from './ratio';

/**
 * Single-cell repairs of the online-services block (E total, F full-process, G its %, H partial,
 * I its %). Tried in this order because when the parts and the percentages agree with each
 * other, the total is the odd one out: E = 1, F = 4, H = 0, G = 100 means E is probably 4.
 */
export interface ServiceCounts {
  readonly E?: number;
  readonly F?: number;
  readonly H?: number;
  readonly G?: ShownNumber;
  readonly I?: ShownNumber;
}

export type RepairKey = 'E' | 'F' | 'H' | 'G' | 'I';

/** True when every relation between the present values holds. */
export function servicesConsistent(c: ServiceCounts): boolean {
  const { E, F, H, G, I } = c;
  if (E === undefined) return true;
  if ((F !== undefined && F > E) || (H !== undefined && H > E)) return false;
  if (F !== undefined && H !== undefined && F + H !== E) return false;
  if (E > 0 && F !== undefined && G !== undefined && !ratioAccepted(G, exactRatio(F, E))) return false;
  if (E > 0 && H !== undefined && I !== undefined && !ratioAccepted(I, exactRatio(H, E))) return false;
  return true;
}

function candidates(c: ServiceCounts): [RepairKey, number][] {
  const { E, F, H, G, I } = c;
  const list: [RepairKey, number | undefined][] = [
    ['E', F !== undefined && H !== undefined ? F + H : undefined],
    ['F', E !== undefined && H !== undefined ? E - H : undefined],
    ['H', E !== undefined && F !== undefined ? E - F : undefined],
    ['G', E && F !== undefined && G ? roundTo(exactRatio(F, E), G.decimals) : undefined],
    ['I', E && H !== undefined && I ? roundTo(exactRatio(H, E), I.decimals) : undefined],
  ];
  return list.filter((entry): entry is [RepairKey, number] => entry[1] !== undefined && entry[1] >= 0);
}

function withValue(c: ServiceCounts, key: RepairKey, value: number): ServiceCounts {
  if (key === 'G' || key === 'I') return { ...c, [key]: { value, decimals: c[key]!.decimals } };
  return { ...c, [key]: value };
}

function currentValue(c: ServiceCounts, key: RepairKey): number | undefined {
  const v = c[key];
  return typeof v === 'object' ? v.value : v;
}

/** The one cell whose change makes the block consistent, or undefined when none does. */
export function suggestServiceRepair(c: ServiceCounts): { key: RepairKey; value: number } | undefined {
  if (servicesConsistent(c)) return undefined;
  for (const [key, value] of candidates(c)) {
    if (value === currentValue(c, key)) continue;
    if (servicesConsistent(withValue(c, key, value))) return { key, value };
  }
  return undefined;
}
