import type { WorkbookModel } from './model';
import type { ListSeparator } from './range';

/**
 * The batching semantics of Office.js that bite: properties throw until loaded and synced, every
 * call is queued and runs only at `sync`, a request or a response over 5 MB is refused (as Excel
 * on the web does), and a failing operation fails the sync (what ran before it stays done).
 */

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const requestLimitBytes = 5 * 1024 * 1024;

/** Bytes of `text` in UTF-8, as it travels: "ụ" is three, not one. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a value as JSON in UTF-8. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value ?? null) ?? 'null');
}

/**
 * What Microsoft's library adds around each queued operation: its action and object path, with
 * ids and names (measured with excel-web-16.00.debug.js: 600 to 900 bytes per host call, which
 * the fake queues as two to four operations).
 */
export const operationOverheadBytes = 220;

interface Operation {
  readonly kind: 'load' | 'call' | 'set';
  readonly bytes: number;
  readonly write: boolean;
  readonly run: () => void;
}

export interface SyncRecord {
  readonly operations: number;
  readonly bytes: number;
  /** What the answer carries: the loaded values. */
  readonly responseBytes: number;
  readonly writes: number;
  /** Both calculation and screen updating were suspended in this request. */
  readonly suspended: boolean;
}

export interface FakeCounters {
  syncs: number;
  operations: number;
  readonly requests: SyncRecord[];
}

export class FakeContext {
  private queue: Operation[] = [];
  private responseBytes = 0;
  private suspendedCalc = false;
  private suspendedScreen = false;

  constructor(
    readonly book: WorkbookModel,
    readonly counters: FakeCounters,
    readonly beforeSync: () => void,
    /** What getRanges splits an address by: the regional settings' list separator. */
    readonly listSeparator: ListSeparator = ',',
    /** The most a request or a response may carry: 5 MB in Excel on the web. */
    readonly payloadLimitBytes = requestLimitBytes,
  ) {}

  enqueue(kind: Operation['kind'], payload: unknown, run: () => void, write = kind === 'set'): void {
    const bytes = operationOverheadBytes + jsonBytes(payload);
    this.queue.push({ kind, bytes, write, run });
    this.counters.operations += 1;
  }

  /** Called by a load as it runs: what its answer adds to the response. */
  respond(value: unknown): void {
    this.responseBytes += jsonBytes(value);
  }

  suspend(what: 'calc' | 'screen'): void {
    this.enqueue('call', what, () => {
      if (what === 'calc') this.suspendedCalc = true;
      else this.suspendedScreen = true;
    });
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.counters.syncs += 1;
    await Promise.resolve();
    const bytes = queue.reduce((sum, op) => sum + op.bytes, 0);
    const writes = queue.filter((op) => op.write).length;
    this.counters.requests.push({
      operations: queue.length,
      bytes,
      responseBytes: 0,
      writes,
      suspended: this.suspendedCalc && this.suspendedScreen,
    });
    if (bytes > this.payloadLimitBytes) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload (${bytes} bytes) exceeds 5 MB.`,
      );
    }
    this.beforeSync();
    this.suspendedCalc = false;
    this.suspendedScreen = false;
    this.responseBytes = 0;
    let failure: unknown;
    try {
      for (const op of queue) op.run();
    } catch (error) {
      failure = error;
    }
    const last = this.counters.requests.length - 1;
    const record = this.counters.requests[last]!;
    const responseBytes = this.responseBytes;
    this.counters.requests[last] = {
      ...record,
      responseBytes,
      suspended: this.suspendedCalc && this.suspendedScreen,
    };
    this.suspendedCalc = false;
    this.suspendedScreen = false;
    if (failure !== undefined) throw failure;
    if (responseBytes > this.payloadLimitBytes) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload (${responseBytes} bytes) exceeds 5 MB.`,
      );
    }
  }
}

export function notLoaded(property: string): Error {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Property paths of a load call: "a,b/c" or ["a", "b/c"] or { select: "a,b" }. */
export function loadPaths(option: unknown): string[][] {
  let text: string[] = [];
  if (typeof option === 'string') text = option.split(',');
  else if (Array.isArray(option)) text = option.map(String);
  else if (
    typeof option === 'object' &&
    option !== null &&
    typeof (option as { select?: unknown }).select === 'string'
  ) {
    text = (option as { select: string }).select.split(',');
  }
  return text
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => p.split('/'));
}

/**
 * A proxy: `resolve` finds its model object when the queue runs (null for a null object; it
 * throws ItemNotFound for a missing item), properties are readable only once loaded.
 */
export abstract class FakeObject<M> {
  private readonly loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;

  constructor(
    readonly context: FakeContext,
    readonly resolve: () => M | null,
  ) {}

  /** Scalar properties this object can load. */
  protected abstract scalars(model: M): Record<string, () => unknown>;
  /** Navigation properties (child objects) by name. */
  protected child(name: string): FakeObject<unknown> | undefined {
    void name; // plain objects have none; subclasses name theirs
    return undefined;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw notLoaded('isNullObject');
    return this.nullObject;
  }

  load(option?: unknown): this {
    const paths = loadPaths(option);
    this.context.enqueue('load', option, () => {
      this.populate(paths);
      this.context.respond(this.toJSON());
    });
    return this;
  }

  /** Runs at sync: copies the requested properties from the model. */
  populate(paths: string[][]): void {
    const model = this.resolve();
    this.nullObject = model === null;
    if (model === null) return;
    const scalars = this.scalars(model);
    const wanted = paths.length === 0 ? Object.keys(scalars).map((k) => [k]) : paths;
    const nested = new Map<string, string[][]>();
    for (const [head, ...rest] of wanted) {
      if (head === undefined) continue;
      const scalar = scalars[head];
      if (scalar !== undefined && rest.length === 0) this.loaded.set(head, scalar());
      else nested.set(head, [...(nested.get(head) ?? []), ...(rest.length > 0 ? [rest] : [])]);
    }
    for (const [head, rests] of nested) {
      const child = this.child(head);
      if (child === undefined) throw new FakeOfficeError('PropertyNotFound', `No property '${head}' to load`);
      child.populate(rests);
    }
  }

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** A queued property write. */
  protected set(name: string, value: unknown, apply: (model: M) => void): void {
    this.context.enqueue('set', { [name]: value }, () => apply(this.must()));
  }

  /** A queued method call. */
  protected call(name: string, args: unknown, apply: (model: M) => void, write = true): void {
    this.context.enqueue('call', { [name]: args }, () => apply(this.must()), write);
  }

  protected must(): M {
    const model = this.resolve();
    if (model === null) throw new FakeOfficeError('InvalidObjectPath', 'The object is a null object.');
    return model;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}
