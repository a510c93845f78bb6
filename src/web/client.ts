import type { Bilingual, FromWorker, Job, JobResults, Progress, ToWorker } from './protocol';

/** A job the user cancelled, or that a cancel ended along with the others. */
export class Cancelled extends Error {
  override readonly name = 'Cancelled';
  readonly vi = 'Đã hủy.';
  readonly en = 'Cancelled.';

  constructor() {
    super('Đã hủy. / Cancelled.');
  }
}

/** A failure the worker reported, in both languages. */
export class JobFailed extends Error {
  override readonly name: string;
  readonly vi: string;
  readonly en: string;

  constructor(error: Bilingual, name = 'Error') {
    super(error.vi === error.en ? error.vi : `${error.vi} / ${error.en}`);
    this.name = name;
    this.vi = error.vi;
    this.en = error.en;
  }
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  progress?: (p: Progress) => void;
}

/**
 * The page's side of the worker: one job at a time or several, each a promise with its progress.
 * Cancelling ends the worker (ExcelJS cannot be interrupted part-way) and starts a fresh one.
 */
export class WorkerClient {
  private worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly start: () => Worker) {
    this.worker = this.connect();
  }

  run<K extends Job['kind']>(job: Extract<Job, { kind: K }>, progress?: (p: Progress) => void): Promise<JobResults[K]> {
    const id = this.next++;
    return new Promise<JobResults[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject, ...(progress ? { progress } : {}) });
      const message: ToWorker = { id, job };
      // Not transferred: the worker gets a copy of the bytes and the page keeps its own.
      this.worker.postMessage(message);
    });
  }

  /** Ends every running job: each rejects with Cancelled. */
  cancel(): void {
    this.worker.terminate();
    const cancelled = [...this.pending.values()];
    this.pending.clear();
    for (const p of cancelled) p.reject(new Cancelled());
    this.worker = this.connect();
  }

  private connect(): Worker {
    const worker = this.start();
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      const pending = this.pending.get(message.id);
      if (!pending) return;
      if (message.type === 'progress') {
        pending.progress?.(message.progress);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'done') pending.resolve(message.result);
      else pending.reject(new JobFailed(message.error, message.name));
    };
    return worker;
  }
}
