/// <reference lib="webworker" />
import type { Bilingual, FromWorker, Job, Progress, ToWorker } from './protocol';
import {
  clearFile,
  computeFile,
  confirmFinding,
  definitionText,
  inForceOf,
  mergeFiles,
  templateFile,
  unconfirmFinding,
  validateFile,
  writeValue,
} from './jobs';

/**
 * The page's worker: reads, checks and writes workbooks away from the page, so that it never
 * freezes; reports progress as it goes. Cancelling is the page's: it ends this worker.
 */

declare const self: DedicatedWorkerGlobalScope;

function run(job: Job, progress: (p: Progress) => void): Promise<unknown> {
  switch (job.kind) {
    case 'validate':
      return validateFile(job.file, job.setup, job.lang, progress);
    case 'compute':
      return computeFile(job.file, job.setup, job.overwrite);
    case 'clear':
      return clearFile(job.file);
    case 'write':
      return writeValue(job.file, job.sheet, job.cell, job.value);
    case 'confirm':
      return confirmFinding(job.file, job.finding, job.reason, job.lang);
    case 'unconfirm':
      return unconfirmFinding(job.file, job.finding);
    case 'merge':
      return mergeFiles(job.files, job.setup, job.lang, progress);
    case 'template':
      return templateFile(job.setup, job.lang);
    case 'inForce':
      return inForceOf(job.setup, job.lang);
    case 'definitionText':
      return definitionText(job.file);
  }
}

/** A failure in both languages: the readers' errors carry both, the others' message holds both. */
function bilingual(error: unknown): Bilingual {
  const message = error instanceof Error ? error.message : String(error);
  if (typeof error === 'object' && error !== null) {
    const { vi, en } = error as Partial<Record<'vi' | 'en', unknown>>;
    if (typeof vi === 'string' && typeof en === 'string' && error instanceof Error && error.name !== 'RegistryError') {
      return { vi, en };
    }
  }
  return { vi: message, en: message };
}

/** The ArrayBuffers of a result, moved to the page rather than copied. */
function transferables(result: unknown): ArrayBuffer[] {
  if (result instanceof ArrayBuffer) return [result];
  if (typeof result !== 'object' || result === null) return [];
  return Object.values(result).filter((v): v is ArrayBuffer => v instanceof ArrayBuffer);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const { id, job } = event.data;
  const post = (message: FromWorker, transfer: Transferable[] = []): void => self.postMessage(message, transfer);
  run(job, (progress) => post({ id, type: 'progress', progress })).then(
    (result) => post({ id, type: 'done', result }, transferables(result)),
    (error: unknown) =>
      post({ id, type: 'failed', error: bilingual(error), ...(error instanceof Error ? { name: error.name } : {}) }),
  );
};
