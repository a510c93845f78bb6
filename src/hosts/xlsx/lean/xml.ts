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
const amp = 38; // &
const equals = 61; // =

/** Printable ASCII other than space: a name that starts and ends with one needs no trimming. */
const isNameChar = (ch: number): boolean => ch > 32 && ch < 127;

const noNames: readonly string[] = [];

/** Keys every plain object has (`toString`, `__proto__`…). */
const inherited = Object.prototype;
const shortestInheritedName = Math.min(...Object.getOwnPropertyNames(inherited).map((key) => key.length));

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
  /** Per attribute of the tag just opened: name start and end, value start and end, 1 if the value needs decoding. */
  private readonly spans: number[] = [];
  /** Per slot of readAttributes: the index of its attribute, or -1. */
  private readonly slots: number[] = [];

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
      const expected = this.open.pop();
      // The plain `</name>` of the element open is known without looking for its ">".
      let end = expected === undefined ? -1 : this.endTagAt(expected, start + 2);
      if (end < 0) {
        end = xml.indexOf('>', start + 2);
        if (end < 0) throw new XmlError('an end tag is never closed');
        // Compared as written, trailing spaces dropped.
        const name = xml.slice(start + 2, end).trimEnd();
        if (name !== expected) throw new XmlError(`</${name}> closes <${expected ?? ''}>`);
      }
      this.name = expected!;
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

  /**
   * Where `name>` ends when the document holds it at `from`: the first ">" there, as the search
   * for an end tag's ">" would find it; -1 otherwise.
   */
  private endTagAt(name: string, from: number): number {
    const xml = this.xml;
    for (let n = 0; n < name.length; n++) {
      const ch = xml.charCodeAt(from + n);
      if (ch !== name.charCodeAt(n) || ch === gt) return -1;
    }
    const end = from + name.length;
    return xml.charCodeAt(end) === gt ? end : -1;
  }

  /** Whether the document holds exactly `name` from `from` to `to`: a name compared without a string. */
  private isAt(name: string, from: number, to: number): boolean {
    if (to - from !== name.length) return false;
    for (let n = 0; n < name.length; n++) if (this.xml.charCodeAt(from + n) !== name.charCodeAt(n)) return false;
    return true;
  }

  /**
   * When the tag just opened starts with a child `<name>` holding only plain text (no markup,
   * reference or carriage return) before its `</name>`, reads past that child and gives the text,
   * as the Open, Text and Close tokens would; otherwise reads nothing and gives undefined.
   */
  plainChildText(name: string): string | undefined {
    if (this.pendingClose) return undefined;
    const xml = this.xml;
    const open = this.at;
    if (xml.charCodeAt(open) !== lt || !this.isAt(name, open + 1, open + 1 + name.length)) return undefined;
    const from = open + 2 + name.length;
    if (xml.charCodeAt(from - 1) !== gt) return undefined;
    let to = from;
    for (; to < xml.length; to++) {
      const ch = xml.charCodeAt(to);
      if (ch === lt) break;
      if (ch === amp || ch === 13) return undefined;
    }
    // An empty child gives no text token at all; leave it to the tokens.
    if (to === from || xml.charCodeAt(to + 1) !== slash) return undefined;
    const after = to + 2 + name.length;
    if (!this.isAt(name, to + 2, after) || xml.charCodeAt(after) !== gt) return undefined;
    this.at = after + 1;
    this.name = name;
    return xml.slice(from, to);
  }

  /** The current text token's characters, references resolved. */
  text(): string {
    return this.cdata ?? decodeText(this.xml.slice(this.textFrom, this.textTo));
  }

  /** The attributes of the tag just opened. */
  attributes(): Record<string, string> {
    const count = this.scanAttributes();
    const out: Record<string, string> = {};
    for (let k = 0; k < count; k++) out[this.attributeName(k)] = this.attributeValue(k);
    return out;
  }

  /**
   * Reads the attributes of the tag just opened into one slot per name in `names`, with no
   * object per tag; the values are then had by `value(slot)` or from the document's characters.
   * Refuses what attributes() refuses, in the same order.
   */
  readAttributes(names: readonly string[]): void {
    for (let s = 0; s < names.length; s++) this.slots[s] = -1;
    this.scanAttributes(names);
  }

  /** The value of the slot's attribute as the document means it; undefined when not given. */
  value(slot: number): string | undefined {
    const k = this.slots[slot]!;
    return k < 0 ? undefined : this.attributeValue(k);
  }

  /** parseInt(value, 10) of the slot's attribute (NaN when not given), plain digits read without a string. */
  integer(slot: number): number {
    if (this.slots[slot]! < 0) return NaN;
    const from = this.plainStart(slot);
    if (from >= 0) {
      const to = this.plainEnd(slot);
      // Up to 15 digits the sum is exact, as parseInt's is.
      if (to > from && to - from <= 15) {
        let n = 0;
        let at = from;
        for (; at < to; at++) {
          const ch = this.xml.charCodeAt(at);
          if (ch < 48 || ch > 57) break;
          n = n * 10 + (ch - 48);
        }
        if (at === to) return n;
      }
    }
    return parseInt(this.value(slot) as string, 10);
  }

  /** Whether the slot's attribute was given. */
  given(slot: number): boolean {
    return this.slots[slot]! >= 0;
  }

  /**
   * Where the slot's value lies in `source` when it reads as written (no reference, no line end
   * or tab to normalise), so a caller can parse it without a string; -1 otherwise.
   */
  plainStart(slot: number): number {
    const k = this.slots[slot]!;
    return k < 0 || this.spans[k * 5 + 4] !== 0 ? -1 : this.spans[k * 5 + 2]!;
  }

  /** The end of the slot's value in `source`, when plainStart gives its start. */
  plainEnd(slot: number): number {
    return this.spans[this.slots[slot]! * 5 + 3]!;
  }

  /** The document the scanner reads. */
  get source(): string {
    return this.xml;
  }

  /**
   * Walks the attributes of the tag just opened, refusing one without a value, an unquoted
   * one, one given twice and a bad reference, and records where each name and value lies.
   */
  private scanAttributes(names: readonly string[] = noNames): number {
    const xml = this.xml;
    const spans = this.spans;
    let count = 0;
    let i = this.attrFrom;
    const end = this.attrTo;
    while (i < end) {
      const ch = xml.charCodeAt(i);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13) {
        i++;
        continue;
      }
      let eq = i;
      while (eq < end && xml.charCodeAt(eq) !== equals) eq++;
      if (eq >= end) throw new XmlError(`an attribute without a value in <${this.name}>`);
      let nameFrom = i;
      let nameTo = eq;
      if (!isNameChar(xml.charCodeAt(nameFrom)) || !isNameChar(xml.charCodeAt(nameTo - 1))) {
        // Rare: the name is trimmed as String#trim does, which knows more spaces than XML.
        const raw = xml.slice(nameFrom, nameTo);
        const trimmed = raw.trimStart();
        nameFrom += raw.length - trimmed.length;
        nameTo = nameFrom + trimmed.trimEnd().length;
      }
      let q = eq + 1;
      while (q < end && xml.charCodeAt(q) !== quote && xml.charCodeAt(q) !== apostrophe) {
        const c = xml.charCodeAt(q);
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13) throw new XmlError(`an unquoted attribute in <${this.name}>`);
        q++;
      }
      if (q >= end) throw new XmlError(`an unquoted attribute in <${this.name}>`);
      const closing = xml.charCodeAt(q);
      let close = q + 1;
      let plain = true;
      for (; close < end; close++) {
        const c = xml.charCodeAt(close);
        if (c === closing) break;
        if (c === amp || c === 9 || c === 10 || c === 13) plain = false;
      }
      if (close >= end) throw new XmlError(`an unquoted attribute in <${this.name}>`);
      const at = count * 5;
      spans[at] = nameFrom;
      spans[at + 1] = nameTo;
      spans[at + 2] = q + 1;
      spans[at + 3] = close;
      spans[at + 4] = plain ? 0 : 1;
      const nameLength = nameTo - nameFrom;
      if ((count > 0 || nameLength >= shortestInheritedName) && this.givenBefore(count))
        throw new XmlError(`attribute ${this.attributeName(count)} given twice in <${this.name}>`);
      if (!plain) this.attributeValue(count); // a bad reference refuses the tag here, as it always has
      for (let s = 0; s < names.length; s++) {
        const wanted = names[s]!;
        if (wanted.length === nameLength && this.isAt(wanted, nameFrom, nameTo)) this.slots[s] = count;
      }
      count++;
      i = close + 1;
    }
    return count;
  }

  /**
   * Whether attribute k's name was given before it, or is one a plain object already has
   * (`toString`): attributes() keeps them in one, so both ways of reading refuse the same tags.
   */
  private givenBefore(k: number): boolean {
    const xml = this.xml;
    const spans = this.spans;
    const from = spans[k * 5]!;
    const length = spans[k * 5 + 1]! - from;
    for (let j = 0; j < k; j++) {
      const other = spans[j * 5]!;
      if (spans[j * 5 + 1]! - other !== length) continue;
      let n = 0;
      while (n < length && xml.charCodeAt(from + n) === xml.charCodeAt(other + n)) n++;
      if (n === length) return true;
    }
    return length >= shortestInheritedName && this.attributeName(k) in inherited;
  }

  private attributeName(k: number): string {
    return this.xml.slice(this.spans[k * 5], this.spans[k * 5 + 1]);
  }

  private attributeValue(k: number): string {
    const value = this.xml.slice(this.spans[k * 5 + 2], this.spans[k * 5 + 3]);
    return this.spans[k * 5 + 4] === 0 ? value : decodeAttribute(value);
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
