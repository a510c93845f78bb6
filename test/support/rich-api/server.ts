import type { OfficeApi } from '../../../src/hosts/excel/api';
import { excelLibraryHas } from '../../../src/hosts/excel/api';
import type { WorkbookModel } from '../fake-excel/model';
import type { ListSeparator } from '../fake-excel/range';
import type { ExcelLibrary, RichApiRequest, RichApiResponse } from './library';
import { excelLibrary } from './library';
import type { Node } from './nodes';
import { RichApiError, invoke, navigate, property, query, setProperty } from './nodes';

/**
 * Answers the requests of Microsoft's Excel client library from an in-memory workbook, as Excel's
 * Rich API service would: each `context.sync()` posts one ProcessQuery body of object paths and
 * actions; the answer holds one result per action, or the error of the first that failed (the
 * actions before it stay done, as in Excel).
 */

/** The wire's enums (OfficeExtension's ObjectPathType and ActionType). */
const PathType = { global: 1, method: 3, property: 4, indexer: 5, nullObject: 7 } as const;
const ActionType = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5 } as const;

interface PathInfo {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: {
    readonly Arguments?: readonly unknown[];
    readonly ReferencedObjectPathIds?: readonly (number | null)[];
  };
}

interface ActionInfo {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: PathInfo['ArgumentInfo'];
  readonly QueryInfo?: { readonly Select?: readonly string[]; readonly Top?: number; readonly Skip?: number };
}

interface RequestBody {
  readonly Actions: readonly ActionInfo[];
  readonly ObjectPaths: Readonly<Record<string, PathInfo>>;
}

export interface ServedRequest {
  readonly url: string;
  readonly body: RequestBody;
  /** The body's size as sent: what Excel on the web's 5 MB limit counts. */
  readonly bytes: number;
  /** The answer's body size (0 when the request was refused unread). */
  responseBytes: number;
}

/** Excel on the web refuses a request body over 5 MB. */
export const requestLimitBytes = 5 * 1024 * 1024;

/** An argument that is itself an object (getBoundingRect(otherRange)) travels as a path id. */
function argumentsOf(info: PathInfo['ArgumentInfo'], resolve: (id: number) => Node | null): unknown[] {
  const refs = info?.ReferencedObjectPathIds ?? [];
  return (info?.Arguments ?? []).map((arg, i) =>
    typeof refs[i] === 'number' && refs[i] !== 0 ? resolve(refs[i]) : arg,
  );
}

/** A collection's answer cut to the page a load asked for (`load({ top, skip })`). */
function page(answer: unknown, info: ActionInfo['QueryInfo']): unknown {
  const items = (answer as { _Items?: unknown[] } | null)?._Items;
  if (items === undefined || (info?.Top === undefined && info?.Skip === undefined)) return answer;
  const skip = info.Skip ?? 0;
  return { ...(answer as object), _Items: items.slice(skip, info.Top === undefined ? undefined : skip + info.Top) };
}

export class RichApiServer {
  /** Every request served, in order: one per `context.sync()`. */
  readonly requests: ServedRequest[] = [];
  /** The list separator of the regional settings, which getRanges reads (";" in Vietnamese Windows). */
  listSeparator: ListSeparator = ',';
  /** The most a request or a response may carry: 5 MB in Excel on the web; lower to test splitting. */
  payloadLimitBytes = requestLimitBytes;

  constructor(readonly book: WorkbookModel) {}

  handle(request: RichApiRequest): RichApiResponse {
    // A copy: the library rewrites its object paths once answered (a null object becomes type 7).
    const text = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    const body = JSON.parse(text) as RequestBody;
    const served: ServedRequest = { url: request.url, body, bytes: Buffer.byteLength(text), responseBytes: 0 };
    this.requests.push(served);
    if (served.bytes > this.payloadLimitBytes) {
      const error = {
        code: 'RequestPayloadSizeLimitExceeded',
        message: 'The request payload size has exceeded the limit.',
      };
      return { statusCode: 413, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error }) };
    }
    const nodes = new Map<number, Node | null>();
    const resolve = (id: number): Node | null => {
      if (nodes.has(id)) return nodes.get(id)!;
      const node = this.resolvePath(body.ObjectPaths, id, resolve);
      nodes.set(id, node);
      return node;
    };
    const results: { ActionId: number; Value: unknown }[] = [];
    for (const [index, action] of body.Actions.entries()) {
      try {
        const value = this.run(action, resolve);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      } catch (error) {
        // The workbook model's own refusals (a protected sheet, a wrong shape) carry Excel's codes too.
        const code = (error as { code?: unknown }).code;
        if (typeof code !== 'string') throw error;
        const status = error instanceof RichApiError ? error.status : 400;
        const failure = {
          Code: code,
          Message: (error as Error).message,
          HttpStatusCode: status,
          ActionIndex: index,
          Location: '',
        };
        return { statusCode: 200, headers: {}, body: JSON.stringify({ Results: results, Error: failure }) };
      }
    }
    const answer = JSON.stringify({ Results: results });
    served.responseBytes = Buffer.byteLength(answer);
    if (served.responseBytes > this.payloadLimitBytes) {
      const error = {
        code: 'ResponsePayloadSizeLimitExceeded',
        message: 'The response payload size has exceeded the limit.',
      };
      return { statusCode: 413, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error }) };
    }
    return { statusCode: 200, headers: {}, body: answer };
  }

  private resolvePath(
    paths: RequestBody['ObjectPaths'],
    id: number,
    resolve: (id: number) => Node | null,
  ): Node | null {
    const path = paths[String(id)];
    if (path === undefined) throw new RichApiError('InvalidObjectPath', `Object path ${id} was not sent.`);
    if (path.ObjectPathType === PathType.global) return { kind: 'workbook' };
    if (path.ObjectPathType === PathType.nullObject) return null;
    // Whatever hangs from a null object is a null object too (getItemOrNullObject(…).getUsedRangeOrNullObject()).
    const parent = resolve(path.ParentObjectPathId ?? -1);
    if (parent === null) return null;
    const args = argumentsOf(path.ArgumentInfo, resolve);
    if (path.ObjectPathType === PathType.property) return property(this.book, parent, path.Name);
    if (path.ObjectPathType === PathType.method || path.ObjectPathType === PathType.indexer)
      return navigate(this.book, parent, path.Name, args, this.listSeparator);
    throw new RichApiError(
      'InvalidObjectPath',
      `Object path type ${path.ObjectPathType} is not modelled by the test server.`,
    );
  }

  /** An action's result value, undefined when it has none. */
  private run(action: ActionInfo, resolve: (id: number) => Node | null): unknown {
    if (action.ActionType === ActionType.trace) return undefined;
    const node = resolve(action.ObjectPathId);
    const args = argumentsOf(action.ArgumentInfo, resolve);
    switch (action.ActionType) {
      case ActionType.instantiate:
        return node === null ? null : {};
      case ActionType.query:
        if (node === null) return null;
        if (node.kind === 'worksheets') {
          return {
            _Items: this.book.sheets.map((sheet) => ({
              _Id: sheet.name,
              ...(query(this.book, { kind: 'worksheet', sheet }, action.QueryInfo?.Select ?? []) as object),
            })),
          };
        }
        return page(query(this.book, node, action.QueryInfo?.Select ?? []), action.QueryInfo);
      case ActionType.method:
        if (node === null && action.Name === '_KeepReference') return null;
        if (node === null) throw new RichApiError('InvalidObjectPath', 'A method was called on a null object.');
        return invoke(this.book, node, action.Name, args);
      case ActionType.setProperty:
        if (node === null) throw new RichApiError('InvalidObjectPath', 'A property was set on a null object.');
        setProperty(node, action.Name, args[0]);
        return undefined;
      default:
        throw new RichApiError(
          'InvalidRequest',
          `Action type ${action.ActionType} is not modelled by the test server.`,
        );
    }
  }
}

/** The library's requests go to `server`: every Excel.run routed to a session URL of ours. */
export function serveExcel(server: RichApiServer, apiVersion = '1.9'): { api: OfficeApi; library: ExcelLibrary } {
  const library = excelLibrary();
  library.OfficeExtension.HttpUtility.setCustomSendRequestFunc((request) => Promise.resolve(server.handle(request)));
  const minor = Number(apiVersion.split('.')[1]);
  const api: OfficeApi = {
    run: (options, batch) =>
      library.Excel.run({ ...options, session: 'https://soat.test/' } as Excel.RunOptions, batch),
    isSetSupported: (name, version) =>
      name === 'ExcelApi' && version.startsWith('1.') && Number(version.split('.')[1]) <= minor,
    libraryHas: (what) => excelLibraryHas(library.Excel, what),
  };
  return { api, library };
}
