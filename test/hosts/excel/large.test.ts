import { checkWorkbook } from '../../../src/core/check';
import { annotationPlan } from '../../../src/core/report/annotations';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import type { OfficeApi } from '../../../src/hosts/excel/api';
import type { PayloadBudget } from '../../../src/hosts/excel/batch';
import { ExcelHost } from '../../../src/hosts/excel/host';
import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import { generatedPhuLuc2 } from '../../../scripts/bench';
import { FakeExcel, WorkbookModel, requestLimitBytes } from '../../support/fake-excel';
import { RichApiServer, serveExcel } from '../../support/rich-api/server';

/**
 * Large sheets against Excel on the web's limits: no request and no answer over 5 MB, through the
 * fake Excel and through Microsoft's own client library. The bench's generated Phụ lục 2 has about
 * 1.3 findings a row. 50,000 rows run in `npm run bench`; here the same splitting is driven by a
 * scaled-down limit on a smaller sheet.
 */

const pl2 = 'Phụ lục 2';

interface Traffic {
  readonly requests: number[];
  readonly responses: number[];
}

interface Opened {
  readonly api: OfficeApi;
  readonly view: FakeExcel;
  traffic(): Traffic;
}

function overFake(snapshot: WorkbookSnapshot, limit = requestLimitBytes): Opened {
  const excel = new FakeExcel(WorkbookModel.fromSnapshot(snapshot), '1.10');
  excel.payloadLimitBytes = limit;
  const traffic = () => ({
    requests: excel.counters.requests.map((r) => r.bytes),
    responses: excel.counters.requests.map((r) => r.responseBytes),
  });
  return { api: excel.api(), view: excel, traffic };
}

function overLibrary(snapshot: WorkbookSnapshot, limit = requestLimitBytes): Opened {
  const server = new RichApiServer(WorkbookModel.fromSnapshot(snapshot));
  server.payloadLimitBytes = limit;
  const traffic = () => ({
    requests: server.requests.map((r) => r.bytes),
    responses: server.requests.map((r) => r.responseBytes),
  });
  return { api: serveExcel(server, '1.10').api, view: new FakeExcel(server.book, '1.10'), traffic };
}

async function validateAndClear(opened: Opened, budget?: PayloadBudget): Promise<{ fills: number; notes: number }> {
  const host = new ExcelHost(opened.api, budget === undefined ? {} : { budget });
  const before = opened.view.fills(pl2);
  const check = checkWorkbook(await host.readSnapshot());
  await host.applyPlan(annotationPlan(check.findings, 'vi'));
  const marked = {
    fills: Object.keys(opened.view.fills(pl2)).length,
    notes: Object.keys(opened.view.notes(pl2)).length,
  };
  await host.clear();
  expect(opened.view.fills(pl2)).toEqual(before);
  expect(opened.view.notes(pl2)).toEqual({});
  return marked;
}

async function phuLuc2(rows: number): Promise<WorkbookSnapshot> {
  return (await readWorkbookBuffer(await generatedPhuLuc2(rows), 'bench.xlsx')).snapshot;
}

describe('10,000 rows of Phụ lục 2 (13,000 findings)', () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    snapshot = await phuLuc2(10_000);
  }, 60_000);

  test.each([
    ['the fake Excel', overFake],
    ["Microsoft's client library", overLibrary],
  ] as const)(
    'through %s: Validate and Clear, every request and answer under 5 MB',
    async (_, open) => {
      const opened = open(snapshot);
      const marked = await validateAndClear(opened);
      expect(marked.fills).toBeGreaterThan(10_000);
      expect(marked.notes).toBeGreaterThan(10_000);
      const { requests, responses } = opened.traffic();
      expect(Math.max(...requests)).toBeLessThanOrEqual(requestLimitBytes);
      expect(Math.max(...responses)).toBeLessThanOrEqual(requestLimitBytes);
    },
    120_000,
  );
});

describe('a 40 KB limit on 1,000 rows: reads, fill reads, notes and the record all split', () => {
  const limit = 40_000;
  const budget: PayloadBudget = { request: 30_000, response: 30_000 };
  let snapshot: WorkbookSnapshot;
  let full: { fills: number; notes: number };
  beforeAll(async () => {
    snapshot = await phuLuc2(1000);
    full = await validateAndClear(overFake(snapshot));
  }, 60_000);

  test.each([
    ['the fake Excel', overFake],
    ["Microsoft's client library", overLibrary],
  ] as const)(
    'through %s: the same marks, in many requests, none over the limit',
    async (_, open) => {
      const opened = open(snapshot, limit);
      expect(await validateAndClear(opened, budget)).toEqual(full);
      const { requests, responses } = opened.traffic();
      expect(requests.length).toBeGreaterThan(20);
      expect([Math.max(...requests), Math.max(...responses)].every((bytes) => bytes <= limit)).toBe(true);
    },
    120_000,
  );

  test('without the split, the same limit refuses the first read', async () => {
    const opened = overFake(snapshot, limit);
    const error = await new ExcelHost(opened.api).readSnapshot().catch((e: unknown) => e);
    expect((error as { failure?: string }).failure).toBe('too-large');
  });
});

test('the fake Excel and the real library refuse an answer over 5 MB, as Excel on the web does', async () => {
  const big: WorkbookSnapshot = {
    sheets: [{ name: 'S', values: Array.from({ length: 60 }, () => ['x'.repeat(100_000)]) }],
  };
  for (const open of [overFake, overLibrary]) {
    const { api } = open(big);
    const error = await api
      .run({}, async (context) => {
        const range = context.workbook.worksheets.getItem('S').getRange('A1:A60').load('values');
        await context.sync();
        return range.values.length;
      })
      .catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('ResponsePayloadSizeLimitExceeded');
  }
});
