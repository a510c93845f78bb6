/// <reference types="office-js" />
import { areaChunks, compactAreas, splitSheetAddress } from './addresses';
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

/**
 * Queues reading the fill of each cell: one getCellProperties call per run of cells in a column
 * (ExcelApi 1.9), so that a column of 10,000 findings is one call, not 10,000.
 */
export function queueFillRead(
  worksheet: Excel.Worksheet,
  cells: readonly string[],
  spend: (bytes: number) => void,
): () => Record<string, string | null> {
  const loaded = compactAreas(cells).map((area) => {
    spend(area.length + 300);
    const fill = { color: true, pattern: true, patternColor: true };
    return { area, properties: worksheet.getRange(area).getCellProperties({ address: true, format: { fill } }) };
  });
  return () => {
    const fills: Record<string, string | null> = {};
    for (const { properties } of loaded) {
      for (const row of properties.value) {
        for (const cell of row) {
          const address = splitSheetAddress(cell.address ?? '').range;
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

/** Bytes a getRanges call with its fill adds to a request, roughly, for the 5 MB budget. */
export function fillCallBytes(addresses: string): number {
  return addresses.length + 300;
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
