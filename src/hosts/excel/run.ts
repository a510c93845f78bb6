/// <reference types="office-js" />
import type { ExcelFeatures, OfficeApi } from './api';
import { errorCode, toHostError } from './errors';

export interface RunSettings {
  /** Attempts while the user is editing a cell (Excel refuses batches meanwhile). */
  readonly cellEditAttempts?: number;
  /** Milliseconds between those attempts. */
  readonly cellEditDelayMs?: number;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One Excel.run: Excel delays the batch while a cell is being edited where it can (1.11), else
 * the batch is retried a few times; a run's syncs are one undo step where Excel allows (1.20).
 * Every failure leaves as an ExcelHostError with a message a user can act on.
 */
export async function runBatch<T>(
  api: OfficeApi,
  features: ExcelFeatures,
  batch: (context: Excel.RequestContext) => Promise<T>,
  settings: RunSettings = {},
): Promise<T> {
  const options: Excel.RunOptions = {
    ...(features.delayForCellEdit ? { delayForCellEdit: true } : {}),
    ...(features.undoGroup ? { mergeUndoGroup: true } : {}),
  };
  const attempts = settings.cellEditAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.run(options, batch);
    } catch (error) {
      if (errorCode(error) !== 'InvalidOperationInCellEditMode' || attempt >= attempts) throw toHostError(error);
      await wait(settings.cellEditDelayMs ?? 1000);
    }
  }
}
