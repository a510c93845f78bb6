import type { Lang } from '../core/report/finding';
import type { FindingCell } from '../hosts/xlsx/commands';
import type { PaneInForce, PaneReport } from '../taskpane/actions';

/**
 * What the page and its worker say to each other. Everything is plain data; file bytes travel
 * as ArrayBuffers (copied in, transferred out).
 */

/** A file the user chose or dropped: its name and its bytes. */
export interface WebFile {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

/** What the user loaded instead of the built-in report and list (the command line's --definition, --registry). */
export interface WebSetup {
  readonly definition?: { readonly name: string; readonly text: string };
  readonly registry?: WebFile;
}

/** A message in both languages; the page shows the reader's. */
export type Bilingual = Readonly<Record<Lang, string>>;

/** A sheet as the preview shows it: its cells as text. */
export interface SheetPreview {
  readonly name: string;
  readonly rows: readonly (readonly string[])[];
}

export interface ValidateOutcome {
  readonly report: PaneReport;
  /** The annotated copy, as `soat validate --out` writes it. */
  readonly annotated: ArrayBuffer;
  readonly preview: readonly SheetPreview[];
}

export interface ChangeOutcome {
  /** The changed copy (computed, cleared, a suggestion written, a finding confirmed): every other part is the input's. */
  readonly bytes: ArrayBuffer;
  readonly written?: number;
  readonly keptMismatches?: number;
}

export interface MergeOutcome {
  readonly report: PaneReport;
  /** The consolidated workbook, as `soat merge --out` writes it. */
  readonly bytes: ArrayBuffer;
  readonly received: number;
  readonly skipped: number;
}

export type Job =
  | { readonly kind: 'validate'; readonly file: WebFile; readonly setup: WebSetup; readonly lang: Lang }
  | {
      readonly kind: 'compute';
      readonly file: WebFile;
      readonly setup: WebSetup;
      readonly overwrite: boolean;
      readonly lang: Lang;
    }
  | { readonly kind: 'clear'; readonly file: WebFile }
  | {
      readonly kind: 'write';
      readonly file: WebFile;
      readonly sheet: string;
      readonly cell: string;
      readonly value: number | string | null;
    }
  | {
      readonly kind: 'confirm';
      readonly file: WebFile;
      readonly finding: FindingCell;
      readonly reason: string;
      readonly lang: Lang;
    }
  | { readonly kind: 'unconfirm'; readonly file: WebFile; readonly finding: FindingCell }
  | { readonly kind: 'merge'; readonly files: readonly WebFile[]; readonly setup: WebSetup; readonly lang: Lang }
  | { readonly kind: 'template'; readonly setup: WebSetup; readonly lang: Lang }
  | { readonly kind: 'inForce'; readonly setup: WebSetup; readonly lang: Lang }
  | { readonly kind: 'definitionText'; readonly file: WebFile };

/** What each job resolves to. */
export interface JobResults {
  validate: ValidateOutcome;
  compute: ChangeOutcome;
  clear: ChangeOutcome;
  write: ChangeOutcome;
  confirm: ChangeOutcome;
  unconfirm: ChangeOutcome;
  merge: MergeOutcome;
  template: ArrayBuffer;
  inForce: PaneInForce;
  definitionText: string;
}

/** How far a job is: for a merge, one step per file read; for one file, its stages. */
export interface Progress {
  readonly file?: string;
  readonly done: number;
  readonly total: number;
}

export type ToWorker = { readonly id: number; readonly job: Job };

export type FromWorker =
  | { readonly id: number; readonly type: 'progress'; readonly progress: Progress }
  | { readonly id: number; readonly type: 'done'; readonly result: unknown }
  | { readonly id: number; readonly type: 'failed'; readonly error: Bilingual; readonly name?: string };
