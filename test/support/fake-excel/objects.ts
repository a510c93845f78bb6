import type { FakeContext } from './client';
import { FakeObject, FakeOfficeError, notLoaded } from './client';
import { FakeChartCollection } from './charts';
import { FakeCollection } from './collection';
import { FakeCommentCollection, FakeNoteCollection } from './comments';
import type { SheetModel, WorkbookModel } from './model';
import { noFill } from './model';
import type { RangeModel } from './range';
import {
  FakeRangeFormat,
  boundsAddress,
  cellsOf,
  grid,
  intersection,
  maxColumn,
  maxRow,
  parseAreaList,
  parseRange,
  plain,
  putValue,
  quoteSheet,
  valueType,
  writeGrid,
} from './range';

export { maxAreas, maxAreasAddress } from './range';

export class FakeRange extends FakeObject<RangeModel> {
  readonly format: FakeRangeFormat;
  constructor(context: FakeContext, resolve: () => RangeModel | null) {
    super(context, resolve);
    this.format = new FakeRangeFormat(context, resolve);
  }
  protected scalars(m: RangeModel): Record<string, () => unknown> {
    return {
      address: () => `${quoteSheet(m.sheet.name)}!${boundsAddress(m.bounds)}`,
      values: () => grid(m, plain),
      valueTypes: () => grid(m, valueType),
      numberFormat: () => grid(m, (c) => c?.numberFormat ?? 'General'),
      formulas: () => grid(m, (c) => c?.formula ?? plain(c)),
      rowIndex: () => m.bounds.top - 1,
      columnIndex: () => m.bounds.left - 1,
      rowCount: () => m.bounds.bottom - m.bounds.top + 1,
      columnCount: () => m.bounds.right - m.bounds.left + 1,
    };
  }
  protected override child(name: string): FakeObject<unknown> | undefined {
    return name === 'format' ? (this.format as FakeObject<unknown>) : undefined;
  }
  get address(): string {
    return this.get('address');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(values: unknown[][]) {
    this.set('values', values, (m) => writeGrid(m, values, putValue));
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.set('numberFormat', formats, (m) => writeGrid(m, formats, (cell, f) => (cell.numberFormat = String(f))));
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(formulas: unknown[][]) {
    this.set('formulas', formulas, (m) => writeGrid(m, formulas, putValue));
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }

  /** ExcelApi 1.4: the cells this range shares with `other` (an address on its sheet), or a null object. */
  getIntersectionOrNullObject(other: string): FakeRange {
    this.context.enqueue('call', { getIntersectionOrNullObject: other }, () => undefined, false);
    return new FakeRange(this.context, () => {
      const m = this.resolve();
      const meet = m === null ? null : intersection(m.bounds, parseRange(other));
      return m === null || meet === null ? null : { sheet: m.sheet, bounds: meet };
    });
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.enqueue('call', 'getMergedAreasOrNullObject', () => undefined, false);
    return new FakeRangeAreas(this.context, () => {
      const m = this.resolve();
      if (m === null) return null;
      const b = m.bounds;
      const areas = m.sheet.merges.filter(
        (a) => a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left,
      );
      return areas.length === 0 ? null : { sheet: m.sheet, areas };
    });
  }
  /** ExcelApi 1.9: per-cell properties in one call; only address and format.fill are modelled. */
  getCellProperties(spec: { address?: boolean; format?: { fill?: Record<string, boolean> } }): {
    readonly value: unknown[][];
  } {
    let value: unknown[][] | undefined;
    this.context.enqueue(
      'call',
      { getCellProperties: spec },
      () => {
        const m = this.must();
        value = [];
        for (let r = m.bounds.top; r <= m.bounds.bottom; r++) {
          const row: unknown[] = [];
          for (let c = m.bounds.left; c <= m.bounds.right; c++) {
            const fill = m.sheet.cell(r, c)?.fill ?? noFill;
            const wanted = spec.format?.fill ?? {};
            const props: Record<string, unknown> = {};
            if (spec.address)
              props['address'] =
                `${quoteSheet(m.sheet.name)}!${boundsAddress({ top: r, left: c, bottom: r, right: c })}`;
            props['format'] = {
              fill: Object.fromEntries(Object.keys(wanted).map((k) => [k, fill[k as keyof typeof fill] ?? '#000000'])),
            };
            row.push(props);
          }
          value.push(row);
        }
        this.context.respond(value);
      },
      false,
    );
    return {
      get value(): unknown[][] {
        if (value === undefined) throw notLoaded('value');
        return value;
      },
    };
  }
  select(): void {
    this.call(
      'select',
      [],
      (m) => {
        const book = this.context.book;
        book.activeSheet = m.sheet.name;
        book.selection = boundsAddress(m.bounds);
      },
      false,
    );
  }
  clear(): void {
    this.call('clear', [], (m) => {
      for (const key of [...m.sheet.cells.keys()]) {
        const b = parseRange(key);
        if (b.top >= m.bounds.top && b.top <= m.bounds.bottom && b.left >= m.bounds.left && b.left <= m.bounds.right)
          m.sheet.cells.delete(key);
      }
    });
  }
  merge(): void {
    this.call('merge', [], (m) => m.sheet.merges.push({ ...m.bounds }));
  }
}

interface AreasModel {
  readonly sheet: SheetModel;
  readonly areas: readonly RangeModel['bounds'][];
}

export class FakeRangeAreas extends FakeObject<AreasModel> {
  readonly format: FakeRangeFormat;
  constructor(context: FakeContext, resolve: () => AreasModel | null) {
    super(context, resolve);
    // Formats of a RangeAreas apply to its areas only, never to the cells between them.
    const eachArea = (): RangeModel | null => {
      const m = resolve();
      if (m === null) return null;
      const cells = m.areas.flatMap((a) => cellsOf(a));
      const rows = cells.map((c) => c.row);
      const cols = cells.map((c) => c.col);
      const bounds = {
        top: Math.min(...rows),
        left: Math.min(...cols),
        bottom: Math.max(...rows),
        right: Math.max(...cols),
      };
      return { sheet: m.sheet, bounds, areas: m.areas };
    };
    this.format = new FakeRangeFormat(context, eachArea);
  }
  protected scalars(m: AreasModel): Record<string, () => unknown> {
    return {
      address: () => m.areas.map((a) => `${quoteSheet(m.sheet.name)}!${boundsAddress(a)}`).join(','),
      areaCount: () => m.areas.length,
    };
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
}

export class FakeWorksheetProtection extends FakeObject<SheetModel> {
  protected scalars(m: SheetModel): Record<string, () => unknown> {
    return { protected: () => m.protected };
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

export class FakeWorksheet extends FakeObject<SheetModel> {
  readonly protection: FakeWorksheetProtection;
  readonly notes: FakeNoteCollection;
  readonly charts: FakeChartCollection;
  constructor(
    context: FakeContext,
    resolve: () => SheetModel | null,
    private readonly book: WorkbookModel,
  ) {
    super(context, resolve);
    this.protection = new FakeWorksheetProtection(context, resolve);
    this.notes = new FakeNoteCollection(context, book, resolve);
    this.charts = new FakeChartCollection(context, resolve);
  }
  protected scalars(m: SheetModel): Record<string, () => unknown> {
    return {
      id: () => m.id,
      name: () => m.name,
      visibility: () => m.visibility,
      position: () => this.book.sheets.indexOf(m),
    };
  }
  protected override child(name: string): FakeObject<unknown> | undefined {
    return name === 'protection' ? (this.protection as FakeObject<unknown>) : undefined;
  }
  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  get visibility(): string {
    return this.get('visibility');
  }
  /** Excel.SheetVisibility: "Visible", "Hidden", "VeryHidden"; a workbook keeps one sheet visible. */
  set visibility(v: string) {
    this.set('visibility', v, (m) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(v))
        throw new FakeOfficeError('InvalidArgument', `visibility: "${v}" is not a SheetVisibility`);
      const others = this.book.sheets.filter((sheet) => sheet !== m && sheet.visibility === 'Visible');
      if (v !== 'Visible' && others.length === 0)
        throw new FakeOfficeError('InvalidOperation', 'The only visible sheet of a workbook cannot be hidden.');
      m.visibility = v;
    });
  }

  private rangeProxy(resolve: (m: SheetModel) => RangeModel['bounds'] | null): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      if (sheet === null) return null;
      const bounds = resolve(sheet);
      return bounds === null ? null : { sheet, bounds };
    });
  }
  getRange(address?: string): FakeRange {
    this.context.enqueue('call', { getRange: address ?? '' }, () => undefined, false);
    return this.rangeProxy(() =>
      address === undefined ? { top: 1, left: 1, bottom: maxRow, right: maxColumn } : parseRange(address),
    );
  }
  /** Cells with a value or formula only, whatever `valuesOnly` says: all a host reads. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.context.enqueue('call', { getUsedRangeOrNullObject: valuesOnly ?? false }, () => undefined, false);
    return this.rangeProxy((sheet) => sheet.usedBounds() ?? null);
  }
  getRanges(address: string): FakeRangeAreas {
    let areas: RangeModel['bounds'][] = [];
    this.context.enqueue(
      'call',
      { getRanges: address },
      () => (areas = parseAreaList(address, this.context.listSeparator)),
      false,
    );
    return new FakeRangeAreas(this.context, () => {
      const sheet = this.resolve();
      return sheet === null ? null : { sheet, areas };
    });
  }
  activate(): void {
    this.call('activate', [], (m) => (this.book.activeSheet = m.name), false);
  }
  delete(): void {
    this.call('delete', [], (m) => {
      this.book.sheets.splice(this.book.sheets.indexOf(m), 1);
      for (const c of this.book.comments.filter((x) => x.sheet === m.name))
        this.book.comments.splice(this.book.comments.indexOf(c), 1);
    });
  }
  readonly freezePanes = {
    freezeRows: (count: number): void => this.call('freezeRows', count, (m) => (m.frozenRows = count)),
  };
}

export class FakeWorksheetCollection extends FakeCollection<SheetModel, FakeWorksheet> {
  constructor(
    context: FakeContext,
    private readonly book: WorkbookModel,
  ) {
    super(
      context,
      () => book.sheets,
      (resolve) => new FakeWorksheet(context, resolve, book),
    );
  }
  getItem(name: string): FakeWorksheet {
    this.context.enqueue('call', { getItem: name }, () => undefined, false);
    return new FakeWorksheet(
      this.context,
      () => {
        const sheet = this.book.sheet(name);
        if (sheet === undefined)
          throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: sheet "${name}".`);
        return sheet;
      },
      this.book,
    );
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.context.enqueue('call', { getItemOrNullObject: name }, () => undefined, false);
    return new FakeWorksheet(this.context, () => this.book.sheet(name) ?? null, this.book);
  }
  add(name: string): FakeWorksheet {
    let created: SheetModel | undefined;
    this.context.enqueue(
      'call',
      { add: name },
      () => {
        if (this.book.sheet(name) !== undefined)
          throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" exists.`);
        created = this.book.addSheet(name);
      },
      true,
    );
    return new FakeWorksheet(this.context, () => created ?? null, this.book);
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly notes: FakeNoteCollection;
  readonly comments: FakeCommentCollection;
  constructor(context: FakeContext, book: WorkbookModel) {
    this.worksheets = new FakeWorksheetCollection(context, book);
    this.notes = new FakeNoteCollection(context, book);
    this.comments = new FakeCommentCollection(context, book);
  }
}
