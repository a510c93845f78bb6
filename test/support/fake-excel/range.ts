import { address, columnLetter, parseAddress } from '../../../src/core/address';
import type { FakeContext } from './client';
import { FakeObject, FakeOfficeError } from './client';
import type { Bounds, Cell, Fill, SheetModel } from './model';
import { noFill } from './model';

export interface RangeModel {
  readonly sheet: SheetModel;
  readonly bounds: Bounds;
  /** A RangeAreas: only these areas, not the whole bounding box. */
  readonly areas?: readonly Bounds[];
}

export function rangeCells(model: RangeModel): { row: number; col: number }[] {
  return model.areas ? model.areas.flatMap((a) => cellsOf(a)) : cellsOf(model.bounds);
}

export const maxRow = 1_048_576;
export const maxColumn = 16_384;

export function parseRange(text: string): Bounds {
  const [from, to = from] = text.replace(/\$/g, '').split(':') as [string, string?];
  const a = parseAddress(from);
  const b = parseAddress(to);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** A name Excel would read as a cell reference (A1 or R1C1 style): it must be quoted in an address. */
function looksLikeReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 !== null && parseAddress(`${a1[1]!.toUpperCase()}1`).col <= maxColumn) return true;
  return /^(R\d*C?\d*|C\d*)$/i.test(name);
}

/** A sheet name as Excel writes it in an address: bare only when it cannot be misread. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeReference(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * "'Phụ lục 2'!D10" or "S!D10" → sheet name and cell, as Excel parses an address argument: an
 * unquoted name that is not a valid bare name (one that reads as a cell, like PL2) is refused.
 */
export function parseSheetAddress(text: string): { sheet: string; range: string } {
  const bang = text.lastIndexOf('!');
  const raw = text.slice(0, bang);
  const quoted = raw.startsWith("'") && raw.endsWith("'") && raw.length > 1;
  if (bang < 0 || (!quoted && quoteSheet(raw) !== raw)) {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: "${text}".`);
  }
  return { sheet: quoted ? raw.slice(1, -1).replace(/''/g, "'") : raw, range: text.slice(bang + 1) };
}

/** The separator of a getRanges address: "," or, under some regional settings on Windows, ";". */
export type ListSeparator = ',' | ';';

/** Known limits of RangeAreas: more areas or a longer address and Excel refuses the call. */
export const maxAreas = 400;
export const maxAreasAddress = 8000;

/**
 * The areas of a getRanges address as Excel reads it: split by the list separator of the
 * regional settings (office-js issues #1167, #1985), so "A1,B2" is refused where it is ";".
 */
export function parseAreaList(address: string, separator: ListSeparator): Bounds[] {
  const parts = address.split(separator).map((part) => part.trim());
  const valid = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;
  const bad = parts.find((part) => !valid.test(part));
  if (bad !== undefined)
    throw new FakeOfficeError('InvalidArgument', `getRanges: "${bad}" is not a range (list separator "${separator}").`);
  if (parts.length > maxAreas || address.length > maxAreasAddress)
    throw new FakeOfficeError(
      'InvalidArgument',
      `getRanges: ${parts.length} areas, ${address.length} characters: over Excel's limit`,
    );
  return parts.map(parseRange);
}

/** Where two areas meet, or null. */
export function intersection(a: Bounds, b: Bounds): Bounds | null {
  const meet = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return meet.top <= meet.bottom && meet.left <= meet.right ? meet : null;
}

export function boundsAddress(b: Bounds): string {
  const from = address(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? from : `${from}:${columnLetter(b.right)}${b.bottom}`;
}

export function cellsOf(b: Bounds): { row: number; col: number }[] {
  const cells: { row: number; col: number }[] = [];
  for (let row = b.top; row <= b.bottom; row++) for (let col = b.left; col <= b.right; col++) cells.push({ row, col });
  return cells;
}

function grid<T>(model: RangeModel, read: (cell: Cell | undefined) => T): T[][] {
  const { sheet, bounds } = model;
  const rows: T[][] = [];
  for (let r = bounds.top; r <= bounds.bottom; r++) {
    const row: T[] = [];
    for (let c = bounds.left; c <= bounds.right; c++) row.push(read(sheet.cell(r, c)));
    rows.push(row);
  }
  return rows;
}

function plain(cell: Cell | undefined): unknown {
  const v = cell?.value ?? null;
  if (v === null) return '';
  if (typeof v === 'object' && !(v instanceof Date)) return v.error;
  return v;
}

function valueType(cell: Cell | undefined): string {
  const v = cell?.value ?? null;
  if (v === null) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'string') return 'String';
  return 'Error';
}

/** Writes a 2-D array over the range; Excel refuses one whose shape differs from the range's. */
export function writeGrid(model: RangeModel, values: unknown, put: (cell: Cell, value: unknown) => void): void {
  const { sheet, bounds } = model;
  if (sheet.protected) throw new FakeOfficeError('AccessDenied', `The sheet "${sheet.name}" is protected.`);
  const rows = values as unknown[][];
  const height = bounds.bottom - bounds.top + 1;
  const width = bounds.right - bounds.left + 1;
  if (
    !Array.isArray(rows) ||
    rows.length !== height ||
    rows.some((row) => !Array.isArray(row) || row.length !== width)
  ) {
    throw new FakeOfficeError(
      'InvalidArgument',
      "The number of rows or columns in the input array doesn't match the size of the range.",
    );
  }
  rows.forEach((row, r) => row.forEach((value, c) => put(sheet.at(bounds.top + r, bounds.left + c), value)));
}

function putValue(cell: Cell, value: unknown): void {
  // As in Excel: a string starting with "=" typed into a cell not formatted as text is a formula.
  if (typeof value === 'string' && value.startsWith('=') && cell.numberFormat !== '@') {
    cell.formula = value;
    cell.value = null;
    return;
  }
  delete cell.formula;
  cell.value = value === '' || value === null || value === undefined ? null : (value as Cell['value']);
}

export class FakeRangeFill extends FakeObject<RangeModel> {
  protected scalars(model: RangeModel): Record<string, () => unknown> {
    const fills = rangeCells(model).map(({ row, col }) => model.sheet.cell(row, col)?.fill ?? noFill);
    const same = <K extends keyof Fill>(key: K): Fill[K] | null =>
      fills.every((f) => f[key] === fills[0]![key]) ? fills[0]![key] : null;
    return {
      color: () => same('color'),
      pattern: () => same('pattern'),
      patternColor: () => same('patternColor') ?? '#000000',
    };
  }
  get color(): string {
    return this.get('color');
  }
  set color(color: string) {
    this.set('color', color, (m) =>
      paint(m, (f) => ({ ...f, pattern: f.pattern === 'None' ? 'Solid' : f.pattern, color: color.toUpperCase() })),
    );
  }
  get pattern(): string {
    return this.get('pattern');
  }
  set pattern(pattern: string) {
    this.set('pattern', pattern, (m) => paint(m, (f) => ({ ...f, pattern })));
  }
  get patternColor(): string {
    return this.get('patternColor');
  }
  set patternColor(patternColor: string) {
    this.set('patternColor', patternColor, (m) => paint(m, (f) => ({ ...f, patternColor })));
  }
  clear(): void {
    this.call('clear', [], (m) => paint(m, () => ({ ...noFill })));
  }
}

export function paint(model: RangeModel, change: (fill: Fill) => Fill): void {
  if (model.sheet.protected) throw new FakeOfficeError('AccessDenied', `The sheet "${model.sheet.name}" is protected.`);
  for (const { row, col } of rangeCells(model)) {
    const cell = model.sheet.at(row, col);
    const next = change(cell.fill ?? { ...noFill });
    if (next.pattern === 'None') delete cell.fill;
    else cell.fill = next;
  }
}

export class FakeRangeFormat extends FakeObject<RangeModel> {
  readonly fill: FakeRangeFill;
  readonly font: { bold: boolean };
  constructor(context: FakeContext, resolve: () => RangeModel | null) {
    super(context, resolve);
    this.fill = new FakeRangeFill(context, resolve);
    const set = (apply: (m: RangeModel) => void, payload: unknown): void =>
      this.context.enqueue('set', payload, () => apply(this.must()));
    this.font = {
      set bold(bold: boolean) {
        set((m) => rangeCells(m).forEach(({ row, col }) => (m.sheet.at(row, col).bold = bold)), { bold });
      },
      get bold(): boolean {
        throw new FakeOfficeError('PropertyNotLoaded', 'font.bold is write-only in this fake');
      },
    };
  }
  protected scalars(): Record<string, () => unknown> {
    return {};
  }
  protected override child(name: string): FakeObject<unknown> | undefined {
    return name === 'fill' ? (this.fill as FakeObject<unknown>) : undefined;
  }
  set wrapText(_wrap: boolean) {
    this.set('wrapText', _wrap, () => undefined);
  }
  set columnWidth(width: number) {
    this.set('columnWidth', width, (m) => {
      for (let c = m.bounds.left; c <= m.bounds.right; c++) m.sheet.columnWidths.set(c, width);
    });
  }
}

export { grid, plain, putValue, valueType };
