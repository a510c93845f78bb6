import { decodeEntitiesAgain } from './text';
import { XmlScanner, Token } from './xml';

export interface SheetEntry {
  readonly name: string | undefined;
  readonly id: number;
  readonly rId: string | undefined;
}

export interface WorkbookPart {
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;
}

export function readWorkbookPart(xml: string): WorkbookPart {
  const scanner = new XmlScanner(xml);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  for (let token = scanner.next(); token !== Token.End; token = scanner.next()) {
    if (token !== Token.Open) continue;
    if (scanner.name === 'sheet') {
      const a = scanner.attributes();
      const name = a['name'];
      sheets.push({
        name: name === undefined ? undefined : decodeEntitiesAgain(name),
        id: parseInt(a['sheetId'] as string, 10),
        rId: a['r:id'],
      });
    } else if (scanner.name === 'workbookPr') date1904 = scanner.attributes()['date1904'] === '1';
  }
  return { sheets, date1904 };
}

export interface Relationship {
  readonly type: string | undefined;
  readonly target: string | undefined;
}

/** Relationships by Id. */
export function readRelationships(xml: string): Map<string, Relationship> {
  const scanner = new XmlScanner(xml);
  const rels = new Map<string, Relationship>();
  for (let token = scanner.next(); token !== Token.End; token = scanner.next()) {
    if (token !== Token.Open || scanner.name !== 'Relationship') continue;
    const a = scanner.attributes();
    rels.set(a['Id'] as string, { type: a['Type'], target: a['Target'] });
  }
  return rels;
}
