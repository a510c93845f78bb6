/// <reference types="office-js" />
/**
 * Excel on the web refuses a request or a response over 5 MB. Writes are queued against a request
 * budget: when the next call would pass it, what is queued is synced first. Calculation and screen
 * updating stay suspended for every part, since each sync ends the suspension.
 */
export interface PayloadBudget {
  /** Bytes a request may carry, as Microsoft's library serialises it. */
  readonly request: number;
  /** Bytes an answer may carry: the values a sync loads. */
  readonly response: number;
}

/** 5 MB less a margin for what the estimates below miss. */
export const payloadBudget: PayloadBudget = { request: 4_000_000, response: 4_000_000 };

/**
 * What Microsoft's library sends around one call besides its arguments: the action and the object
 * paths of the worksheet, range, format… it goes through. Measured with excel-web-16.00.debug.js:
 * 600 to 900 bytes per call (a value, a fill, a comment, getCellProperties).
 */
export const callOverheadBytes = 1000;

export class WriteBatch {
  private bytes = 0;
  private parts = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = payloadBudget.request,
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

/** Bytes of `text` in UTF-8, as it travels: "ụ" is three bytes, not one character. */
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

/** Bytes a call carrying `payload` adds to a request: its arguments as JSON and the call around them. */
export function callBytes(payload: unknown): number {
  return utf8Bytes(JSON.stringify(payload ?? null) ?? 'null') + callOverheadBytes;
}

/**
 * Reads queued against both budgets: the calls' size in the request and what their answers will
 * carry. When the next read would pass either, what is queued is synced first.
 */
export class ReadBatch {
  private request = 0;
  private response = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = payloadBudget,
  ) {}

  readonly spend = async (request: number, response: number): Promise<void> => {
    const queued = this.request > 0 || this.response > 0;
    if (queued && (this.request + request > this.budget.request || this.response + response > this.budget.response)) {
      await this.context.sync();
      this.request = 0;
      this.response = 0;
    }
    this.request += request;
    this.response += response;
  };

  async finish(): Promise<void> {
    if (this.request > 0 || this.response > 0) await this.context.sync();
  }
}
