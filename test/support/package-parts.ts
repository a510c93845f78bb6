import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** A package read part by part, to compare what Soát wrote with what it was given. */

export type Parts = Map<string, string>;

export async function partsOf(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = new Map();
  for (const name of Object.keys(zip.files).sort()) {
    if (!zip.files[name]!.dir) parts.set(name, await zip.file(name)!.async('string'));
  }
  return parts;
}

/** Names of the parts of `before` whose text `after` does not hold exactly (or at all). */
export function changedParts(before: Parts, after: Parts): string[] {
  return [...before].filter(([name, text]) => after.get(name) !== text).map(([name]) => name);
}

const cellPattern = /<c(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

/** Every `<c>` element of a sheet by address, as written. */
export function cellsOf(sheetXml: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const [cell] of sheetXml.matchAll(cellPattern)) cells.set(/\sr="([^"]+)"/.exec(cell)![1]!, cell);
  return cells;
}

/** A cell element without its format: what must not change when Soát only paints it. */
export function withoutStyle(cell: string): string {
  return cell.replace(/\ss="\d+"/, '');
}

/** The sheet XML outside its cells, with the legacy drawing that Soát's notes may add. */
export function sheetFrame(sheetXml: string): string {
  return sheetXml
    .replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, '<sheetData/>')
    .replace(/<legacyDrawing [^>]*\/>/, '');
}

/** Each list of styles.xml: its declared count and its entries. */
export function styleLists(styles: string): Record<string, { count: number; entries: string[] }> {
  const lists: Record<string, { count: number; entries: string[] }> = {};
  for (const [tag, entry] of [
    ['numFmts', 'numFmt'],
    ['fonts', 'font'],
    ['fills', 'fill'],
    ['borders', 'border'],
    ['cellStyleXfs', 'xf'],
    ['cellXfs', 'xf'],
  ] as const) {
    const match = new RegExp(`<${tag}\\b[^>]*?count="(\\d+)"[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(styles);
    if (match === null) continue;
    const pattern = new RegExp(`<${entry}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${entry}>)`, 'g');
    lists[tag] = { count: Number(match[1]), entries: [...(match[2] ?? '').matchAll(pattern)].map((m) => m[0]) };
  }
  return lists;
}

/** Parse errors of every XML part (VML is Excel's loose HTML-like XML and is left out). */
export function malformedParts(parts: Parts): string[] {
  const bad: string[] = [];
  for (const [name, text] of parts) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser();
    let error: Error | undefined;
    parser.on('error', (e) => (error ??= e));
    try {
      parser.write(text).close();
    } catch (e) {
      error ??= e as Error;
    }
    if (error !== undefined) bad.push(`${name}: ${error.message}`);
  }
  return bad;
}

function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const path = from.split('/').slice(0, -1);
  for (const step of target.split('/')) {
    if (step === '..') path.pop();
    else if (step !== '.') path.push(step);
  }
  return path.join('/');
}

/**
 * What Excel checks on opening, as a list of faults: relationships to missing parts, content
 * types for missing parts, parts with no content type, r:ids a sheet uses and its rels lack, list
 * counts of styles.xml that differ from their entries, and cell formats or fills out of range.
 */
export function packageFaults(parts: Parts): string[] {
  const faults: string[] = [];
  const types = parts.get('[Content_Types].xml') ?? '';
  const defaults = new Set([...types.matchAll(/<Default [^>]*Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()));
  const overrides = new Set([...types.matchAll(/<Override [^>]*PartName="\/([^"]+)"/g)].map((m) => m[1]!));
  for (const name of overrides) if (!parts.has(name)) faults.push(`content type for missing ${name}`);
  for (const name of parts.keys()) {
    const ext = name.split('.').pop()!.toLowerCase();
    if (!overrides.has(name) && !defaults.has(ext)) faults.push(`no content type for ${name}`);
  }
  for (const [name, text] of parts) {
    if (!name.endsWith('.rels')) continue;
    const source = name.replace(/_rels\/([^/]*)\.rels$/, '$1');
    const ids = new Set<string>();
    for (const [tag] of text.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\sId="([^"]+)"/.exec(tag)![1]!;
      if (ids.has(id)) faults.push(`${name}: ${id} twice`);
      ids.add(id);
      if (/TargetMode="External"/.test(tag)) continue;
      const target = resolve(source, /\sTarget="([^"]+)"/.exec(tag)![1]!);
      if (!parts.has(target)) faults.push(`${name}: ${id} points at missing ${target}`);
    }
    const sourceText = parts.get(source) ?? '';
    for (const [, id] of sourceText.matchAll(/\sr:id="([^"]+)"/g))
      if (!ids.has(id!)) faults.push(`${source}: r:id ${id} not in ${name}`);
  }
  const styles = styleLists(parts.get('xl/styles.xml') ?? '');
  for (const [tag, { count, entries }] of Object.entries(styles)) {
    if (count !== entries.length) faults.push(`styles.xml ${tag} count ${count} ≠ ${entries.length}`);
  }
  const xfs = styles['cellXfs']?.entries ?? [];
  const fills = styles['fills']?.entries.length ?? 0;
  for (const xf of xfs) {
    const fillId = Number(/\sfillId="(\d+)"/.exec(xf)?.[1] ?? 0);
    if (fillId >= fills) faults.push(`xf with fillId ${fillId} of ${fills} fills`);
  }
  for (const [name, text] of parts) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    for (const [, s] of text.matchAll(/<c [^>]*?\ss="(\d+)"/g)) {
      if (Number(s) >= xfs.length) faults.push(`${name}: s="${s}" of ${xfs.length} formats`);
    }
  }
  return faults;
}
