import { elementText, runText } from './runs';
import { decodeEscapes } from './text';
import { XmlScanner, Token } from './xml';

/**
 * A shared string as ExcelJS reads it: its `<t>` text, or its runs joined; an `<si>` with
 * neither is an empty object, which a cell then holds as it is.
 */
export type SharedString = string | Record<string, never>;

export function readSharedStrings(xml: string): SharedString[] {
  const scanner = new XmlScanner(xml);
  const strings: SharedString[] = [];
  let depth = 0;
  let item: string | string[] | undefined;
  let inItem = false;
  for (let token = scanner.next(); token !== Token.End; token = scanner.next()) {
    if (token === Token.Open) {
      depth++;
      const name = scanner.name;
      if (name === 'si' && depth === 2) {
        inItem = true;
        item = undefined;
      } else if (inItem && name === 't') {
        item = decodeEscapes(elementText(scanner));
        depth--;
      } else if (inItem && name === 'r') {
        const text = runText(scanner);
        depth--;
        if (item === undefined) item = [text];
        else if (typeof item !== 'string') item.push(text);
      } else if (inItem) {
        scanner.skipElement(); // phonetic runs and the like are not the cell's text
        depth--;
      }
    } else if (token === Token.Close) {
      depth--;
      if (scanner.name === 'si' && depth === 1) {
        inItem = false;
        strings.push(item === undefined ? {} : typeof item === 'string' ? item : item.join(''));
      }
    }
  }
  return strings;
}
