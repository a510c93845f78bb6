import type { ChartModel } from '../fake-excel/model';
import { boundsAddress } from '../fake-excel/range';
import type { Node } from './nodes';
import { RichApiError } from './nodes';

/**
 * What writing a merge's report needs beyond values and fills: bold, wrapping, column widths,
 * merges, frozen rows, and a chart (ExcelApi 1.1, its categories 1.7). Each returns undefined
 * (or false) for what it does not know, so that the caller reports it as not modelled.
 */

type ChartPart = Extract<Node, { chart: ChartModel }>;

const chartParts: Readonly<Record<string, ChartPart['kind']>> = {
  'chart.Title': 'chartTitle',
  'chart.Legend': 'chartLegend',
  'chart.Axes': 'chartAxes',
  'chartAxes.ValueAxis': 'valueAxis',
  'chart.Series': 'chartSeriesCollection',
};

export function draftingProperty(parent: Node, name: string): Node | undefined {
  if (parent.kind === 'worksheet' && name === 'Charts') return { kind: 'charts', sheet: parent.sheet };
  if ('chart' in parent) {
    const kind = chartParts[`${parent.kind}.${name}`];
    if (kind !== undefined) return { kind, sheet: parent.sheet, chart: parent.chart };
  }
  return undefined;
}

/** A range argument as the wire carries it: an object path resolved to a node. */
function rangeAddress(arg: unknown, sheet: ChartPart['sheet'], what: string): string {
  const node = arg as Node | null | undefined;
  if (node?.kind !== 'range') throw new RichApiError('InvalidArgument', `${what}: not a range`);
  if (node.range.sheet !== sheet) throw new RichApiError('InvalidArgument', `${what}: a range on another sheet`);
  return boundsAddress(node.range.bounds);
}

export function draftingNavigate(parent: Node, name: string, args: readonly unknown[]): Node | undefined {
  if (parent.kind === 'charts' && name === 'Add') {
    const [type, source, seriesBy = 'Auto'] = args;
    const chart: ChartModel = {
      type: String(type),
      source: rangeAddress(source, parent.sheet, 'charts.add'),
      seriesBy: String(seriesBy),
      valueAxis: {},
    };
    parent.sheet.charts.push(chart);
    return { kind: 'chart', sheet: parent.sheet, chart };
  }
  if (parent.kind === 'chartSeriesCollection' && name === 'GetItemAt') {
    if (args[0] !== 0) throw new RichApiError('ItemNotFound', `The chart has one series, not ${String(args[0])}.`, 404);
    return { kind: 'chartSeries', sheet: parent.sheet, chart: parent.chart };
  }
  return undefined;
}

export function draftingSet(node: Node, key: string, value: unknown): boolean {
  const cells = node.kind === 'font' || node.kind === 'format' ? node.range : undefined;
  if (node.kind === 'font' && key === 'Bold' && cells !== undefined) {
    for (let r = cells.bounds.top; r <= cells.bounds.bottom; r++)
      for (let c = cells.bounds.left; c <= cells.bounds.right; c++) cells.sheet.at(r, c).bold = value === true;
    return true;
  }
  if (node.kind === 'format' && key === 'WrapText') return true; // not kept by the model
  if (node.kind === 'format' && key === 'ColumnWidth' && cells !== undefined) {
    for (let c = cells.bounds.left; c <= cells.bounds.right; c++) cells.sheet.columnWidths.set(c, Number(value));
    return true;
  }
  if (!('chart' in node)) return false;
  const { chart } = node;
  const setters: Record<string, () => void> = {
    'chartTitle.Text': () => (chart.title = String(value)),
    'chartLegend.Visible': () => (chart.legend = value === true),
    'valueAxis.Minimum': () => (chart.valueAxis.minimum = Number(value)),
    'valueAxis.Maximum': () => (chart.valueAxis.maximum = Number(value)),
    'chartSeries.Name': () => (chart.seriesName = String(value)),
  };
  const set = setters[`${node.kind}.${key}`];
  set?.();
  return set !== undefined;
}

export function draftingInvoke(node: Node, name: string, args: readonly unknown[]): boolean {
  if (node.kind === 'range' && name === 'Merge') {
    node.range.sheet.merges.push({ ...node.range.bounds });
    return true;
  }
  if (node.kind === 'freezePanes' && name === 'FreezeRows') {
    node.sheet.frozenRows = Number(args[0]);
    return true;
  }
  if (node.kind === 'chartSeries' && name === 'SetXAxisValues') {
    node.chart.categories = rangeAddress(args[0], node.sheet, 'setXAxisValues');
    return true;
  }
  if (node.kind === 'chart' && name === 'SetPosition') {
    const [from, to] = args.map((a) => (typeof a === 'string' ? a : rangeAddress(a, node.sheet, 'setPosition')));
    node.chart.position = { from: from!, to: to ?? from! };
    return true;
  }
  return false;
}
