/// <reference types="office-js" />
import { areaBounds, areaChunks, compactAreas, splitSheetAddress } from './addresses';
import { callOverheadBytes, utf8Bytes } from './batch';
import type { ListSeparator } from './separator';

/**
 * Fills as the record stores them: null for no fill, "FFRRGGBB" for a solid colour, and any
 * other pattern whole after "excel:", so that Clear puts back exactly what was there.
 */
const excelPrefix = 'excel:';
/** The xlsx host's encoding of a non-solid fill (a file annotated by the CLI, cleared in Excel). */
const exceljsPrefix = 'json:';

interface PatternFill {
  readonly pattern: string;
  readonly color: string;
  readonly patternColor?: string;
}

export function encodeFill(fill: Pick<Excel.RangeFill, 'color' | 'pattern' | 'patternColor'>): string | null {
  if (fill.pattern === 'None' || fill.pattern === undefined || fill.pattern === null) return null;
  if (fill.pattern === 'Solid') return `FF${fill.color.replace('#', '').toUpperCase()}`;
  const pattern: PatternFill = { pattern: fill.pattern, color: fill.color, patternColor: fill.patternColor };
  return excelPrefix + JSON.stringify(pattern);
}

/** Rows of a column's gap read along with its neighbours: cheaper than a call of its own. */
const fillReadGap = 8;

/** Runs of cells in a column, joined across gaps of up to `fillReadGap` rows ("D5:D20"). */
function fillReadAreas(cells: readonly string[]): string[] {
  const joined: string[] = [];
  let last: { column: string; top: number; bottom: number } | undefined;
  const flush = (): void => {
    if (last !== undefined) joined.push(`${last.column}${last.top}:${last.column}${last.bottom}`);
  };
  for (const area of compactAreas(cells)) {
    const { top, bottom } = areaBounds(area);
    const column = /^[A-Z]+/.exec(area)![0];
    if (last !== undefined && last.column === column && top - last.bottom - 1 <= fillReadGap) last.bottom = bottom;
    else {
      flush();
      last = { column, top, bottom };
    }
  }
  flush();
  return joined;
}

/**
 * Queues reading the fill of each cell: one getCellProperties call (ExcelApi 1.9) per run of cells
 * in a column, so that a column of 10,000 findings is a few calls, not 10,000; `spend` is told
 * each call's request and answer size, so that the caller syncs before either passes Excel's limit.
 */
export async function queueFillRead(
  worksheet: Excel.Worksheet,
  sheet: string,
  cells: readonly string[],
  spend: (request: number, response: number) => Promise<void>,
  maxAnswerBytes: number,
): Promise<() => Record<string, string | null>> {
  const wanted = new Set(cells.map((cell) => cell.toUpperCase()));
  // An answer's cell: its address and three fill properties, about 110 bytes and the sheet's name.
  const answerBytes = 110 + utf8Bytes(sheet) * 2;
  const maxRows = Math.max(1, Math.floor(maxAnswerBytes / answerBytes));
  const loaded: { properties: { value: Excel.CellProperties[][] } }[] = [];
  for (const area of fillReadAreas(cells)) {
    const { top: first, bottom: last } = areaBounds(area);
    const column = /^[A-Z]+/.exec(area)![0];
    for (let top = first; top <= last; top += maxRows) {
      const bottom = Math.min(last, top + maxRows - 1);
      await spend(callOverheadBytes + area.length, (bottom - top + 1) * answerBytes);
      const fill = { color: true, pattern: true, patternColor: true };
      const range = worksheet.getRange(`${column}${top}:${column}${bottom}`);
      loaded.push({ properties: range.getCellProperties({ address: true, format: { fill } }) });
    }
  }
  return () => {
    const fills: Record<string, string | null> = {};
    for (const { properties } of loaded) {
      for (const row of properties.value) {
        for (const cell of row) {
          const address = splitSheetAddress(cell.address ?? '').range;
          if (!wanted.has(address)) continue; // a cell of a joined gap: not painted, not recorded
          const fill = cell.format?.fill;
          fills[address] = fill === undefined ? null : encodeFill(fill as Excel.RangeFill);
        }
      }
    }
    return fills;
  };
}

/** "#RRGGBB" from an ARGB string, or undefined when it is not one. */
function cssColor(argb: string): string | undefined {
  return /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
}

/** What painting `encoded` means in Office.js terms. */
export function decodeFill(encoded: string | null): PatternFill | null {
  if (encoded === null || encoded === '') return null;
  if (encoded.startsWith(excelPrefix)) return JSON.parse(encoded.slice(excelPrefix.length)) as PatternFill;
  if (encoded.startsWith(exceljsPrefix)) {
    // ExcelJS's fill: only an explicit ARGB colour can be given back; a theme colour is lost.
    const fill = JSON.parse(encoded.slice(exceljsPrefix.length)) as { fgColor?: { argb?: string } };
    const color = cssColor(fill.fgColor?.argb ?? '');
    return color === undefined ? null : { pattern: 'Solid', color };
  }
  const color = cssColor(encoded);
  return color === undefined ? null : { pattern: 'Solid', color };
}

/** Bytes a getRanges call with its fill adds to a request, for the 5 MB budget. */
export function fillCallBytes(addresses: string): number {
  return addresses.length + callOverheadBytes;
}

/**
 * Queues one colour group: each chunk of areas is one RangeAreas call; `spend` is told the size
 * of each call so the caller can sync before a request grows past Excel's limit.
 */
export async function queueFillGroup(
  worksheet: Excel.Worksheet,
  color: string | null,
  cells: readonly string[],
  spend: (bytes: number) => Promise<void>,
  separator: ListSeparator,
): Promise<void> {
  const fill = decodeFill(color);
  for (const addresses of areaChunks(compactAreas(cells), separator)) {
    await spend(fillCallBytes(addresses));
    const format = worksheet.getRanges(addresses).format.fill;
    if (fill === null) format.clear();
    else if (fill.pattern === 'Solid') format.color = fill.color;
    else {
      format.pattern = fill.pattern as Excel.FillPattern;
      format.color = fill.color;
      if (fill.patternColor !== undefined) format.patternColor = fill.patternColor;
    }
  }
}
