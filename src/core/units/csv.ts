/**
 * CSV text to rows, for a unit registry given as a file. Excel writes "," or ";" depending on the
 * machine's list separator, and prefixes UTF-8 with a BOM, so both are taken as they come.
 */

const DELIMITERS = [',', ';', '\t'] as const;

/** The separator used most in the first record (outside quotes); "," when none is used. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Rows of fields. Quoted fields may hold separators, line breaks and doubled quotes. Blank lines
 * stay as rows of one empty field, so a row's index still names its line; a final line break does
 * not add a row. Malformed quoting is read leniently, as spreadsheet programs do: never throws.
 */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (body[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || wasQuoted || row.length > 0) endRow();
  return rows;
}
