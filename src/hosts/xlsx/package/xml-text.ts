/**
 * Text as SpreadsheetML stores it: XML entities, and `_xHHHH_` for the characters XML 1.0 cannot
 * hold (ESC, a bare CR kept as CR…). A literal "_x0041_" is written with its underscore escaped.
 */

const needsOoxmlEscape = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g;

const hex4 = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0');

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A string as the content of a `<t>` element of a cell or a note. */
export function encodeCellText(text: string): string {
  return escapeXml(text.replace(needsOoxmlEscape, (ch) => `_x${hex4(ch.charCodeAt(0))}_`));
}

const entity = /&(?:#x([0-9A-Fa-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(xml: string): string {
  return xml.replace(entity, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex !== undefined
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec !== undefined
        ? String.fromCodePoint(Number(dec))
        : named[name!]!,
  );
}

/** The text a `<t>` element's content stands for. */
export function decodeCellText(xml: string): string {
  return unescapeXml(xml).replace(/_x([0-9A-Fa-f]{4})_/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/** `<t>` with its spaces kept: leading, trailing and repeated spaces and line breaks are text. */
export function textElement(text: string): string {
  return `<t xml:space="preserve">${encodeCellText(text)}</t>`;
}

/** The value of `name` in an element's opening tag; undefined when it has none. */
export function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match === null ? undefined : unescapeXml(match[1]!);
}

/**
 * The element with `name` set to `value` in its opening tag (in place when present, else after
 * the last attribute), or removed for undefined. `element` may also be an opening tag cut before its `>`.
 */
export function withAttribute(element: string, name: string, value: string | undefined): string {
  const close = element.indexOf('>');
  const openEnd = close < 0 ? element.length : element[close - 1] === '/' ? close - 1 : close;
  const open = element.slice(0, openEnd);
  const rest = element.slice(openEnd);
  const present = new RegExp(`\\s${name}="[^"]*"`);
  if (value === undefined) return open.replace(present, '') + rest;
  const written = ` ${name}="${escapeXml(value)}"`;
  if (present.test(open)) return open.replace(present, written) + rest;
  return open.replace(/\s*$/, '') + written + rest;
}
