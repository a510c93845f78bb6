import type { Lang, Severity } from '../core/report/finding';
import type { ComputeSummary, PaneActions, PaneFile, PaneFinding, PaneInForce, PaneReport } from '../taskpane/actions';
import { PaneRefusal } from '../taskpane/refusal';
import { Cancelled, WorkerClient } from './client';
import type { Bilingual, MergeOutcome, SheetPreview, WebFile, WebSetup } from './protocol';

/** One file the user chose, its working copy and what the last command made of it. */
export interface SessionFile {
  readonly name: string;
  /** The bytes as chosen; Revert goes back to them. */
  readonly original: ArrayBuffer;
  /** The working copy: Compute, Clear and accepted suggestions change it. */
  readonly current: ArrayBuffer;
  /** Cells Compute and accepted suggestions wrote since the file was chosen or reverted. */
  readonly written: number;
  readonly status: 'waiting' | 'working' | 'done' | 'failed' | 'cancelled';
  /** 0 to 1, the share of the current command done on this file. */
  readonly progress: number;
  readonly error?: Bilingual;
  readonly findings?: readonly PaneFinding[];
  readonly annotated?: ArrayBuffer;
  readonly preview?: readonly SheetPreview[];
}

export interface Selection {
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
}

/** What the page shows; a new object whenever something changes. */
export interface SessionState {
  readonly files: readonly SessionFile[];
  readonly selection?: Selection;
  readonly merged?: MergeOutcome;
  readonly setup: WebSetup;
}

const bytesOfBase64 = (base64: string): ArrayBuffer => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;

/** A refusal of the pane's "add the unit list sheet": the page holds no workbook to add it to. */
const noWorkbook = new PaneRefusal(
  'Trang web không có sổ tính đang mở để thêm trang; hãy nạp danh mục đơn vị từ tệp.',
  'The web page has no open workbook to add a sheet to; load a unit list from a file instead.',
);

/**
 * The pane's actions over files: the "open workbook" is the set of files chosen in the page, each
 * with a working copy. Every command runs in the worker; the state the page draws is kept here.
 */
export class WebSession implements PaneActions {
  private state: SessionState = { files: [], setup: {} };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly worker: WorkerClient) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): SessionState => this.state;

  private set(next: Partial<SessionState>): void {
    this.state = { ...this.state, ...next };
    for (const listener of this.listeners) listener();
  }

  private update(name: string, change: Partial<SessionFile>): void {
    this.set({ files: this.state.files.map((f) => (f.name === name ? { ...f, ...change } : f)) });
  }

  private file(name: string): SessionFile {
    const file = this.state.files.find((f) => f.name === name);
    if (!file) throw new RangeError(`No file named "${name}"`);
    return file;
  }

  /** Adds files (a file of the same name replaces the earlier one, as saving over it would). */
  addFiles(files: readonly WebFile[]): void {
    const names = new Set(files.map((f) => f.name));
    const added = files.map((f): SessionFile => ({
      name: f.name,
      original: f.bytes,
      current: f.bytes,
      written: 0,
      status: 'waiting',
      progress: 0,
    }));
    this.set({ files: [...this.state.files.filter((f) => !names.has(f.name)), ...added], merged: undefined });
  }

  removeAll(): void {
    this.set({ files: [], selection: undefined, merged: undefined });
  }

  cancel(): void {
    this.worker.cancel();
  }

  /** Runs `work` on each file in turn; a file that fails is marked and the others go on. */
  private async eachFile(work: (file: SessionFile) => Promise<Partial<SessionFile>>): Promise<void> {
    const names = this.state.files.map((f) => f.name);
    for (const name of names) this.update(name, { status: 'waiting', progress: 0, error: undefined });
    for (const [i, name] of names.entries()) {
      this.update(name, { status: 'working' });
      try {
        this.update(name, { ...(await work(this.file(name))), status: 'done', progress: 1 });
      } catch (error) {
        if (error instanceof Cancelled) {
          for (const rest of names.slice(i)) this.update(rest, { status: 'cancelled', progress: 0 });
          throw error;
        }
        const { vi, en } = error as Partial<Bilingual>;
        const message = error instanceof Error ? error.message : String(error);
        this.update(name, { status: 'failed', error: { vi: vi ?? message, en: en ?? message }, findings: [] });
      }
    }
  }

  async validate(lang: Lang): Promise<PaneReport> {
    const setup = this.state.setup;
    let inForce: PaneInForce | undefined;
    await this.eachFile(async (file) => {
      const outcome = await this.worker.run(
        { kind: 'validate', file: { name: file.name, bytes: file.current }, setup, lang },
        (p) => this.update(file.name, { progress: p.done / p.total }),
      );
      inForce ??= outcome.report.inForce;
      return {
        findings: outcome.report.findings,
        annotated: outcome.annotated,
        preview: outcome.preview,
      };
    });
    const findings = this.state.files.flatMap((f) => f.findings ?? []);
    const summary: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) summary[f.severity] += 1;
    return { findings, summary, ...(inForce ? { inForce } : {}) };
  }

  async compute({ overwrite, lang }: { overwrite: boolean; lang: Lang }): Promise<ComputeSummary> {
    const setup = this.state.setup;
    let written = 0;
    let keptMismatches = 0;
    await this.eachFile(async (file) => {
      const outcome = await this.worker.run({
        kind: 'compute',
        file: { name: file.name, bytes: file.current },
        setup,
        overwrite,
        lang,
      });
      written += outcome.written ?? 0;
      keptMismatches += outcome.keptMismatches ?? 0;
      return { current: outcome.bytes, written: file.written + (outcome.written ?? 0) };
    });
    return { written, keptMismatches };
  }

  async clear(): Promise<void> {
    await this.eachFile(async (file) => {
      const outcome = await this.worker.run({ kind: 'clear', file: { name: file.name, bytes: file.current } });
      return { current: outcome.bytes, findings: undefined, annotated: undefined };
    });
  }

  revert(): Promise<number> {
    const restored = this.state.files.reduce((n, f) => n + f.written, 0);
    this.set({ files: this.state.files.map((f) => ({ ...f, current: f.original, written: 0 })) });
    return Promise.resolve(restored);
  }

  /** The pane's "select the cell": here, the preview of the file that holds that sheet shows it. */
  selectCell(sheet: string, cell: string): Promise<void> {
    const file = this.state.files.find((f) => f.preview?.some((s) => s.name === sheet));
    if (file) this.select({ file: file.name, sheet, cell });
    return Promise.resolve();
  }

  select(selection: Selection): void {
    this.set({ selection });
  }

  async acceptSuggestion(finding: PaneFinding): Promise<void> {
    const suggestion = finding.suggestion;
    if (suggestion === undefined) return;
    const file = this.fileOf(finding);
    const outcome = await this.worker.run({
      kind: 'write',
      file: { name: file.name, bytes: file.current },
      sheet: finding.sheet,
      cell: suggestion.cell,
      value: suggestion.value,
    });
    this.update(file.name, { current: outcome.bytes, written: file.written + 1 });
  }

  /** The file a finding of a Validate belongs to. */
  private fileOf(finding: PaneFinding): SessionFile {
    return this.file(finding.file ?? this.state.files[0]?.name ?? '');
  }

  /**
   * Writes the reviewer's confirmation into the note of the finding's cell in the working copy,
   * with the value the cell holds now; the rest of the file stays as it was. The pane validates again.
   */
  async confirm(finding: PaneFinding, reason: string, lang: Lang): Promise<void> {
    const file = this.fileOf(finding);
    const outcome = await this.worker.run({
      kind: 'confirm',
      file: { name: file.name, bytes: file.current },
      finding: { sheet: finding.sheet, cell: finding.cell, rule: finding.rule },
      reason,
      lang,
    });
    this.update(file.name, { current: outcome.bytes });
  }

  /** Removes the confirmations of the finding's rule from its cell's note in the working copy. */
  async unconfirm(finding: PaneFinding): Promise<void> {
    const file = this.fileOf(finding);
    const outcome = await this.worker.run({
      kind: 'unconfirm',
      file: { name: file.name, bytes: file.current },
      finding: { sheet: finding.sheet, cell: finding.cell, rule: finding.rule },
    });
    this.update(file.name, { current: outcome.bytes });
  }

  /** Merges the files chosen in the page: each is one unit's workbook. */
  mergeSheets(lang: Lang): Promise<PaneReport> {
    return this.merge(
      this.state.files.map((f) => ({ name: f.name, bytes: f.current })),
      lang,
    );
  }

  mergeFiles(files: readonly PaneFile[], lang: Lang): Promise<PaneReport> {
    return this.merge(
      files.map((f) => ({ name: f.name, bytes: bytesOfBase64(f.base64) })),
      lang,
    );
  }

  private async merge(files: readonly WebFile[], lang: Lang): Promise<PaneReport> {
    for (const f of this.state.files) this.update(f.name, { status: 'waiting', progress: 0, error: undefined });
    this.set({ merged: undefined });
    try {
      const merged = await this.worker.run({ kind: 'merge', files, setup: this.state.setup, lang }, (p) => {
        if (p.file !== undefined && this.state.files.some((f) => f.name === p.file)) {
          const done = p.done > files.findIndex((f) => f.name === p.file);
          this.update(p.file, { status: done ? 'done' : 'working', progress: done ? 1 : 0.5 });
        }
      });
      this.set({ merged });
      return merged.report;
    } catch (error) {
      if (error instanceof Cancelled) {
        for (const f of this.state.files)
          if (f.status !== 'done') this.update(f.name, { status: 'cancelled', progress: 0 });
      }
      throw error;
    }
  }

  inForce(lang: Lang): Promise<PaneInForce> {
    return this.worker.run({ kind: 'inForce', setup: this.state.setup, lang });
  }

  definitionText(file: PaneFile): Promise<string> {
    return this.worker.run({ kind: 'definitionText', file: { name: file.name, bytes: bytesOfBase64(file.base64) } });
  }

  /** Keeps the definition for every later command, as `--definition` would; a broken one is refused first. */
  async storeDefinition(json: string, lang: Lang, source = 'definition.json'): Promise<PaneInForce> {
    const setup: WebSetup = { ...this.state.setup, definition: { name: source, text: json } };
    const inForce = await this.worker.run({ kind: 'inForce', setup, lang });
    this.set({ setup });
    return inForce;
  }

  /** Keeps a unit list for every later command, as `--registry` would; a broken one is refused first. */
  async storeRegistry(file: WebFile, lang: Lang): Promise<PaneInForce> {
    const setup: WebSetup = { ...this.state.setup, registry: file };
    const inForce = await this.worker.run({ kind: 'inForce', setup, lang });
    this.set({ setup });
    return inForce;
  }

  createRegistrySheet(): Promise<PaneInForce> {
    return Promise.reject(noWorkbook);
  }

  template(lang: Lang): Promise<ArrayBuffer> {
    return this.worker.run({ kind: 'template', setup: this.state.setup, lang });
  }
}
