import type { PackageParts } from './parts';
import { relationType, relationships } from './relationships';
import { attribute } from './xml-text';

/** The workbook part and its sheets, as workbook.xml and its relationships name them. */

export interface SheetEntry {
  readonly name: string;
  readonly relationId: string;
  /** The `<sheet …/>` tag as workbook.xml holds it. */
  readonly tag: string;
  readonly part: string;
}

export interface WorkbookParts {
  readonly part: string;
  readonly sheets: readonly SheetEntry[];
}

const officeDocument = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

export async function workbookParts(parts: PackageParts): Promise<WorkbookParts> {
  const root = (await relationships(parts, '')).find((r) => r.type === officeDocument);
  const part = root?.part ?? 'xl/workbook.xml';
  const xml = (await parts.text(part)) ?? '';
  const targets = new Map(
    (await relationships(parts, part)).filter((r) => r.type === relationType.worksheet).map((r) => [r.id, r.part]),
  );
  const sheets: SheetEntry[] = [];
  for (const [tag] of xml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const relationId = attribute(tag, 'r:id');
    const target = relationId === undefined ? undefined : targets.get(relationId);
    if (name !== undefined && relationId !== undefined && target !== undefined)
      sheets.push({ name, relationId, tag, part: target });
  }
  return { part, sheets };
}
