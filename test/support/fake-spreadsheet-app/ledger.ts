/** Every service call the fake answers, in order: which sheet (or the spreadsheet) and which method. */
export interface ServiceCall {
  readonly target: string;
  readonly method: string;
}

export class CallLedger {
  readonly calls: ServiceCall[] = [];

  record(target: string, method: string): void {
    this.calls.push({ target, method });
  }

  reset(): void {
    this.calls.length = 0;
  }

  /** Calls on one sheet (its ranges included), optionally only these methods. */
  count(target: string, methods?: readonly string[]): number {
    return this.calls.filter((c) => c.target === target && (methods === undefined || methods.includes(c.method)))
      .length;
  }

  methods(target: string): string[] {
    return this.calls.filter((c) => c.target === target).map((c) => c.method);
  }
}

/** Sheets' read batch and write batch methods, as the host's budget counts them. */
export const readMethods = [
  'getValues',
  'getDisplayValues',
  'getFormulas',
  'getNumberFormats',
  'getNotes',
  'getBackgrounds',
];
export const writeMethods = [
  'setValues',
  'setNumberFormats',
  'setNumberFormat',
  'setNotes',
  'setBackgrounds',
  'setBackground',
  'setFontWeights',
  'setWraps',
  'setFontStyles',
  'setHorizontalAlignments',
  'setBorder',
  'clear',
];
