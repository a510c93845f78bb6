import type { AppendixTemplate, SumDef } from '../templates/appendix';
import type { ShownNumber } from './ratio';
import { exactRatio, ratioAccepted, roundTo } from './ratio';

/**
 * The relations a definition sets between the numbers of a row (parts that add up to a total,
 * ratios of a part to a total), and the single-cell repair that makes them hold. Candidates are
 * tried totals first, then parts, then ratios: when the parts and the percentages agree with each
 * other, the total is the odd one out (E = 1, F = 4, H = 0, G = 100 means E is probably 4).
 */

/** The row's usable numbers by column key, as shown (value and decimals typed). */
export interface RowNumbers {
  get(key: string): ShownNumber | undefined;
}

/** Float noise below this is not a difference a reader can see. */
const tolerance = 1e-9;

export type SumState = 'holds' | 'part-exceeds' | 'mismatch' | 'unknown';

/** Whether the parts add up; parts above the total are the first thing wrong. */
export function sumState(sum: SumDef, numbers: RowNumbers): SumState {
  const total = numbers.get(sum.total);
  if (!total) return 'unknown';
  let known = true;
  for (const part of sum.parts) {
    const value = numbers.get(part)?.value;
    if (value === undefined) known = false;
    else if (value > total.value + tolerance) return 'part-exceeds';
  }
  if (!known) return 'unknown';
  const added = partsSum(sum, numbers);
  if (ratioAccepted(total, added)) return 'holds';
  return sum.op === '<=' && added < total.value ? 'holds' : 'mismatch';
}

export function partsSum(sum: SumDef, numbers: RowNumbers): number {
  let added = 0;
  for (const part of sum.parts) added += numbers.get(part)?.value ?? 0;
  return roundTo(added, 10);
}

function ratioHolds(template: AppendixTemplate, key: string, numbers: RowNumbers): boolean {
  const ratio = template.byKey.get(key)?.ratio;
  const shown = numbers.get(key);
  const part = ratio && numbers.get(ratio.part);
  const total = ratio && numbers.get(ratio.total);
  if (!shown || !part || !total || total.value <= 0) return true;
  return ratioAccepted(shown, exactRatio(part.value, total.value));
}

/** True when every relation between the present values holds. */
export function relationsHold(template: AppendixTemplate, numbers: RowNumbers): boolean {
  if (
    template.sums.some((s) => {
      const state = sumState(s, numbers);
      return state === 'part-exceeds' || state === 'mismatch';
    })
  )
    return false;
  return template.columns.every((c) => !c.ratio || ratioHolds(template, c.key, numbers));
}

function candidates(template: AppendixTemplate, numbers: RowNumbers): [string, number][] {
  const list: [string, number | undefined][] = [];
  const value = (k: string) => numbers.get(k)?.value;
  for (const sum of template.sums) {
    if (sum.op !== '=') continue;
    const decimals = numbers.get(sum.total)?.decimals ?? 0;
    const known = sum.parts.every((p) => value(p) !== undefined);
    list.push([sum.total, known ? roundTo(partsSum(sum, numbers), decimals) : undefined]);
    for (const part of sum.parts) {
      const others = sum.parts.filter((p) => p !== part);
      const total = value(sum.total);
      const ready = total !== undefined && others.every((p) => value(p) !== undefined);
      const rest = others.reduce((n, p) => n + value(p)!, 0);
      list.push([part, ready ? roundTo(total - rest, numbers.get(part)?.decimals ?? decimals) : undefined]);
    }
  }
  for (const column of template.columns) {
    const shown = numbers.get(column.key);
    if (!column.ratio || !shown) continue;
    const part = value(column.ratio.part);
    const total = value(column.ratio.total);
    list.push([column.key, total && part !== undefined ? roundTo(exactRatio(part, total), shown.decimals) : undefined]);
  }
  return list.filter((entry): entry is [string, number] => entry[1] !== undefined && entry[1] >= 0);
}

/** The one cell whose change makes the row's relations hold, or undefined when none does. */
export function suggestRepair(
  template: AppendixTemplate,
  numbers: RowNumbers,
): { key: string; value: number } | undefined {
  if (relationsHold(template, numbers)) return undefined;
  for (const [key, value] of candidates(template, numbers)) {
    const current = numbers.get(key);
    if (value === current?.value) continue;
    const repaired = { value, decimals: current?.decimals ?? 0 };
    const changed: RowNumbers = { get: (k) => (k === key ? repaired : numbers.get(k)) };
    if (relationsHold(template, changed)) return { key, value };
  }
  return undefined;
}
