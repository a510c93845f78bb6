import type { OfficeApi } from '../../../src/hosts/excel/api';
import type { FakeCounters } from './client';
import { FakeContext, FakeOfficeError, requestLimitBytes } from './client';
import type { WorkbookModel } from './model';
import { FakeWorkbook } from './objects';
import type { ListSeparator } from './range';
import { parseRange } from './range';

export { WorkbookModel } from './model';
export { FakeOfficeError, jsonBytes, requestLimitBytes } from './client';
export { maxAreas, maxAreasAddress } from './objects';

/** What `Excel.run` hands the batch: the workbook, the application, and `sync`. */
export interface FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };
  sync(): Promise<void>;
}

function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

/**
 * A fake Excel over an in-memory workbook, faithful where it matters to a host: batching, loading,
 * limits. `apiVersion` is the highest ExcelApi set it claims to support.
 */
export class FakeExcel {
  readonly counters: FakeCounters = { syncs: 0, operations: 0, requests: [] };
  readonly runOptions: unknown[] = [];
  /** The next this-many syncs fail as if the user were editing a cell. */
  cellEditFailures = 0;
  /** The list separator of the regional settings, which getRanges reads (";" in Vietnamese Windows). */
  listSeparator: ListSeparator = ',';
  /** The most a request or a response may carry (5 MB in Excel on the web); lower to test splitting. */
  payloadLimitBytes = requestLimitBytes;

  constructor(
    readonly book: WorkbookModel,
    public apiVersion = '1.18',
  ) {}

  isSetSupported(name: string, version: string): boolean {
    return name === 'ExcelApi' && compareVersions(version, this.apiVersion) <= 0;
  }

  async run<T>(options: unknown, batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    this.runOptions.push(options);
    const context = new FakeContext(
      this.book,
      this.counters,
      () => {
        if (this.cellEditFailures > 0) {
          this.cellEditFailures -= 1;
          throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
        }
      },
      this.listSeparator,
      this.payloadLimitBytes,
    );
    const request: FakeRequestContext = {
      workbook: new FakeWorkbook(context, this.book),
      application: {
        suspendApiCalculationUntilNextSync: () => context.suspend('calc'),
        suspendScreenUpdatingUntilNextSync: () => context.suspend('screen'),
      },
      sync: () => context.sync(),
    };
    return batch(request);
  }

  /** The fake as the host's door to Office.js. */
  api(): OfficeApi {
    return {
      run: (options, batch) => this.run(options, batch as unknown as (c: FakeRequestContext) => Promise<never>),
      isSetSupported: (name, version) => this.isSetSupported(name, version),
    };
  }

  resetCounters(): void {
    this.counters.syncs = 0;
    this.counters.operations = 0;
    this.counters.requests.length = 0;
  }

  /** ARGB of a cell's solid fill ("FFFFC7CE"), a pattern name, or undefined without fill. */
  fill(sheet: string, cell: string): string | undefined {
    const { top, left } = parseRange(cell);
    const fill = this.book.sheet(sheet)?.cell(top, left)?.fill;
    if (fill === undefined) return undefined;
    return fill.pattern === 'Solid' ? `FF${fill.color.slice(1)}` : `${fill.pattern}:${fill.color}`;
  }

  /** Every filled cell of a sheet → its fill, as `fill` gives it. */
  fills(sheet: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of this.book.sheet(sheet)?.cells.keys() ?? []) {
      const fill = this.fill(sheet, key);
      if (fill !== undefined) out[key] = fill;
    }
    return out;
  }

  /** Notes of a sheet by cell, or threaded comments (content and replies joined) when there are. */
  notes(sheet: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [cell, note] of this.book.sheet(sheet)?.notes ?? []) out[cell] = note.content;
    for (const c of this.book.comments.filter((x) => x.sheet === sheet)) {
      out[c.cell] = [c.content, ...c.replies.map((r) => r.content)].join('\n\n');
    }
    return out;
  }

  /** Every cell value of a sheet (formulas as "=…"), to prove that Validate changes none. */
  values(sheet: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, cell] of this.book.sheet(sheet)?.cells ?? []) {
      if (cell.value !== null || cell.formula !== undefined) out[key] = cell.formula ?? cell.value;
    }
    return out;
  }
}
