/**
 * Percentages derived from counts, and how a typed percentage is judged against them. A unit
 * may round or truncate to the decimals it shows: 17/26 = 65.38… is right as 65, 65.3 or 65.4.
 */

export interface ShownNumber {
  readonly value: number;
  readonly decimals: number;
}

/** Float noise below this is not a difference a reader can see. */
const tolerance = 1e-9;

export function exactRatio(part: number, total: number): number {
  return (part / total) * 100;
}

export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale + tolerance) / scale;
}

function truncateTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.floor(value * scale + tolerance) / scale;
}

export function ratioAccepted(shown: ShownNumber, exact: number): boolean {
  return [roundTo(exact, shown.decimals), truncateTo(exact, shown.decimals)].some(
    (candidate) => Math.abs(candidate - shown.value) < tolerance * Math.max(1, Math.abs(exact)),
  );
}

/** Off by a whole percentage point or more is wrong; less is probably a rounding slip. */
export function ratioSeverity(shown: ShownNumber, exact: number): 'error' | 'warning' {
  return Math.abs(shown.value - exact) >= 1 - tolerance ? 'error' : 'warning';
}
