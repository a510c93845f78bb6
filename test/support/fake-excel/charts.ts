import type { FakeContext } from './client';
import { FakeObject, FakeOfficeError } from './client';
import type { ChartModel, SheetModel } from './model';
import type { RangeModel } from './range';
import { boundsAddress } from './range';

/**
 * Charts (ExcelApi 1.1; series.setXAxisValues 1.7), as much as a host needs to add one: the
 * type and data range, the series' name and categories, title, legend, value axis, position.
 * Like every fake object, nothing happens before `sync`.
 */

type RangeProxy = { resolve(): RangeModel | null };

const chartTypes = new Set(['BarClustered', 'ColumnClustered', 'Line', 'Pie']);

function rangeOn(sheet: SheetModel, range: RangeProxy, what: string): string {
  const model = range.resolve();
  if (model === null) throw new FakeOfficeError('InvalidArgument', `${what}: a null range`);
  if (model.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', `${what}: the range is on another sheet`);
  return boundsAddress(model.bounds);
}

export class FakeChartSeries extends FakeObject<{ sheet: SheetModel; chart: ChartModel }> {
  protected scalars(m: { chart: ChartModel }): Record<string, () => unknown> {
    return { name: () => m.chart.seriesName ?? '' };
  }
  set name(name: string) {
    this.set('name', name, (m) => (m.chart.seriesName = name));
  }
  setXAxisValues(range: RangeProxy): void {
    this.call('setXAxisValues', [], (m) => (m.chart.categories = rangeOn(m.sheet, range, 'setXAxisValues')));
  }
}

export class FakeChart extends FakeObject<{ sheet: SheetModel; chart: ChartModel }> {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: { valueAxis: { minimum: number; maximum: number } };
  readonly series: { getItemAt(index: number): FakeChartSeries };

  constructor(context: FakeContext, resolve: () => { sheet: SheetModel; chart: ChartModel } | null) {
    super(context, resolve);
    const set =
      <T>(name: string, apply: (chart: ChartModel, value: T) => void) =>
      (value: T): void =>
        this.set(name, value, (m) => apply(m.chart, value));
    const title = set<string>('title.text', (c, v) => (c.title = v));
    const legend = set<boolean>('legend.visible', (c, v) => (c.legend = v));
    const min = set<number>('valueAxis.minimum', (c, v) => (c.valueAxis.minimum = v));
    const max = set<number>('valueAxis.maximum', (c, v) => (c.valueAxis.maximum = v));
    const writeOnly = (what: string): never => {
      throw new FakeOfficeError('PropertyNotLoaded', `${what} is write-only in this fake`);
    };
    this.title = {
      set text(v: string) {
        title(v);
      },
      get text(): string {
        return writeOnly('title.text');
      },
    };
    this.legend = {
      set visible(v: boolean) {
        legend(v);
      },
      get visible(): boolean {
        return writeOnly('legend.visible');
      },
    };
    this.axes = {
      valueAxis: {
        set minimum(v: number) {
          min(v);
        },
        get minimum(): number {
          return writeOnly('minimum');
        },
        set maximum(v: number) {
          max(v);
        },
        get maximum(): number {
          return writeOnly('maximum');
        },
      },
    };
    this.series = {
      getItemAt: (index: number) => {
        context.enqueue('call', { getItemAt: index }, () => undefined, false);
        return new FakeChartSeries(context, () => {
          const m = this.resolve();
          if (m === null) return null;
          if (index !== 0) throw new FakeOfficeError('ItemNotFound', `The chart has one series, not ${index + 1}`);
          return m;
        });
      },
    };
  }
  protected scalars(m: { chart: ChartModel }): Record<string, () => unknown> {
    return { chartType: () => m.chart.type };
  }
  setPosition(startCell: string, endCell?: string): void {
    this.call(
      'setPosition',
      [startCell, endCell],
      (m) => (m.chart.position = { from: startCell, to: endCell ?? startCell }),
    );
  }
}

export class FakeChartCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetModel | null,
  ) {}

  add(type: string, sourceData: RangeProxy, seriesBy = 'Auto'): FakeChart {
    let created: { sheet: SheetModel; chart: ChartModel } | null = null;
    this.context.enqueue(
      'call',
      { addChart: [type, seriesBy] },
      () => {
        const sheet = this.sheet();
        if (sheet === null) throw new FakeOfficeError('ItemNotFound', 'No sheet for the chart');
        if (!chartTypes.has(type)) throw new FakeOfficeError('InvalidArgument', `Chart type ${type} is not modelled`);
        const chart: ChartModel = { type, source: rangeOn(sheet, sourceData, 'charts.add'), seriesBy, valueAxis: {} };
        sheet.charts.push(chart);
        created = { sheet, chart };
      },
      true,
    );
    return new FakeChart(this.context, () => created);
  }
}
