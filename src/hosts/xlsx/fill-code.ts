import type * as ExcelJS from 'exceljs';

/**
 * A cell's fill as one string that the snapshot, the "_soat" record and the package patch share.
 */

/** Prefix of a fill that is not a plain ARGB colour, kept whole so that Clear restores it exactly. */
const exactFillPrefix = 'json:';

/** ARGB (upper case) of a solid fill of one explicit colour; undefined for anything else. */
export function solidArgb(fill: ExcelJS.Fill | undefined): string | undefined {
  if (fill?.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  const color = fill.fgColor;
  if (typeof color?.argb !== 'string' || color.theme !== undefined) return undefined;
  return color.argb.toUpperCase();
}

/**
 * A cell's fill as one string a host can put back exactly: the ARGB of a plain solid fill, or the
 * whole fill (theme colours, patterns, gradients) as JSON. Undefined when the cell has no fill.
 */
export function encodeFill(fill: ExcelJS.Fill | undefined): string | undefined {
  if (fill === undefined || (fill.type === 'pattern' && fill.pattern === 'none')) return undefined;
  return solidArgb(fill) ?? exactFillPrefix + JSON.stringify(fill);
}

/** The fill an encoded string stands for; undefined means "no fill". */
export function decodeFill(encoded: string | null): ExcelJS.Fill | undefined {
  if (encoded === null || encoded === '') return undefined;
  if (encoded.startsWith(exactFillPrefix)) return JSON.parse(encoded.slice(exactFillPrefix.length)) as ExcelJS.Fill;
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: encoded } };
}
