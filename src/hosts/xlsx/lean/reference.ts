/**
 * A cell's `r` attribute (`B7`, `$B$7`) read from its characters, as /^\$?([A-Z]+)\$?(\d+)$/
 * and the column letters' number would read it, but with no match array or string per cell.
 */
export class CellReference {
  /** The column the letters name, or more than `limit` when they name one past it. */
  col = 0;
  /** The value of the row digits, as Number() reads them. */
  row = 0;

  constructor(private readonly limit: number) {}

  /** Reads text[from, to); false when it is no reference. */
  read(text: string, from: number, to: number): boolean {
    let at = from;
    if (at < to && text.charCodeAt(at) === dollar) at++;
    let col = 0;
    const lettersFrom = at;
    for (; at < to; at++) {
      const ch = text.charCodeAt(at);
      if (ch < 65 || ch > 90) break;
      // Past the limit the exact number no longer matters, only that it is past.
      if (col <= this.limit) col = col * 26 + (ch - 64);
    }
    if (at === lettersFrom) return false;
    if (at < to && text.charCodeAt(at) === dollar) at++;
    const digitsFrom = at;
    let row = 0;
    for (; at < to; at++) {
      const ch = text.charCodeAt(at);
      if (ch < 48 || ch > 57) return false;
      row = row * 10 + (ch - 48);
    }
    if (at === digitsFrom) return false;
    // Beyond 15 digits the sum may round differently from Number(): let Number() read them.
    this.row = to - digitsFrom > 15 ? Number(text.slice(digitsFrom, to)) : row;
    this.col = col;
    return true;
  }
}

const dollar = 36; // $
