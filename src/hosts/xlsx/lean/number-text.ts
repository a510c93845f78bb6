/**
 * The numbers a sheet writes in its cells, read as parseFloat and parseInt read them but with
 * their common forms (`51`, `-68.63`) parsed by hand: most cells of a large sheet are numbers.
 */

const powersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Up to 15 digits make an integer below 2^53: exact, as are the powers of ten above. */
const exactDigits = 15;

/** parseFloat(text). */
export function decimal(text: string): number {
  const length = text.length;
  let at = 0;
  const negative = length > 0 && text.charCodeAt(0) === 45; /* - */
  if (negative) at = 1;
  let digits = 0;
  let mantissa = 0;
  let fraction = -1;
  for (; at < length; at++) {
    const ch = text.charCodeAt(at);
    if (ch >= 48 && ch <= 57) {
      mantissa = mantissa * 10 + (ch - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (ch === 46 /* . */ && fraction < 0 && digits > 0) fraction = 0;
    else return parseFloat(text);
  }
  if (digits === 0 || digits > exactDigits || fraction === 0) return parseFloat(text);
  // An exact integer divided by an exact power of ten rounds once, as parsing the decimal does.
  const value = fraction > 0 ? mantissa / powersOfTen[fraction]! : mantissa;
  return negative ? -value : value;
}

/** parseInt(text, 10). */
export function integer(text: string): number {
  const length = text.length;
  if (length === 0 || length > exactDigits) return parseInt(text, 10);
  let value = 0;
  for (let at = 0; at < length; at++) {
    const ch = text.charCodeAt(at);
    if (ch < 48 || ch > 57) return parseInt(text, 10);
    value = value * 10 + (ch - 48);
  }
  return value;
}
