/// <reference types="office-js" />
/**
 * Excel on the web refuses a request over 5 MB. Writes are queued against a budget: when the next
 * call would pass it, what is queued is synced first. Calculation and screen updating stay
 * suspended for every part, since each sync ends the suspension.
 */
export const requestBudgetBytes = 4_000_000;

export class WriteBatch {
  private bytes = 0;
  private parts = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = requestBudgetBytes,
  ) {}

  /** Call before queueing a call of about `bytes`. */
  readonly spend = async (bytes: number): Promise<void> => {
    if (this.parts === 0) this.suspend();
    else if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
  };

  /** Syncs what is queued and suspends again for the next part. */
  private async flush(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
    this.suspend();
  }

  private suspend(): void {
    this.parts += 1;
    this.context.application.suspendApiCalculationUntilNextSync();
    this.context.application.suspendScreenUpdatingUntilNextSync();
  }

  async finish(): Promise<void> {
    if (this.parts > 0) await this.context.sync();
  }
}

/** Bytes a call carrying `payload` adds to a request, roughly: the payload and the call around it. */
export function callBytes(payload: unknown): number {
  return JSON.stringify(payload ?? null).length + 300;
}
