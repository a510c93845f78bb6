/**
 * Reads Phụ lục 3 "Thời gian thực hiện": a month, quarter, year or day, typed in the many ways
 * Vietnamese reports write them ("T10/2022", "Quý I/2023", "Từ 2017", "1/7/2020") or stored as
 * real dates. Day/month order of "a/b/yyyy" text is decided per column, not per cell.
 */
import type { CellValue } from '../snapshot';
import { formatCode } from './number';
import { stripAccents } from './text';

export type DatePrecision = 'day' | 'month' | 'quarter' | 'year';

export interface ReportDate {
  year: number;
  /** First month of the period, 1-12. */
  month: number;
  day?: number;
  precision: DatePrecision;
  /** "Từ 2017": the model runs since then. */
  since: boolean;
}

export type DayMonthOrder = 'dmy' | 'mdy';
export interface ColumnDateOrder {
  order: DayMonthOrder;
  proven: boolean;
}

export type DateReading =
  { kind: 'blank' } | { kind: 'date'; date: ReportDate; ambiguous: boolean } | { kind: 'invalid' };

const BLANK: DateReading = { kind: 'blank' };
const INVALID: DateReading = { kind: 'invalid' };
const DAY_MS = 86_400_000;

// Patterns run on stripAccents text: lower case, no accents ("Tháng 10 năm 2022" -> "thang 10 nam 2022").
const SINCE = /^tu\s*/;
/** Between a month or quarter and its year: "/", "-", ".", " năm ", or a plain space. */
const PERIOD_SEP = String.raw`(?:\s*[/.-]\s*|\s*,?\s*nam\s*|\s+)`;
const YEAR = /^(?:nam\s*)?(\d+)$/;
const MONTH = new RegExp(String.raw`^(?:(?:thang|t)\s*)?(\d{1,2})${PERIOD_SEP}(\d+)$`);
const QUARTER = new RegExp(String.raw`^(?:quy|q)\s*([ivxlc]+|\d+)${PERIOD_SEP}(\d+)$`);
/** "a/b/yyyy" with one separator kind throughout; which of a, b is the day is the column's call. */
const DAY_MONTH_YEAR = /^(?:ngay\s*)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d+)$/;
/** "ngày 1 tháng 7 năm 2020": the words say which is which. */
const DAY_MONTH_YEAR_WORDS = /^(?:ngay\s*)?(\d{1,2})\s*,?\s*thang\s*(\d{1,2})\s*,?\s*nam\s*(\d+)$/;
const ISO = /^(\d{4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const QUARTERS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

export function columnDateOrder(values: readonly CellValue[]): ColumnDateOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const match = DAY_MONTH_YEAR.exec(stripAccents(value).replace(SINCE, ''));
    if (!match) continue;
    const a = Number(match[1]);
    const b = Number(match[3]);
    if (a > 12 && a <= 31 && b <= 12) dayFirst = true;
    if (b > 12 && b <= 31 && a <= 12) monthFirst = true;
  }
  // Both seen: the column is mixed; the Vietnamese order is the one to hold it to.
  if (dayFirst) return { order: 'dmy', proven: true };
  return monthFirst ? { order: 'mdy', proven: true } : { order: 'dmy', proven: false };
}

export function readDate(value: CellValue, order: ColumnDateOrder, numberFormat?: string): DateReading {
  if (value === null) return BLANK;
  if (value instanceof Date) return fromUtcDate(value);
  if (typeof value === 'number') return readDateNumber(value, numberFormat);
  if (typeof value === 'string') return readDateText(value, order);
  return INVALID; // booleans and error values
}

function readDateNumber(value: number, numberFormat: string | undefined): DateReading {
  if (!Number.isFinite(value)) return INVALID;
  if (isDateFormat(numberFormat)) return fromSerial(value);
  if (!Number.isInteger(value)) return INVALID;
  return dateReading({ year: value, month: 1, precision: 'year', since: false });
}

function readDateText(text: string, order: ColumnDateOrder): DateReading {
  const folded = stripAccents(text);
  if (folded === '') return BLANK;
  const since = SINCE.test(folded);
  const rest = folded.replace(SINCE, '');

  const yearOnly = YEAR.exec(rest);
  if (yearOnly) return dateReading({ year: year(yearOnly[1]), month: 1, precision: 'year', since });

  const month = MONTH.exec(rest);
  if (month) return dateReading({ year: year(month[2]), month: Number(month[1]), precision: 'month', since });

  const quarter = QUARTER.exec(rest);
  if (quarter) {
    const first = (QUARTERS[quarter[1] ?? ''] ?? NaN) * 3 - 2; // "quý V" -> NaN -> invalid
    return dateReading({ year: year(quarter[2]), month: first, precision: 'quarter', since });
  }

  const words = DAY_MONTH_YEAR_WORDS.exec(rest);
  if (words) {
    return dateReading({
      year: year(words[3]),
      month: Number(words[2]),
      day: Number(words[1]),
      precision: 'day',
      since,
    });
  }

  const iso = ISO.exec(rest);
  if (iso)
    return dateReading({ year: year(iso[1]), month: Number(iso[3]), day: Number(iso[4]), precision: 'day', since });

  const numeric = DAY_MONTH_YEAR.exec(rest);
  if (numeric) {
    const { day, month: m, ambiguous } = dayAndMonth(Number(numeric[1]), Number(numeric[3]), order);
    return dateReading({ year: year(numeric[4]), month: m, day, precision: 'day', since }, ambiguous);
  }
  return INVALID;
}

/**
 * Which of "a/b" is the day. An unproven order yields to the cell itself when only one reading
 * is a date ("3/18/2023"); when both are, the default decides and the cell is ambiguous.
 */
function dayAndMonth(a: number, b: number, order: ColumnDateOrder): { day: number; month: number; ambiguous: boolean } {
  if (!order.proven && a > 12 && b <= 12) return { day: a, month: b, ambiguous: false };
  if (!order.proven && b > 12 && a <= 12) return { day: b, month: a, ambiguous: false };
  const ambiguous = !order.proven && a !== b && a <= 12 && b <= 12;
  return order.order === 'dmy' ? { day: a, month: b, ambiguous } : { day: b, month: a, ambiguous };
}

/** A year as typed: exactly four digits ("T1/202414705" is a page number glued on, not a year). */
function year(digits: string | undefined): number {
  return digits !== undefined && /^\d{4}$/.test(digits) ? Number(digits) : NaN;
}

/** The reading of a date whose parts may be out of range; NaN parts fail here. */
function dateReading(date: ReportDate, ambiguous = false): DateReading {
  const { year: y, month, day } = date;
  if (!(y >= 1900 && y <= 2100 && Number.isInteger(y))) return INVALID;
  if (!(month >= 1 && month <= 12 && Number.isInteger(month))) return INVALID;
  if (day !== undefined && !(day >= 1 && day <= daysInMonth(y, month) && Number.isInteger(day))) return INVALID;
  return { kind: 'date', date, ambiguous };
}

function daysInMonth(y: number, month: number): number {
  return new Date(Date.UTC(y, month, 0)).getUTCDate();
}

function fromUtcDate(value: Date): DateReading {
  if (Number.isNaN(value.getTime())) return INVALID;
  const date = { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  return dateReading({ ...date, precision: 'day', since: false });
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is the 29 Feb 1900 that never was. */
function fromSerial(serial: number): DateReading {
  const days = Math.floor(serial); // a time of day does not move the date
  if (days < 1 || days === 60) return INVALID;
  const epoch = Date.UTC(1899, 11, days < 60 ? 31 : 30);
  return fromUtcDate(new Date(epoch + days * DAY_MS));
}

/** A format with day, month or year tokens ("dd/mm/yyyy", "m/d/yyyy") shows a serial as a date. */
function isDateFormat(numberFormat: string | undefined): boolean {
  const code = formatCode(numberFormat);
  return code !== undefined && /[dmy]/i.test(code);
}

export function periodStart(date: ReportDate): Date {
  const first = firstMonth(date);
  return new Date(Date.UTC(date.year, first - 1, date.precision === 'day' ? (date.day ?? 1) : 1));
}

/** Last day of the period a date covers, as a UTC Date: Q3/2020 -> 2020-09-30, 2023 -> 2023-12-31. */
export function periodEnd(date: ReportDate): Date {
  if (date.precision === 'day') return periodStart(date);
  const months = date.precision === 'year' ? 12 : date.precision === 'quarter' ? 3 : 1;
  return new Date(Date.UTC(date.year, firstMonth(date) - 1 + months, 0)); // day 0: last of the month before
}

function firstMonth(date: ReportDate): number {
  if (date.precision === 'year') return 1;
  if (date.precision === 'quarter') return Math.floor((date.month - 1) / 3) * 3 + 1;
  return date.month;
}

/** "10/2022", "Q3/2020", "2023", "1/7/2020" (day first, as Vietnamese write it), "Từ 2017". */
export function formatReportDate(date: ReportDate): string {
  const text =
    date.precision === 'day'
      ? `${date.day ?? 1}/${date.month}/${date.year}`
      : date.precision === 'month'
        ? `${date.month}/${date.year}`
        : date.precision === 'quarter'
          ? `Q${Math.floor((date.month - 1) / 3) + 1}/${date.year}`
          : `${date.year}`;
  return date.since ? `Từ ${text}` : text;
}
