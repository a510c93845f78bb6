/** A1-style addresses: the only place that converts between letters and column numbers. */

export function columnLetter(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) & ~32) - 64); // & ~32: upper case
  return n;
}

export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function parseAddress(a1: string): { row: number; col: number } {
  const match = /^([A-Za-z]+)(\d+)$/.exec(a1);
  if (!match) throw new RangeError(`Not an A1 address: ${a1}`);
  return { col: columnNumber(match[1]!), row: Number(match[2]) };
}
