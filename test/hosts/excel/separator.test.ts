import { checkWorkbook } from '../../../src/core/check';
import { annotationPlan } from '../../../src/core/report/annotations';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import type { OfficeApi } from '../../../src/hosts/excel/api';
import { ExcelHost } from '../../../src/hosts/excel/host';
import type { FakeRequestContext } from '../../support/fake-excel';
import { FakeExcel, WorkbookModel } from '../../support/fake-excel';
import type { ListSeparator } from '../../support/fake-excel/range';
import { RichApiServer, serveExcel } from '../../support/rich-api/server';
import { phuLuc3WithRows } from './big';

/**
 * Excel on Windows reads a getRanges address with the regional list separator: "," in English
 * settings, ";" in Vietnamese ones. Validate and Clear paint through getRanges in both.
 */

const pl3 = 'Phụ lục 3';

test('the fake Excel reads getRanges with its list separator and refuses the other, as Excel does', async () => {
  const excel = new FakeExcel(WorkbookModel.fromSnapshot({ sheets: [{ name: 'S', values: [[1]] }] }));
  excel.listSeparator = ';';
  await excel.run({}, async (context: FakeRequestContext) => {
    context.workbook.worksheets.getItem('S').getRanges('A1,A3').format.fill.color = '#FF0000';
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    const areas = context.workbook.worksheets.getItem('S').getRanges('A1;A3:B3').load('areaCount');
    areas.format.fill.color = '#FF0000';
    await context.sync();
    expect(areas.areaCount).toBe(2);
  });
  expect(excel.fills('S')).toEqual({ A1: 'FFFF0000', A3: 'FFFF0000', B3: 'FFFF0000' });
});

interface Backend {
  readonly name: string;
  open(snapshot: WorkbookSnapshot, separator: ListSeparator): { api: OfficeApi; view: FakeExcel; requests(): number };
}

const backends: Backend[] = [
  {
    name: 'the fake Excel',
    open(snapshot, separator) {
      const excel = new FakeExcel(WorkbookModel.fromSnapshot(snapshot), '1.18');
      excel.listSeparator = separator;
      return { api: excel.api(), view: excel, requests: () => excel.counters.syncs };
    },
  },
  {
    name: "Microsoft's client library",
    open(snapshot, separator) {
      const server = new RichApiServer(WorkbookModel.fromSnapshot(snapshot));
      server.listSeparator = separator;
      return {
        api: serveExcel(server).api,
        view: new FakeExcel(server.book, '1.9'),
        requests: () => server.requests.length,
      };
    },
  },
];

async function validate(host: ExcelHost): Promise<void> {
  await host.applyPlan(annotationPlan(checkWorkbook(await host.readSnapshot()).findings, 'vi'));
}

describe.each(backends)('through $name', (backend) => {
  let snapshot: WorkbookSnapshot;
  let expected: Record<string, string>;
  beforeAll(async () => {
    const sheet = (await phuLuc3WithRows(40)).sheets[0]!;
    snapshot = { sheets: [{ ...sheet, fills: { A12: 'FFFFFF00', D12: 'FF00B0F0' } }] }; // a reviewer's fills
    const reference = backend.open(snapshot, ',');
    await validate(new ExcelHost(reference.api));
    expected = reference.view.fills(pl3);
  }, 30_000);

  test.each([',', ';'] as const)(
    'with "%s" Validate paints every finding and Clear puts back the fills',
    async (separator) => {
      const { api, view, requests } = backend.open(snapshot, separator);
      const before = view.fills(pl3);
      const host = new ExcelHost(api);
      await validate(host);
      expect(view.fills(pl3)).toEqual(expected);
      // Several areas in one call: a list the separator matters to.
      expect(new Set(Object.keys(expected).map((cell) => cell.replace(/\d+/, ''))).size).toBeGreaterThan(1);
      // The separator is learnt once: ";" costs one refused request in the first run, none after.
      expect(requests()).toBe(separator === ',' ? 4 : 5);
      await host.clear();
      expect(view.fills(pl3)).toEqual(before);
      const afterClear = requests();
      await validate(host);
      expect(requests() - afterClear).toBe(4);
    },
    30_000,
  );
});
