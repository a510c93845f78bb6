import { columnNumber, parseAddress } from '../../core/address';
import type { ListSeparator } from './separator';

/**
 * RangeAreas limits, known from Excel: a getRanges address over ~8,000 characters or ~400 areas
 * fails, so a colour group is painted in several calls that each stay under both.
 */
export const maxAreasPerCall = 400;
export const maxAddressChars = 8000;

/** Cells of one column in consecutive rows become one area ("D5:D9"), fewer areas per call. */
export function compactAreas(cells: readonly string[]): string[] {
  const byColumn = new Map<string, number[]>();
  for (const cell of cells) {
    const match = /^([A-Z]+)(\d+)$/.exec(cell.toUpperCase());
    if (!match) continue;
    const rows = byColumn.get(match[1]!) ?? [];
    rows.push(Number(match[2]));
    byColumn.set(match[1]!, rows);
  }
  const areas: string[] = [];
  const columns = [...byColumn.keys()].sort((a, b) => columnNumber(a) - columnNumber(b));
  for (const column of columns) {
    const rows = [...new Set(byColumn.get(column))].sort((a, b) => a - b);
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
      areas.push(i === j ? `${column}${rows[i]}` : `${column}${rows[i]}:${column}${rows[j]}`);
      i = j + 1;
    }
  }
  return areas;
}

/** Addresses for getRanges, joined by the list separator Excel reads, each under both limits. */
export function areaChunks(
  areas: readonly string[],
  separator: ListSeparator,
  maxAreas = maxAreasPerCall,
  maxChars = maxAddressChars,
): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let chars = 0;
  for (const area of areas) {
    if (current.length > 0 && (current.length >= maxAreas || chars + 1 + area.length > maxChars)) {
      chunks.push(current.join(separator));
      current = [];
      chars = 0;
    }
    chars += (current.length > 0 ? 1 : 0) + area.length;
    current.push(area);
  }
  if (current.length > 0) chunks.push(current.join(separator));
  return chunks;
}

/** "'Phụ lục 2'!D10" or "Sheet1!$D$10:$E$11" → sheet and range without "$". */
export function splitSheetAddress(address: string): { sheet: string; range: string } {
  const bang = address.lastIndexOf('!');
  const rawSheet = bang < 0 ? '' : address.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  return { sheet, range: address.slice(bang + 1).replace(/\$/g, '') };
}

/**
 * The areas of a RangeAreas address ("'S'!A4:A5, 'S'!B4:B5"), split at "," or ";" (neither is
 * part of an A1 address; which one Excel writes may follow the regional settings); separators
 * inside quoted sheet names are kept.
 */
export function splitAreas(address: string): string[] {
  const areas: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if ((ch === ',' || ch === ';') && !quoted) {
      areas.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') areas.push(current.trim());
  return areas.map((area) => splitSheetAddress(area).range);
}

/** "A4:B5" → 1-based bounds. */
export function areaBounds(range: string): { top: number; left: number; bottom: number; right: number } {
  const [from, to = from] = range.split(':') as [string, string?];
  const a = parseAddress(from);
  const b = parseAddress(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}
