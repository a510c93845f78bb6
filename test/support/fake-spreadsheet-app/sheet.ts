import type { GsChartBuilder, GsRange, GsRangeList, GsSheet, GsValue } from '../../../src/hosts/gsheets/apps-script';
import type { Cell, StoredValue } from './cells';
import { automaticFormat, display, entered, validColor, white } from './cells';
import type { CallLedger } from './ledger';

export interface FakeChart {
  readonly ranges: string[];
  readonly options: Record<string, unknown>;
  readonly position: [number, number];
}

export class FakeSheet implements GsSheet {
  readonly cells = new Map<string, Cell>();
  hidden = false;
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  readonly merges: string[] = [];
  readonly charts: FakeChart[] = [];
  /** Developer metadata on the sheet (location type SHEET), as addDeveloperMetadata left it. */
  readonly metadata: { readonly key: string; readonly value: string | null }[] = [];
  /** Ranges the script's user may not edit (see protectAgainstUser). */
  readonly protectedRanges: FakeRange[] = [];

  constructor(
    public name: string,
    readonly ledger: CallLedger,
    private readonly onActivate: (sheet: FakeSheet) => void,
    /** Whether the spreadsheet has a visible sheet besides this one. */
    private readonly othersVisible: (sheet: FakeSheet) => boolean = () => true,
  ) {}

  cell(row: number, col: number, create = false): Cell | undefined {
    const key = `${row}:${col}`;
    let cell = this.cells.get(key);
    if (cell === undefined && create) this.cells.set(key, (cell = {}));
    return cell;
  }

  /** Last row and column holding a value or formula; notes and colours alone do not count. */
  extent(): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    for (const [key, cell] of this.cells) {
      if (cell.value === undefined && cell.formula === undefined) continue;
      const [r, c] = key.split(':').map(Number) as [number, number];
      rows = Math.max(rows, r);
      columns = Math.max(columns, c);
    }
    return { rows, columns };
  }

  private call(method: string): void {
    this.ledger.record(this.name, method);
  }

  getName(): string {
    this.call('getName');
    return this.name;
  }
  getDataRange(): GsRange {
    this.call('getDataRange');
    const { rows, columns } = this.extent();
    return new FakeRange(this, 1, 1, Math.max(rows, 1), Math.max(columns, 1));
  }
  getRange(row: number | string, column?: number, numRows = 1, numColumns = 1): GsRange {
    this.call('getRange');
    if (typeof row === 'string') return rangeOfA1(this, row);
    if (!Number.isInteger(row) || row < 1 || column === undefined || column < 1) throw new Error('Range not found');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    return new FakeRange(this, row, column, numRows, numColumns);
  }
  getRangeList(a1Notations: string[]): GsRangeList {
    this.call('getRangeList');
    return new FakeRangeList(
      this,
      a1Notations.map((a1) => rangeOfA1(this, a1)),
    );
  }
  getLastRow(): number {
    this.call('getLastRow');
    return this.extent().rows;
  }
  /**
   * Test set-up, not a Sheets method: someone else protected this range (Range.protect()), so
   * the script's user may not change it; every write touching it fails.
   */
  protectAgainstUser(a1: string): void {
    this.protectedRanges.push(rangeOfA1(this, a1));
  }
  /** The fake's own, for its ranges: throws as Sheets does when a write would touch a protected cell. */
  guard(row: number, column: number, numRows: number, numColumns: number): void {
    const touches = this.protectedRanges.some(
      (p) =>
        p.row < row + numRows &&
        row < p.row + p.numRows &&
        p.column < column + numColumns &&
        column < p.column + p.numColumns,
    );
    if (touches) {
      throw new Error(
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
    }
  }
  isSheetHidden(): boolean {
    this.call('isSheetHidden');
    return this.hidden;
  }
  /** As Sheets: no effect on a hidden sheet; the only visible sheet cannot be hidden. */
  hideSheet(): this {
    this.call('hideSheet');
    if (!this.hidden && !this.othersVisible(this)) throw new Error("You can't hide all the sheets in a document.");
    this.hidden = true;
    return this;
  }
  setFrozenRows(rows: number): void {
    this.call('setFrozenRows');
    this.frozenRows = rows;
  }
  setColumnWidth(column: number, width: number): this {
    this.call('setColumnWidth');
    this.columnWidths.set(column, width);
    return this;
  }
  newChart(): { asBarChart(): GsChartBuilder } {
    this.call('newChart');
    const chart: FakeChart = { ranges: [], options: {}, position: [1, 1] };
    const builder: GsChartBuilder = {
      addRange: (range) => (chart.ranges.push(range.getA1Notation()), builder),
      setPosition: (row, col) => (((chart as { position: [number, number] }).position = [row, col]), builder),
      setOption: (option, value) => ((chart.options[option] = value), builder),
      build: () => chart,
    };
    return { asBarChart: () => builder };
  }
  insertChart(chart: never): void {
    this.call('insertChart');
    this.charts.push(chart as FakeChart);
  }
  activate(): this {
    this.call('activate');
    this.onActivate(this);
    return this;
  }
  addDeveloperMetadata(key: string, value: string): this {
    this.call('addDeveloperMetadata');
    this.metadata.push({ key, value });
    return this;
  }
}

function rangeOfA1(sheet: FakeSheet, a1: string): FakeRange {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a1);
  if (match === null) throw new Error('Range not found');
  const col = (letters: string): number =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(match[2]);
  const left = col(match[1]!);
  const bottom = match[4] === undefined ? top : Number(match[4]);
  const right = match[3] === undefined ? left : col(match[3]);
  return new FakeRange(sheet, top, left, bottom - top + 1, right - left + 1);
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export class FakeRange implements GsRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private call(method: string): void {
    this.sheet.ledger.record(this.sheet.name, method);
  }

  private grid<T>(read: (cell: Cell | undefined) => T): T[][] {
    return Array.from({ length: this.numRows }, (_, r) =>
      Array.from({ length: this.numColumns }, (_, c) => read(this.sheet.cell(this.row + r, this.column + c))),
    );
  }

  private put<T>(method: string, data: readonly (readonly T[])[], write: (cell: Cell, item: T) => void): this {
    this.call(method);
    this.sheet.guard(this.row, this.column, this.numRows, this.numColumns);
    if (data.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`,
      );
    }
    data.forEach((row, r) => {
      if (row.length !== this.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`,
        );
      }
      row.forEach((item, c) => write(this.sheet.cell(this.row + r, this.column + c, true)!, item));
    });
    return this;
  }

  getRow(): number {
    this.call('getRow');
    return this.row;
  }
  getColumn(): number {
    this.call('getColumn');
    return this.column;
  }
  getNumRows(): number {
    this.call('getNumRows');
    return this.numRows;
  }
  getNumColumns(): number {
    this.call('getNumColumns');
    return this.numColumns;
  }
  getA1Notation(): string {
    this.call('getA1Notation');
    const start = `${letters(this.column)}${this.row}`;
    const end = `${letters(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
    return start === end ? start : `${start}:${end}`;
  }
  getValues(): GsValue[][] {
    this.call('getValues');
    return this.grid((cell): StoredValue => {
      const value = cell?.value ?? '';
      return value instanceof Date ? new Date(value.getTime()) : value;
    });
  }
  getDisplayValues(): string[][] {
    this.call('getDisplayValues');
    return this.grid(display);
  }
  getFormulas(): string[][] {
    this.call('getFormulas');
    return this.grid((cell) => cell?.formula ?? '');
  }
  getNumberFormats(): string[][] {
    this.call('getNumberFormats');
    return this.grid((cell) => cell?.format ?? automaticFormat);
  }
  getNotes(): string[][] {
    this.call('getNotes');
    return this.grid((cell) => cell?.note ?? '');
  }
  getBackgrounds(): string[][] {
    this.call('getBackgrounds');
    return this.grid((cell) => cell?.background ?? white);
  }
  setValues(values: unknown[][]): this {
    return this.put('setValues', values, entered);
  }
  setNumberFormats(formats: string[][]): this {
    return this.put('setNumberFormats', formats, (cell, format) => void (cell.format = format));
  }
  setNumberFormat(format: string): this {
    return this.put(
      'setNumberFormat',
      this.grid(() => format),
      (cell, f) => void (cell.format = f),
    );
  }
  setNotes(notes: (string | null)[][]): this {
    return this.put('setNotes', notes, (cell, note) =>
      note === null || note === '' ? delete cell.note : (cell.note = note),
    );
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this.put('setBackgrounds', colors, (cell, color) =>
      color === null ? delete cell.background : (cell.background = validColor(color)),
    );
  }
  setFontWeights(weights: ('bold' | 'normal' | null)[][]): this {
    return this.put('setFontWeights', weights, (cell, weight) => void (cell.bold = weight === 'bold'));
  }
  setWraps(wraps: boolean[][]): this {
    return this.put('setWraps', wraps, (cell, wrap) => void (cell.wrap = wrap));
  }
  setFontStyles(styles: ('italic' | 'normal' | null)[][]): this {
    return this.put('setFontStyles', styles, (cell, style) => void (cell.italic = style === 'italic'));
  }
  setHorizontalAlignments(alignments: ('left' | 'center' | 'right' | 'normal' | null)[][]): this {
    return this.put('setHorizontalAlignments', alignments, (cell, align) => void (cell.align = align ?? 'normal'));
  }
  /** Test helper, not a Sheets method: visits (and creates) every cell of the range. */
  each(visit: (cell: Cell) => void): void {
    for (let r = 0; r < this.numRows; r++)
      for (let c = 0; c < this.numColumns; c++) visit(this.sheet.cell(this.row + r, this.column + c, true)!);
  }
  merge(): this {
    this.call('merge');
    this.sheet.guard(this.row, this.column, this.numRows, this.numColumns);
    this.sheet.merges.push(this.getA1Notation());
    return this;
  }
  activate(): this {
    this.call('activate');
    this.sheet.activate();
    return this;
  }
  /** Contents and formats go; notes stay, as in Sheets. */
  clear(): this {
    this.call('clear');
    this.sheet.guard(this.row, this.column, this.numRows, this.numColumns);
    for (const row of this.grid((cell) => cell)) {
      for (const cell of row) {
        if (cell === undefined) continue;
        delete cell.value;
        delete cell.formula;
        delete cell.format;
        delete cell.background;
      }
    }
    return this;
  }
}

/** Sheet.getRangeList: one call changes every listed range, or none when one is protected. */
export class FakeRangeList implements GsRangeList {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly ranges: readonly FakeRange[],
  ) {}

  private change(method: string, write: (cell: Cell) => void): this {
    this.sheet.ledger.record(this.sheet.name, method);
    for (const r of this.ranges) this.sheet.guard(r.row, r.column, r.numRows, r.numColumns);
    for (const range of this.ranges) range.each(write);
    return this;
  }

  setBorder(...sides: boolean[]): this {
    return this.change('setBorder', (cell) => void (cell.border = sides.some(Boolean)));
  }
  /** A "#rrggbb" colour, or null for none. */
  setBackground(color: string | null): this {
    const background = color === null ? null : validColor(color);
    return this.change('setBackground', (cell) =>
      background === null ? delete cell.background : (cell.background = background),
    );
  }
  setNumberFormat(format: string): this {
    return this.change('setNumberFormat', (cell) => void (cell.format = format));
  }
}
