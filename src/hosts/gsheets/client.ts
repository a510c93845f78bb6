import type { Lang } from '../../core/report/finding';
import type {
  ComputeSummary,
  PaneActions,
  PaneFile,
  PaneFinding,
  PaneInForce,
  PaneReport,
} from '../../taskpane/actions';
import type { ServerFunctions } from './server';
import type { UploadPayload } from './transfer';
import { chunkChars, encodePayload, splitText } from './transfer';

/**
 * The sidebar's side of the seam: google.script.run, promisified and typed by the server
 * functions themselves, so a renamed or re-typed server function fails to compile here.
 */

/** The shape of google.script.run that the client uses. */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [functionName: string]: unknown;
}

export type ServerClient = {
  readonly [K in keyof ServerFunctions]: (
    ...args: Parameters<ServerFunctions[K]>
  ) => Promise<ReturnType<ServerFunctions[K]>>;
};

export function serverClient(run: () => ScriptRun): ServerClient {
  return new Proxy({} as ServerClient, {
    get:
      (_, name: string) =>
      (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          const runner = run().withSuccessHandler(resolve).withFailureHandler(reject);
          const call = runner[name];
          if (typeof call !== 'function') throw new TypeError(`No server function ${name}`);
          (call as (...a: unknown[]) => void).apply(runner, args);
        }),
  });
}

/** Reads chosen .xlsx files into snapshots in the browser; the xlsx host's reader is injected. */
export type FileReader = (files: readonly PaneFile[]) => Promise<UploadPayload>;

/** Reads the definition a chosen .json or template .xlsx holds, in the browser. */
export type DefinitionFileReader = (file: PaneFile) => Promise<string>;

let uploads = 0;

export class GsheetsPaneActions implements PaneActions {
  constructor(
    private readonly server: ServerClient,
    private readonly readFiles: FileReader,
    private readonly readDefinitionFile?: DefinitionFileReader,
  ) {}

  validate(lang: Lang): Promise<PaneReport> {
    return this.server.validate(lang);
  }
  compute(options: { overwrite: boolean; lang: Lang }): Promise<ComputeSummary> {
    return this.server.compute(options);
  }
  clear(): Promise<void> {
    return this.server.clear();
  }
  revert(): Promise<number> {
    return this.server.revert();
  }
  selectCell(sheet: string, cell: string): Promise<void> {
    return this.server.selectCell(sheet, cell);
  }
  acceptSuggestion(finding: PaneFinding): Promise<void> {
    return this.server.acceptSuggestion(finding);
  }
  confirm(finding: PaneFinding, reason: string, lang: Lang): Promise<void> {
    return this.server.confirm(finding, reason, lang);
  }
  unconfirm(finding: PaneFinding): Promise<void> {
    return this.server.unconfirm(finding);
  }
  mergeSheets(lang: Lang): Promise<PaneReport> {
    return this.server.mergeSheets(lang);
  }
  inForce(lang: Lang): Promise<PaneInForce> {
    return this.server.inForce(lang);
  }
  definitionText(file: PaneFile): Promise<string> {
    const read = this.readDefinitionFile;
    if (read === undefined) return Promise.reject(new Error('Reading definition files is not available here.'));
    return read(file);
  }
  storeDefinition(json: string, lang: Lang, source?: string): Promise<PaneInForce> {
    return this.server.storeDefinition(json, lang, source);
  }
  createRegistrySheet(lang: Lang): Promise<PaneInForce> {
    return this.server.createRegistrySheet(lang);
  }

  /** Files are parsed here, then sent in chunks the server reassembles before merging. */
  async mergeFiles(files: readonly PaneFile[], lang: Lang): Promise<PaneReport> {
    const text = encodePayload(await this.readFiles(files));
    const upload = `${Date.now().toString(36)}-${(uploads += 1)}`;
    const chunks = splitText(text, chunkChars);
    for (const [index, chunk] of chunks.entries()) await this.server.uploadChunk(upload, index, chunk);
    return this.server.mergeUpload(upload, lang);
  }
}
