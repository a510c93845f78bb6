import type { Bounds, ChartModel, CommentModel, ReplyModel, SheetModel, WorkbookModel } from '../fake-excel/model';
import { noFill } from '../fake-excel/model';
import type { RangeModel } from '../fake-excel/range';
import type { ListSeparator } from '../fake-excel/range';
import { draftingInvoke, draftingNavigate, draftingProperty, draftingSet } from './drafting';
import { commentsInvoke, commentsNavigate, commentsProperty, commentsQuery, commentsSet } from './comments';
import {
  boundsAddress,
  grid,
  intersection,
  maxColumn,
  maxRow,
  paint,
  parseAreaList,
  parseRange,
  plain,
  putValue,
  quoteSheet,
  valueType,
  writeGrid,
} from '../fake-excel/range';

/**
 * The objects of the in-memory workbook as the Rich API server addresses them, and what each
 * answers: navigation (object paths), properties to query and to set, and void methods.
 * Names are the wire's: PascalCase, as Excel's service speaks them.
 */
export type Node =
  | { readonly kind: 'workbook' | 'application' | 'worksheets' }
  | { readonly kind: 'worksheet' | 'protection' | 'freezePanes' | 'charts'; readonly sheet: SheetModel }
  | { readonly kind: 'range' | 'format' | 'fill' | 'font'; readonly range: RangeModel }
  | { readonly kind: 'comments' }
  | { readonly kind: 'comment'; readonly comment: CommentModel }
  | { readonly kind: 'replies'; readonly comment: CommentModel }
  | { readonly kind: 'reply'; readonly comment: CommentModel; readonly reply: ReplyModel }
  | {
      readonly kind:
        'chart' | 'chartTitle' | 'chartLegend' | 'chartAxes' | 'valueAxis' | 'chartSeriesCollection' | 'chartSeries';
      readonly sheet: SheetModel;
      readonly chart: ChartModel;
    };

export class RichApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** An object path that names something absent: "OrNullObject" gives a null object, else ItemNotFound. */
const missing = (what: string): never => {
  throw new RichApiError('ItemNotFound', `The requested resource doesn't exist: ${what}.`, 404);
};

/** Excel's worksheets.getItem takes a name or an id (the library refers to a loaded item by id). */
function sheetOf(book: WorkbookModel, key: unknown): SheetModel | undefined {
  return book.sheets.find((s) => s.id === key || s.name.toLowerCase() === String(key).toLowerCase());
}

function rangeOf(sheet: SheetModel, address?: unknown): Node {
  const bounds: Bounds =
    address === undefined || address === null || address === ''
      ? { top: 1, left: 1, bottom: maxRow, right: maxColumn }
      : parseRange(String(address));
  return { kind: 'range', range: { sheet, bounds } };
}

/** A property path ("Worksheets", "Format", "Fill"…) from `parent`. */
export function property(book: WorkbookModel, parent: Node, name: string): Node {
  if (parent.kind === 'workbook' && name === 'Worksheets') return { kind: 'worksheets' };
  if (parent.kind === 'workbook' && name === 'Application') return { kind: 'application' };
  if (parent.kind === 'worksheet' && name === 'Protection') return { kind: 'protection', sheet: parent.sheet };
  if (parent.kind === 'worksheet' && name === 'FreezePanes') return { kind: 'freezePanes', sheet: parent.sheet };
  if (parent.kind === 'range' && name === 'Format') return { kind: 'format', range: parent.range };
  if (parent.kind === 'format' && name === 'Fill') return { kind: 'fill', range: parent.range };
  if (parent.kind === 'format' && name === 'Font') return { kind: 'font', range: parent.range };
  void book;
  return draftingProperty(parent, name) ?? commentsProperty(parent, name) ?? notModelled(`${parent.kind}.${name}`);
}

/** A method that returns an object (GetRange, GetItem…): null stands for a null object. */
export function navigate(
  book: WorkbookModel,
  parent: Node,
  name: string,
  args: readonly unknown[],
  separator: ListSeparator = ',',
): Node | null {
  if (parent.kind === 'worksheets') {
    if (name === 'GetItem' || name === 'GetItemOrNullObject' || name === '') {
      const sheet = sheetOf(book, args[0]);
      if (sheet === undefined) return name === 'GetItemOrNullObject' ? null : missing(`sheet "${String(args[0])}"`);
      return { kind: 'worksheet', sheet };
    }
    if (name === 'GetItemAt')
      return { kind: 'worksheet', sheet: book.sheets[Number(args[0])] ?? missing(`sheet #${String(args[0])}`) };
    if (name === 'Add') {
      const wanted = String(args[0]);
      if (sheetOf(book, wanted) !== undefined)
        throw new RichApiError('ItemAlreadyExists', `A sheet named "${wanted}" exists.`, 409);
      return { kind: 'worksheet', sheet: book.addSheet(wanted) };
    }
  }
  if (parent.kind === 'worksheet') {
    if (name === 'GetRange') return rangeOf(parent.sheet, args[0]);
    if (name === 'GetRanges') return areasOf(parent.sheet, String(args[0]), separator);
    if (name === 'GetUsedRangeOrNullObject' || name === 'GetUsedRange') {
      const used = parent.sheet.usedBounds();
      if (used === undefined)
        return name === 'GetUsedRange'
          ? { kind: 'range', range: { sheet: parent.sheet, bounds: parseRange('A1') } }
          : null;
      return { kind: 'range', range: { sheet: parent.sheet, bounds: used } };
    }
  }
  if (parent.kind === 'range') {
    // The library itself cuts a large 2-D write into row ranges of the target.
    const { sheet, bounds } = parent.range;
    const [i = 0, j = 0] = args.map((a) => (typeof a === 'number' ? a : 0));
    if (name === 'GetRow')
      return { kind: 'range', range: { sheet, bounds: { ...bounds, top: bounds.top + i, bottom: bounds.top + i } } };
    const other = args[0] as Node | undefined;
    if (name === 'GetBoundingRect' && other?.kind === 'range') {
      const o = other.range.bounds;
      return {
        kind: 'range',
        range: {
          sheet,
          bounds: {
            top: Math.min(bounds.top, o.top),
            left: Math.min(bounds.left, o.left),
            bottom: Math.max(bounds.bottom, o.bottom),
            right: Math.max(bounds.right, o.right),
          },
        },
      };
    }
    if (name === 'GetIntersectionOrNullObject') {
      const other = args[0] as Node | string | undefined;
      const b =
        typeof other === 'string' ? parseRange(other) : other?.kind === 'range' ? other.range.bounds : undefined;
      if (b === undefined) throw new RichApiError('InvalidArgument', 'getIntersectionOrNullObject: not a range');
      const meet = intersection(bounds, b);
      return meet === null ? null : { kind: 'range', range: { sheet, bounds: meet } };
    }
    if (name === 'GetCell')
      return {
        kind: 'range',
        range: {
          sheet,
          bounds: { top: bounds.top + i, bottom: bounds.top + i, left: bounds.left + j, right: bounds.left + j },
        },
      };
  }
  const comment = commentsNavigate(book, parent, name, args);
  if (comment !== undefined) return comment;
  return draftingNavigate(parent, name, args) ?? notModelled(`${parent.kind}.${name}()`);
}

const notModelled = (what: string): never => {
  throw new RichApiError('ApiNotFound', `${what} is not modelled by the test server.`);
};

/** A RangeAreas: its areas, read with the list separator and under Excel's limits. */
function areasOf(sheet: SheetModel, address: string, separator: ListSeparator): Node {
  const areas = parseAreaList(address, separator);
  const bounds = {
    top: Math.min(...areas.map((a) => a.top)),
    left: Math.min(...areas.map((a) => a.left)),
    bottom: Math.max(...areas.map((a) => a.bottom)),
    right: Math.max(...areas.map((a) => a.right)),
  };
  return { kind: 'range', range: { sheet, bounds, areas } };
}

/** Range.getCellProperties (ExcelApi 1.9): the address and fill of each cell, as asked. */
function cellProperties(
  range: RangeModel,
  spec: { address?: boolean; format?: { fill?: Record<string, boolean> } },
): unknown[][] {
  return grid(range, (cell) => cell).map((row, r) =>
    row.map((cell, c) => {
      const at = { top: range.bounds.top + r, left: range.bounds.left + c };
      const fill: Record<string, string | undefined> = { ...noFill, ...cell?.fill };
      const wanted = Object.keys(spec.format?.fill ?? {});
      return {
        ...(spec.address === true
          ? { address: `${quoteSheet(range.sheet.name)}!${boundsAddress({ ...at, bottom: at.top, right: at.left })}` }
          : {}),
        ...(wanted.length > 0
          ? { format: { fill: Object.fromEntries(wanted.map((k) => [k, fill[k] ?? '#000000'])) } }
          : {}),
      };
    }),
  );
}

const bounded = (range: RangeModel, read: Parameters<typeof grid>[1]): unknown[][] => grid(range, read);

/** Query: the PascalCase properties a load asked for ("values" → "Values"), nested paths too. */
export function query(book: WorkbookModel, node: Node, select: readonly string[]): unknown {
  return commentsQuery(book, node, select) ?? properties(node, select);
}

function properties(node: Node, select: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of select) {
    const [head, ...rest] = path.split('/');
    const key = head!.charAt(0).toUpperCase() + head!.slice(1);
    if (rest.length > 0) {
      if (node.kind !== 'worksheet' || key !== 'Protection')
        throw new RichApiError('PropertyNotFound', `${node.kind}.${path}`);
      out[key] = {
        ...(out[key] as object | undefined),
        ...properties({ kind: 'protection', sheet: node.sheet }, [rest.join('/')]),
      };
      continue;
    }
    out[key] = scalar(node, key);
  }
  return out;
}

function scalar(node: Node, key: string): unknown {
  if (node.kind === 'worksheet') {
    if (key === 'Id') return node.sheet.id;
    if (key === 'Name') return node.sheet.name;
    if (key === 'Visibility') return node.sheet.visibility;
  }
  if (node.kind === 'protection' && key === 'Protected') return node.sheet.protected;
  if (node.kind === 'range') {
    const { range } = node;
    const readers: Record<string, () => unknown> = {
      Address: () =>
        (range.areas ?? [range.bounds]).map((b) => `${quoteSheet(range.sheet.name)}!${boundsAddress(b)}`).join(','),
      Values: () => bounded(range, plain),
      ValueTypes: () => bounded(range, valueType),
      NumberFormat: () => bounded(range, (c) => c?.numberFormat ?? 'General'),
      Formulas: () => bounded(range, (c) => c?.formula ?? plain(c)),
      AreaCount: () => (range.areas ?? [range.bounds]).length,
      RowIndex: () => range.bounds.top - 1,
      ColumnIndex: () => range.bounds.left - 1,
      RowCount: () => range.bounds.bottom - range.bounds.top + 1,
      ColumnCount: () => range.bounds.right - range.bounds.left + 1,
    };
    const read = readers[key];
    if (read !== undefined) return read();
  }
  if (node.kind === 'fill') {
    const fill = node.range.sheet.cell(node.range.bounds.top, node.range.bounds.left)?.fill ?? noFill;
    if (key === 'Color') return fill.color;
    if (key === 'Pattern') return fill.pattern;
  }
  throw new RichApiError('PropertyNotFound', `${node.kind}.${key} is not modelled by the test server.`);
}

/** SetProperty: the value as the wire carries it. */
export function setProperty(node: Node, key: string, value: unknown): void {
  if (node.kind === 'range') {
    if (key === 'Values' || key === 'Formulas') return writeGrid(node.range, value, putValue);
    if (key === 'NumberFormat') return writeGrid(node.range, value, (cell, f) => (cell.numberFormat = String(f)));
  }
  if (node.kind === 'fill') {
    if (key === 'Color')
      return paint(node.range, (f) => ({
        ...f,
        pattern: f.pattern === 'None' ? 'Solid' : f.pattern,
        color: String(value).toUpperCase(),
      }));
    if (key === 'Pattern') return paint(node.range, (f) => ({ ...f, pattern: String(value) }));
    if (key === 'PatternColor') return paint(node.range, (f) => ({ ...f, patternColor: String(value) }));
  }
  if (node.kind === 'worksheet' && key === 'Visibility') {
    node.sheet.visibility = String(value);
    return;
  }
  if (draftingSet(node, key, value) || commentsSet(node, key, value)) return;
  throw new RichApiError('PropertyNotFound', `Setting ${node.kind}.${key} is not modelled by the test server.`);
}

/** A void method; `book` for those that change the workbook's structure or selection. */
export function invoke(book: WorkbookModel, node: Node, name: string, args: readonly unknown[]): unknown {
  if (name === '_KeepReference') return null;
  if (node.kind === 'application' && /^Suspend(ApiCalculation|ScreenUpdating)UntilNextSync$/.test(name)) return null;
  if (node.kind === 'fill' && name === 'Clear') return paint(node.range, () => ({ ...noFill }));
  if (node.kind === 'range' && name === '_ValidateArraySize') {
    // Sent by the library before a large 2-D write: the array must fit the range exactly.
    const { top, left, bottom, right } = node.range.bounds;
    if (Number(args[0]) !== bottom - top + 1 || Number(args[1]) !== right - left + 1)
      throw new RichApiError('InvalidArgument', 'The array does not match the range.');
    return null;
  }
  if (node.kind === 'range' && name === 'GetCellProperties')
    return cellProperties(node.range, args[0] as Parameters<typeof cellProperties>[1]);
  if (node.kind === 'range' && name === 'Clear') {
    const { sheet, bounds: b } = node.range;
    for (const key of [...sheet.cells.keys()]) {
      const at = parseRange(key);
      if (at.top >= b.top && at.top <= b.bottom && at.left >= b.left && at.left <= b.right) sheet.cells.delete(key);
    }
    return null;
  }
  if (node.kind === 'worksheet' && name === 'Activate') return void (book.activeSheet = node.sheet.name);
  if (node.kind === 'worksheet' && name === 'Delete')
    return void book.sheets.splice(book.sheets.indexOf(node.sheet), 1);
  if (node.kind === 'range' && name === 'Select') {
    book.activeSheet = node.range.sheet.name;
    book.selection = boundsAddress(node.range.bounds);
    return null;
  }
  if (draftingInvoke(node, name, args) || commentsInvoke(book, node, name)) return null;
  throw new RichApiError(
    'ApiNotFound',
    `${node.kind}.${name}() is not modelled by the test server (${args.length} arguments).`,
  );
}
