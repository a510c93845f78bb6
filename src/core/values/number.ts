/**
 * Reads a number cell the way a Vietnamese reader would: decimal comma or point, thousands
 * groups in counts, a trailing "%", and ranges ("2-3") told apart from negative numbers.
 * Never throws: a bad cell is a reading, and the caller records the finding.
 */
import { type CellValue, isCellError } from '../snapshot';
import { cleanSpaces } from './text';

export type NumberKind = 'count' | 'decimal' | 'percent';

export type NumberReading =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; decimalComma: boolean; decimalsShown: number }
  | { kind: 'invalid'; rule: 'not-a-number' | 'range-value' | 'formula-error' };

type InvalidRule = Extract<NumberReading, { kind: 'invalid' }>['rule'];

const BLANK: NumberReading = { kind: 'blank' };
const invalid = (rule: InvalidRule): NumberReading => ({ kind: 'invalid', rule });

/** Shortest-form decimals beyond this are float noise, not something a person typed. */
const MAX_DECIMALS = 10;

/** Office.js and Google Sheets hand a formula's error value over as its literal text. */
const ERROR_LITERALS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
  '#BUSY!',
  '#ERROR!',
]);

/** One end of a range: a number as typed, possibly with its own "%". */
const RANGE_END = String.raw`[-−+]?\d(?:[\d.,]|\s(?=\d))*(?:\s*%)?`;
/** "2-3", "2 – 3", "2~3", "từ 2 đến 3": a span where one number belongs. */
const RANGE = new RegExp(`^(?:từ\\s*)?${RANGE_END}\\s*(?:[-−–—~]|đến)\\s*${RANGE_END}$`, 'u');

export function readNumber(value: CellValue, kind: NumberKind, numberFormat?: string): NumberReading {
  if (value === null) return BLANK;
  if (isCellError(value)) return invalid('formula-error');
  if (typeof value === 'number') return readNumberCell(value, kind, numberFormat);
  if (typeof value === 'string') return readNumberText(value, kind);
  return invalid('not-a-number'); // booleans and dates
}

function readNumberCell(value: number, kind: NumberKind, numberFormat: string | undefined): NumberReading {
  if (!Number.isFinite(value)) return invalid('not-a-number');
  const code = formatCode(numberFormat);
  // A %-formatted cell stores the fraction (0.56 shows as 56%); percent columns hold points.
  const percentFormat = code?.includes('%') ?? false;
  const scale = kind === 'percent' && percentFormat;
  const scaled = scale ? Number((value * 100).toFixed(MAX_DECIMALS)) : value;
  if (!Number.isFinite(scaled)) return invalid('not-a-number'); // 1e308 as a percent overflows
  // The format counts decimals of what it shows; an unscaled fraction under "0.0%" has 2 more.
  const extra = percentFormat && !scale ? 2 : 0;
  const places = decimalPlaces(code);
  const shortest = shortestDecimals(scaled);
  const decimalsShown = places ? Math.min(places.max + extra, Math.max(places.fixed + extra, shortest)) : shortest;
  return { kind: 'number', value: scaled === 0 ? 0 : scaled, decimalComma: false, decimalsShown };
}

function readNumberText(text: string, kind: NumberKind): NumberReading {
  const clean = cleanSpaces(text).normalize('NFC').toLocaleLowerCase('vi');
  if (clean === '') return BLANK;
  if (ERROR_LITERALS.has(clean.toUpperCase())) return invalid('formula-error');
  if (RANGE.test(clean)) return invalid('range-value');
  return parseNumberText(clean, kind) ?? invalid('not-a-number');
}

/** Parses cleaned text such as "-1.234,5 %"; undefined when it is not one number. */
function parseNumberText(clean: string, kind: NumberKind): NumberReading | undefined {
  const match = /^([-−+]?)\s*(.*?)\s*%?$/u.exec(clean);
  if (!match) return undefined;
  const negative = match[1] === '-' || match[1] === '−';
  // ",5" is how a hurried hand writes 0,5.
  const body = /^[.,]\d+$/.test(match[2] ?? '') ? `0${match[2]}` : (match[2] ?? '');
  if (!/^\d[\d., ]*$/.test(body)) return undefined;

  const groups = body.split(/[., ]/);
  if (groups.some((group) => group === '')) return undefined; // "1..2", "5."
  const separators = body.replace(/\d/g, '');
  const decimal = decimalSeparator(separators, groups, kind);
  const whole = decimal ? groups.slice(0, -1) : groups;
  const fraction = decimal ? (groups[groups.length - 1] ?? '') : '';
  if (whole.length > 1 && !isThousandsGrouped(whole)) return undefined;

  const magnitude = Number(`${whole.join('')}.${fraction || '0'}`);
  if (!Number.isFinite(magnitude)) return undefined;
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  return { kind: 'number', value, decimalComma: decimal === ',', decimalsShown: fraction.length };
}

/**
 * Which separator, if any, marks the decimals. The last "." or "," does when it appears once,
 * except that a count column reads a lone "1.234" or "1,234" as a thousands group.
 */
function decimalSeparator(separators: string, groups: readonly string[], kind: NumberKind): string | undefined {
  const last = separators[separators.length - 1];
  if (last !== '.' && last !== ',') return undefined; // none, or a space: spaces only group
  if (separators.indexOf(last) !== separators.length - 1) return undefined; // "12.345.678"
  const mixed = separators.includes(last === '.' ? ',' : '.'); // "1.234,5", "1,234.5"
  if (mixed) return last;
  return kind === 'count' && isThousandsGrouped(groups) ? undefined : last;
}

/** "1", "234", "567": a first group of 1-3 digits (no leading zero), then groups of exactly 3. */
function isThousandsGrouped(groups: readonly string[]): boolean {
  return groups.length > 1 && groups.every((group, i) => (i === 0 ? /^[1-9]\d{0,2}$/ : /^\d{3}$/).test(group));
}

/** Decimals of the number as JavaScript writes it shortest: 30.1 -> 1, 1e-7 -> 7. */
function shortestDecimals(value: number): number {
  if (Number.isInteger(value)) return 0; // most cells: counts
  const text = String(Math.abs(value));
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const dot = mantissa.indexOf('.');
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.min(MAX_DECIMALS, Math.max(0, fraction - (e < 0 ? 0 : Number(text.slice(e + 1)))));
}

/**
 * The first section of a number format with its literals removed ("text", \x, _x, *x, [Red]),
 * so that only placeholders and tokens are left; undefined for General, text ("@") or none.
 */
export function formatCode(numberFormat: string | undefined): string | undefined {
  if (numberFormat === undefined) return undefined;
  const code = (numberFormat.replace(/"[^"]*"?|\\.|[_*].|\[[^\]]*\]?/gsu, '').split(';')[0] ?? '').trim();
  return code === '' || code === '@' || /^general$/i.test(code) ? undefined : code;
}

/** Decimal places of a number format: `fixed` always shown ("0", "?"), up to `max` ("#" too). */
function decimalPlaces(code: string | undefined): { fixed: number; max: number } | undefined {
  // No placeholders, or date/time tokens: the format says nothing about decimals.
  if (code === undefined || !/[0#?]/.test(code) || /[dmyhs]/i.test(code)) return undefined;
  const point = code.indexOf('.');
  if (point < 0) return { fixed: 0, max: 0 };
  const placeholders = /^[0#?]*/.exec(code.slice(point + 1))?.[0] ?? '';
  return { fixed: placeholders.replace(/#/g, '').length, max: placeholders.length };
}

/** Decimals an Excel number format shows, e.g. "0.00" -> 2, "0%" -> 0, "#,##0.0" -> 1; undefined for General/absent/text. */
export function formatDecimals(numberFormat: string | undefined): number | undefined {
  return decimalPlaces(formatCode(numberFormat))?.max;
}
