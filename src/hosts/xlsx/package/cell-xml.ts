import type { FormulaValue } from '../formula-result';
import { encodeCellText, escapeXml, textElement, withAttribute } from './xml-text';

/**
 * The `<c>` element of a cell Soát writes or paints. Text is an inline string, so that the
 * shared strings of the input stay as they were, and text is never read as a formula.
 */

/** Only the format of the cell changes; its value and formula stay byte for byte. */
export function withStyle(xml: string | undefined, address: string, style: number): string {
  const s = style === 0 ? undefined : String(style);
  if (xml === undefined) return `<c r="${address}"${s === undefined ? '' : ` s="${s}"`}/>`;
  return withAttribute(xml, 's', s);
}

/** Text a spreadsheet program would take for a formula if it were typed in. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

function open(address: string, style: number, type?: string): string {
  return `<c r="${address}"${style === 0 ? '' : ` s="${style}"`}${type === undefined ? '' : ` t="${type}"`}`;
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '#NUM!';
}

/** A value written into a cell. */
export function valueCell(address: string, style: number, value: number | string | boolean | null): string {
  if (value === null) return `${open(address, style)}/>`;
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? `${open(address, style)}><v>${numberText(value)}</v></c>`
      : `${open(address, style, 'e')}><v>#NUM!</v></c>`;
  if (typeof value === 'boolean') return `${open(address, style, 'b')}><v>${value ? 1 : 0}</v></c>`;
  return `${open(address, style, 'inlineStr')}><is>${textElement(value)}</is></c>`;
}

/** A formula with the result it gives, so that a program that does not calculate sees the value. */
export function formulaCell(address: string, style: number, formula: string, result: FormulaValue | undefined): string {
  const f = `<f>${escapeXml(formula.replace(/^=/, ''))}</f>`;
  if (result === undefined || result === null) return `${open(address, style)}>${f}</c>`;
  if (typeof result === 'number') return `${open(address, style)}>${f}<v>${numberText(result)}</v></c>`;
  if (typeof result === 'boolean') return `${open(address, style, 'b')}>${f}<v>${result ? 1 : 0}</v></c>`;
  if (typeof result === 'string') return `${open(address, style, 'str')}>${f}<v>${encodeCellText(result)}</v></c>`;
  return `${open(address, style, 'e')}>${f}<v>${escapeXml(result.error)}</v></c>`;
}
