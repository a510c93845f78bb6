import { decodeEscapes } from './text';
import type { XmlScanner } from './xml';
import { Token } from './xml';

/**
 * The text of one rich-text run (`<r>` just opened): its last `<t>`, `_xHHHH_` escapes decoded,
 * as ExcelJS keeps it; '' for a run without text.
 */
export function runText(xml: XmlScanner): string {
  let text = '';
  let inText = false;
  let chunks: string[] = [];
  for (let token = xml.next(); token !== Token.End; token = xml.next()) {
    if (token === Token.Open) {
      if (xml.name === 't') {
        inText = true;
        chunks = [];
      }
    } else if (token === Token.Close) {
      if (xml.name === 'r') return text;
      if (xml.name === 't' && inText) {
        inText = false;
        text = decodeEscapes(chunks.join(''));
      }
    } else if (inText) chunks.push(xml.text());
  }
  return text;
}

/** The text of a `<t>` just opened, up to its end tag. */
export function elementText(xml: XmlScanner): string {
  if (xml.selfClosing) {
    xml.next();
    return '';
  }
  let text = '';
  for (let token = xml.next(); token !== Token.End; token = xml.next()) {
    if (token === Token.Text) text += xml.text();
    else if (token === Token.Close) return text;
    else xml.skipElement();
  }
  return text;
}
