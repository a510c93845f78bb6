import { recordSheetName } from '../../../core/annotate';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../core/snapshot';
import { WorkbookReadError, sniffWorkbook } from '../errors';
import type { ReadLimits } from '../limits';
import { checkPartSizes, defaultLimits, tooLarge } from '../limits';
import { readComments } from './comments';
import type { SharedString } from './shared-strings';
import { readSharedStrings } from './shared-strings';
import { CorruptPartError, readSheetPart } from './sheet';
import type { CellStyle } from './styles';
import { readStyles } from './styles';
import type { Relationship } from './workbook';
import { readRelationships, readWorkbookPart } from './workbook';
import { XmlError } from './xml';
import { PartTooLargeError, ZipError, ZipPackage } from './zip';

/**
 * Reads .xlsx bytes straight into the core's snapshot: the zip's directory, then one pass over
 * each part a snapshot needs, never a model of the whole workbook. Gives the snapshot, and the
 * refusals, that reading through ExcelJS gives (readWorkbookBuffer in ../read.ts).
 */

const commentsType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const megabytes = (n: number): string => `${Math.ceil(n / (1024 * 1024))} MB`;

/** ExcelJS's rules for a sheet name; one it refuses makes the file unreadable. */
function sheetName(name: string | undefined, id: number, taken: string[]): string {
  let result = name ?? `sheet${id}`;
  if (result === '' || result === 'History' || /[*?:/\\[\]]/.test(result) || /(^')|('$)/.test(result)) {
    throw new CorruptPartError(`a sheet named "${result}"`);
  }
  if (result.length > 31) result = result.substring(0, 31);
  if (taken.some((other) => other.toLowerCase() === result.toLowerCase())) {
    throw new CorruptPartError(`two sheets named "${result}"`);
  }
  return result;
}

function readPackage(zip: ZipPackage, file: string | undefined, limits: ReadLimits): WorkbookSnapshot {
  const part = (name: string): string | undefined => zip.text(name, limits.partBytes);
  const book = readWorkbookPart(part('xl/workbook.xml') ?? '<workbook/>');
  const workbookRels = readRelationships(part('xl/_rels/workbook.xml.rels') ?? '<Relationships/>');
  const stringsXml = part('xl/sharedStrings.xml');
  const strings: SharedString[] | undefined = stringsXml === undefined ? undefined : readSharedStrings(stringsXml);
  const stylesXml = part('xl/styles.xml');
  const styles: (CellStyle | undefined)[] | undefined = stylesXml === undefined ? undefined : readStyles(stylesXml);

  // ExcelJS knows a worksheet, and its relationships and comments parts, by these names only.
  const sheetParts = new Map<string, string>();
  const commentParts = new Map<string, string>();
  for (const name of zip.names()) {
    const sheet = /xl\/worksheets\/sheet(\d+)[.]xml/.exec(name);
    if (sheet !== null && !name.includes('_rels/')) sheetParts.set(name, sheet[1]!);
    const comments = /xl\/(comments\d+)[.]xml/.exec(name);
    if (comments !== null) commentParts.set(`../${comments[1]}.xml`, name);
  }

  const sheets: SheetSnapshot[] = [];
  const names: string[] = [];
  const ids = new Set<number>();
  for (const entry of book.sheets) {
    const rel = entry.rId === undefined ? undefined : workbookRels.get(entry.rId);
    if (rel?.target === undefined) continue;
    const path = `xl/${rel.target.replace(/^(\s|\/xl\/)+/, '')}`;
    const sheetNo = sheetParts.get(path);
    if (sheetNo === undefined) continue; // a chart sheet, or a part that is not there
    const name = sheetName(entry.name, entry.id, names);
    names.push(name);
    if (ids.has(entry.id)) continue;
    ids.add(entry.id);
    const relsXml = part(`xl/worksheets/_rels/sheet${sheetNo}.xml.rels`);
    const relationships: Map<string, Relationship> = relsXml === undefined ? new Map() : readRelationships(relsXml);
    let comments = new Map<string, string>();
    for (const r of relationships.values()) {
      if (r.type !== commentsType) continue;
      const commentsPart = r.target === undefined ? undefined : commentParts.get(r.target);
      if (commentsPart === undefined) throw new CorruptPartError(`no comments part ${r.target ?? ''}`);
      comments = readComments(part(commentsPart)!);
    }
    const xml = part(path)!;
    if (name === recordSheetName) continue;
    sheets.push(
      readSheetPart(xml, {
        name,
        strings,
        styles,
        date1904: book.date1904,
        limits,
        fileName: file,
        comments,
        relationships,
      }),
    );
  }
  return file === undefined ? { sheets } : { file, sheets };
}

/**
 * The snapshot of .xlsx bytes. A file that is not a readable workbook throws WorkbookReadError
 * with the reason (empty, encrypted, not-xlsx, corrupt, too-large).
 */
export function readSnapshotBuffer(
  bytes: Uint8Array,
  fileName?: string,
  limits: ReadLimits = defaultLimits,
): WorkbookSnapshot {
  const kind = sniffWorkbook(bytes);
  if (kind !== undefined) throw new WorkbookReadError(kind, fileName);
  checkPartSizes(bytes, limits, fileName);
  try {
    return readPackage(new ZipPackage(bytes), fileName, limits);
  } catch (cause) {
    if (cause instanceof PartTooLargeError) {
      throw tooLarge(
        `phần "${cause.part}" giải nén ra hơn ${megabytes(limits.partBytes)}, vượt giới hạn ${megabytes(limits.partBytes)}`,
        `part "${cause.part}" unpacks to more than ${megabytes(limits.partBytes)}, over the limit of ${megabytes(limits.partBytes)}`,
        fileName,
      );
    }
    if (cause instanceof ZipError || cause instanceof XmlError || cause instanceof CorruptPartError) {
      throw new WorkbookReadError('corrupt', fileName, { cause });
    }
    throw cause;
  }
}
