/**
 * A sheet's cells as Google Sheets keeps them, and how Sheets turns what setValues is given into
 * a cell: "'…" is text without the apostrophe (in any format), "=…" a formula, "+…" that is not
 * a number a formula too, "12" or "TRUE" parsed (en_US locale); in a "@" (plain text) cell
 * anything else is kept as typed.
 */
export type StoredValue = string | number | boolean | Date;

export interface Cell {
  value?: StoredValue; // absent = empty
  formula?: string; // with its "="
  format?: string;
  note?: string;
  background?: string; // "#rrggbb"; absent = none (reported as white)
  bold?: boolean;
  wrap?: boolean;
  italic?: boolean;
  align?: string;
  border?: boolean;
  /** Text runs with their own style or link (a hyperlink is one); what setValues writes has none. */
  richText?: readonly RichTextRun[];
}

export interface RichTextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly link?: string;
}

export const automaticFormat = '0.###############';
export const white = '#ffffff';

const numeric = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

export function entered(cell: Cell, input: unknown): void {
  delete cell.formula;
  delete cell.value;
  delete cell.richText;
  if (input === null || input === undefined || input === '') return;
  if (input instanceof Date) {
    cell.value = new Date(input.getTime());
    return;
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  const text = String(input);
  if (text.startsWith("'")) {
    // the quote prefix is how an entry says "text": it is consumed, never stored
    if (text.length > 1) cell.value = text.slice(1);
  } else if (cell.format === '@') {
    cell.value = text;
  } else if (text.startsWith('+') && !numeric.test(text.trim())) {
    // "+84 912…" is read as a formula, and fails to parse
    cell.formula = `=${text}`;
    cell.value = '#ERROR!';
  } else if (text.startsWith('=') && text.length > 1) {
    cell.formula = text;
    const result = evaluate(text);
    if (result !== undefined) cell.value = result;
  } else if (numeric.test(text.trim())) {
    cell.value = Number(text);
  } else if (/^(true|false)$/i.test(text)) {
    cell.value = text.toLowerCase() === 'true';
  } else {
    cell.value = text;
  }
}

/** The fake computes no formulas; a test may install an evaluator for the few it needs. */
export let evaluate: (formula: string) => StoredValue | undefined = () => undefined;

export function setEvaluator(fn: (formula: string) => StoredValue | undefined): void {
  evaluate = fn;
}

/** getDisplayValues: what the grid shows, roughly (numbers as JavaScript writes them). */
export function display(cell: Cell | undefined): string {
  const value = cell?.value;
  if (value === undefined) return '';
  if (value instanceof Date) return `${value.getMonth() + 1}/${value.getDate()}/${value.getFullYear()}`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && cell?.format?.includes('%')) return `${Number((value * 100).toFixed(2))}%`;
  return String(value);
}

export function validColor(color: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(color)) throw new Error(`Invalid color: ${color}`);
  return color.toLowerCase();
}
