import type * as ExcelJS from 'exceljs';
import { decodeFill, encodeFill } from '../fill-code';
import { attribute, escapeXml, withAttribute } from './xml-text';

/**
 * styles.xml as Soát changes it: new cell formats (xf), fills and number formats are appended to
 * their lists; no existing entry is changed or renumbered, so every other cell keeps its look.
 * An entry equal to the one needed is reused, so that restoring a fill finds the original format.
 */

interface ListSection {
  /** The element holding the list, e.g. "cellXfs". */
  readonly tag: string;
  /** Entries as the input holds them, then the appended ones. */
  readonly entries: string[];
  readonly added: string[];
}

/** The `<entry…/>` or `<entry…>…</entry>` elements of a list, in order. */
function entriesOf(inner: string, entry: string): string[] {
  const pattern = new RegExp(`<${entry}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${entry}>)`, 'g');
  return [...inner.matchAll(pattern)].map((m) => m[0]);
}

function section(xml: string, tag: string, entry: string): ListSection {
  const match = new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(xml);
  return { tag, entries: match === null ? [] : entriesOf(match[1] ?? '', entry), added: [] };
}

/** Renders a fill through ExcelJS's own writer, so that it is the fill ExcelJS would read back. */
type FillWriter = (fill: ExcelJS.Fill) => string;
/** Reads a `<fill>` element into ExcelJS's model of it. */
type FillReader = (xml: string) => Promise<ExcelJS.Fill | undefined>;

const builtInFormats: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

export class StyleSheet {
  private readonly xfs: ListSection;
  private readonly fills: ListSection;
  private readonly numFmts: ListSection;
  /** encodeFill() of each fill; undefined = no fill. */
  private readonly fillCodes: (string | undefined)[];
  private readonly derived = new Map<string, number>();

  private constructor(
    private readonly xml: string,
    fillCodes: (string | undefined)[],
    private readonly writeFill: FillWriter,
  ) {
    this.xfs = section(xml, 'cellXfs', 'xf');
    this.fills = section(xml, 'fills', 'fill');
    this.numFmts = section(xml, 'numFmts', 'numFmt');
    this.fillCodes = fillCodes;
  }

  static async read(xml: string, readFill: FillReader, writeFill: FillWriter): Promise<StyleSheet> {
    const fills = section(xml, 'fills', 'fill').entries;
    const codes = await Promise.all(fills.map(async (fill) => encodeFill(await readFill(fill))));
    return new StyleSheet(xml, codes, writeFill);
  }

  private xf(index: number): string {
    return (
      this.xfs.entries[index] ?? this.xfs.entries[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    );
  }

  /** The index of an xf written exactly so, appended when there is none. */
  private xfIndex(xf: string): number {
    const found = this.xfs.entries.indexOf(xf);
    if (found >= 0) return found;
    this.xfs.entries.push(xf);
    this.xfs.added.push(xf);
    return this.xfs.entries.length - 1;
  }

  private remember(key: string, make: () => number): number {
    let index = this.derived.get(key);
    if (index === undefined) {
      index = make();
      this.derived.set(key, index);
    }
    return index;
  }

  /** The format of cell format `style` with the fill `encoded` (encodeFill's string; null = none). */
  withFill(style: number, encoded: string | null): number {
    return this.remember(`fill|${style}|${encoded}`, () => {
      const xf = this.xf(style);
      const wanted = encoded ?? undefined;
      const base = withoutFill(xf);
      const match = this.xfs.entries.findIndex(
        (other) => withoutFill(other) === base && this.fillCodes[Number(attribute(other, 'fillId') ?? 0)] === wanted,
      );
      if (match >= 0) return match;
      const fillId = this.fillIndex(wanted);
      return this.xfIndex(withAttribute(withAttribute(xf, 'fillId', String(fillId)), 'applyFill', '1'));
    });
  }

  private fillIndex(encoded: string | undefined): number {
    const found = this.fillCodes.indexOf(encoded);
    if (found >= 0) return found;
    const fill = decodeFill(encoded ?? null) ?? ({ type: 'pattern', pattern: 'none' } as ExcelJS.Fill);
    this.fills.entries.push(this.writeFill(fill));
    this.fills.added.push(this.fills.entries[this.fills.entries.length - 1]!);
    this.fillCodes.push(encoded);
    return this.fills.entries.length - 1;
  }

  /** The format of `style` with the number format `code`. */
  withNumberFormat(style: number, code: string): number {
    return this.remember(`numFmt|${style}|${code}`, () => {
      const id = this.numberFormatId(code);
      const xf = this.xf(style);
      if (attribute(xf, 'numFmtId') === String(id)) return style;
      return this.xfIndex(withAttribute(withAttribute(xf, 'numFmtId', String(id)), 'applyNumberFormat', '1'));
    });
  }

  private numberFormatId(code: string): number {
    const builtIn = builtInFormats[code];
    if (builtIn !== undefined) return builtIn;
    let highest = 163; // custom formats start at 164
    for (const numFmt of this.numFmts.entries) {
      const id = Number(attribute(numFmt, 'numFmtId'));
      if (attribute(numFmt, 'formatCode') === code) return id;
      if (id > highest) highest = id;
    }
    const entry = `<numFmt numFmtId="${highest + 1}" formatCode="${escapeXml(code)}"/>`;
    this.numFmts.entries.push(entry);
    this.numFmts.added.push(entry);
    return highest + 1;
  }

  /** The format of `style` that shows text as typed: F2 then Enter does not make it a formula. */
  withQuotePrefix(style: number): number {
    return this.remember(`quote|${style}`, () => {
      const xf = this.xf(style);
      if (attribute(xf, 'quotePrefix') === '1') return style;
      return this.xfIndex(withAttribute(xf, 'quotePrefix', '1'));
    });
  }

  get changed(): boolean {
    return this.xfs.added.length + this.fills.added.length + this.numFmts.added.length > 0;
  }

  /** styles.xml with the appended entries and the lists' counts brought up to date. */
  toXml(): string {
    let xml = this.xml;
    for (const list of [this.xfs, this.fills, this.numFmts]) xml = appendTo(xml, list);
    return xml;
  }
}

function withoutFill(xf: string): string {
  return withAttribute(withAttribute(xf, 'fillId', undefined), 'applyFill', undefined);
}

/** Elements of styleSheet in schema order, to place a list the input did not have. */
const sheetOrder = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'];

function appendTo(xml: string, list: ListSection): string {
  if (list.added.length === 0) return xml;
  const count = list.entries.length;
  const open = new RegExp(`<${list.tag}\\b[^>]*?(/?)>`).exec(xml);
  if (open === null) {
    const next = sheetOrder.slice(sheetOrder.indexOf(list.tag) + 1).find((tag) => xml.includes(`<${tag}`));
    const element = `<${list.tag} count="${count}">${list.added.join('')}</${list.tag}>`;
    return next === undefined ? xml : xml.replace(`<${next}`, `${element}<${next}`);
  }
  const tag = withAttribute(open[0].replace(/\/>$/, '>'), 'count', String(count));
  if (open[1] === '/') return xml.replace(open[0], `${tag}${list.added.join('')}</${list.tag}>`);
  const close = `</${list.tag}>`;
  const end = xml.indexOf(close, open.index);
  return `${xml.slice(0, open.index)}${tag}${xml.slice(open.index + open[0].length, end)}${list.added.join('')}${xml.slice(end)}`;
}
