/**
 * A pull scanner over one XML part: tags and text in document order, no tree, no per-node
 * objects. It refuses what is not well formed (a tag left open, a mismatched end tag, an unknown
 * entity), as a conforming parser does, so a broken part reads as a corrupt file.
 */

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

export const enum Token {
  End = 0,
  Open = 1,
  Close = 2,
  Text = 3,
}

const lt = 60; // <
const gt = 62; // >
const slash = 47; // /
const bang = 33; // !
const question = 63; // ?
const quote = 34; // "
const apostrophe = 39; // '

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function entity(reference: string): string {
  if (reference.charCodeAt(0) === 35 /* # */) {
    const hex = reference.charCodeAt(1) === 120; /* x */
    const code = hex ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
    const digits = hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/;
    if (!digits.test(reference.slice(hex ? 2 : 1)) || !(code >= 0 && code <= 0x10ffff)) {
      throw new XmlError(`bad character reference &${reference};`);
    }
    return String.fromCodePoint(code);
  }
  const text = named[reference];
  if (text === undefined) throw new XmlError(`undefined entity &${reference};`);
  return text;
}

/** Character data as the document means it: references resolved, line ends as "\n". */
export function decodeText(raw: string): string {
  let text = raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&<]*);|&/g, (whole, reference: string | undefined) => {
    if (reference === undefined) throw new XmlError('a bare "&" in text');
    return entity(reference);
  });
}

/** An attribute value as the document means it: white space normalised, then references resolved. */
function decodeAttribute(raw: string): string {
  let text = raw;
  if (/[\t\n\r]/.test(text)) text = text.replace(/\r\n|[\t\n\r]/g, ' ');
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&<]*);|&/g, (whole, reference: string | undefined) => {
    if (reference === undefined) throw new XmlError('a bare "&" in an attribute');
    return entity(reference);
  });
}

export class XmlScanner {
  /** Name of the tag just opened or closed (with its prefix, as written). */
  name = '';
  /** The tag just opened is also closed (`<c/>`); a Close token for it follows. */
  selfClosing = false;
  private at = 0;
  private attrFrom = 0;
  private attrTo = 0;
  private textFrom = 0;
  private textTo = 0;
  private cdata: string | undefined;
  private pendingClose = false;
  private readonly open: string[] = [];

  constructor(private readonly xml: string) {}

  next(): Token {
    const xml = this.xml;
    if (this.pendingClose) {
      this.pendingClose = false;
      this.open.pop();
      return Token.Close;
    }
    const start = this.at;
    if (start >= xml.length) {
      if (this.open.length > 0) throw new XmlError(`<${this.open[this.open.length - 1]}> is never closed`);
      return Token.End;
    }
    if (xml.charCodeAt(start) !== lt) {
      let end = xml.indexOf('<', start);
      if (end < 0) end = xml.length;
      this.at = end;
      this.textFrom = start;
      this.textTo = end;
      this.cdata = undefined;
      return Token.Text;
    }
    const second = xml.charCodeAt(start + 1);
    if (second === bang) {
      if (xml.startsWith('<![CDATA[', start)) {
        const end = xml.indexOf(']]>', start + 9);
        if (end < 0) throw new XmlError('a CDATA section is never closed');
        this.cdata = xml.slice(start + 9, end);
        this.at = end + 3;
        return Token.Text;
      }
      const closing = xml.startsWith('<!--', start) ? '-->' : '>';
      const end = xml.indexOf(closing, start + 2);
      if (end < 0) throw new XmlError('a declaration is never closed');
      this.at = end + closing.length;
      return this.next();
    }
    if (second === question) {
      const end = xml.indexOf('?>', start + 2);
      if (end < 0) throw new XmlError('a processing instruction is never closed');
      this.at = end + 2;
      return this.next();
    }
    if (second === slash) {
      const end = xml.indexOf('>', start + 2);
      if (end < 0) throw new XmlError('an end tag is never closed');
      const name = xml.slice(start + 2, end).trimEnd();
      const expected = this.open.pop();
      if (name !== expected) throw new XmlError(`</${name}> closes <${expected ?? ''}>`);
      this.name = name;
      this.at = end + 1;
      return Token.Close;
    }
    // An open tag: its end is the first ">" outside a quoted attribute value.
    let i = start + 1;
    let quoted = 0;
    const length = xml.length;
    for (; i < length; i++) {
      const ch = xml.charCodeAt(i);
      if (quoted !== 0) {
        if (ch === quoted) quoted = 0;
      } else if (ch === quote || ch === apostrophe) quoted = ch;
      else if (ch === gt) break;
      else if (ch === lt) throw new XmlError('"<" inside a tag');
    }
    if (i >= length) throw new XmlError('a tag is never closed');
    let nameEnd = start + 1;
    while (nameEnd < i) {
      const ch = xml.charCodeAt(nameEnd);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === slash) break;
      nameEnd++;
    }
    this.name = xml.slice(start + 1, nameEnd);
    if (this.name === '') throw new XmlError('a tag without a name');
    this.selfClosing = xml.charCodeAt(i - 1) === slash;
    this.attrFrom = nameEnd;
    this.attrTo = this.selfClosing ? i - 1 : i;
    this.at = i + 1;
    this.open.push(this.name);
    this.pendingClose = this.selfClosing;
    return Token.Open;
  }

  /** The current text token's characters, references resolved. */
  text(): string {
    return this.cdata ?? decodeText(this.xml.slice(this.textFrom, this.textTo));
  }

  /** The attributes of the tag just opened. */
  attributes(): Record<string, string> {
    const out: Record<string, string> = {};
    const xml = this.xml;
    let i = this.attrFrom;
    const end = this.attrTo;
    while (i < end) {
      const ch = xml.charCodeAt(i);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13) {
        i++;
        continue;
      }
      const eq = xml.indexOf('=', i);
      if (eq < 0 || eq >= end) throw new XmlError(`an attribute without a value in <${this.name}>`);
      const name = xml.slice(i, eq).trim();
      let q = eq + 1;
      while (q < end && xml.charCodeAt(q) !== quote && xml.charCodeAt(q) !== apostrophe) {
        const c = xml.charCodeAt(q);
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13) throw new XmlError(`an unquoted attribute in <${this.name}>`);
        q++;
      }
      const close = xml.indexOf(xml[q]!, q + 1);
      if (q >= end || close < 0 || close >= end) throw new XmlError(`an unquoted attribute in <${this.name}>`);
      if (name in out) throw new XmlError(`attribute ${name} given twice in <${this.name}>`);
      out[name] = decodeAttribute(xml.slice(q + 1, close));
      i = close + 1;
    }
    return out;
  }

  /** Skips the rest of the element just opened, its children included. */
  skipElement(): void {
    const depth = this.open.length;
    if (this.pendingClose) {
      this.next();
      return;
    }
    for (let token = this.next(); token !== Token.End; token = this.next()) {
      if (token === Token.Close && this.open.length === depth - 1) return;
    }
  }
}
