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
  const slack = tolerance * Math.max(1, Math.abs(exact));
  return (
    Math.abs(roundTo(exact, shown.decimals) - shown.value) < slack ||
    Math.abs(truncateTo(exact, shown.decimals) - shown.value) < slack
  );
}

/** Off by a whole percentage point or more is wrong; less is probably a rounding slip. */
export function ratioSeverity(shown: ShownNumber, exact: number): 'error' | 'warning' {
  return Math.abs(shown.value - exact) >= 1 - tolerance ? 'error' : 'warning';
}
