import type { PackageParts } from './parts';
import { attribute, escapeXml } from './xml-text';

/** Relationships of a part (its `_rels/*.rels`) and the package's content types, edited in place. */

export const relationType = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
} as const;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part's full name in the package. */
  readonly part: string;
}

/** The name of the part that holds `part`'s relationships. */
export function relsName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relative target resolved against the folder of the part it is from. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const path = from.split('/').slice(0, -1);
  for (const step of target.split('/')) {
    if (step === '..') path.pop();
    else if (step !== '.') path.push(step);
  }
  return path.join('/');
}

/** `to` as a target relative to the folder of `from`. */
function relativeTarget(from: string, to: string): string {
  const base = from.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common]) common++;
  return [...base.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

const relationshipTag = /<Relationship\b[^>]*>/g;

export async function relationships(parts: PackageParts, from: string): Promise<Relationship[]> {
  const xml = await parts.text(relsName(from));
  if (xml === undefined) return [];
  const found: Relationship[] = [];
  for (const [tag] of xml.matchAll(relationshipTag)) {
    const id = attribute(tag, 'Id');
    const type = attribute(tag, 'Type');
    const target = attribute(tag, 'Target');
    if (id === undefined || type === undefined || target === undefined) continue;
    if (attribute(tag, 'TargetMode') === 'External') continue;
    found.push({ id, type, part: resolveTarget(from, target) });
  }
  return found;
}

/** Adds a relationship from `from` to `to` under a fresh id, which it returns. */
export async function addRelationship(parts: PackageParts, from: string, type: string, to: string): Promise<string> {
  const name = relsName(from);
  const xml =
    (await parts.text(name)) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const used = new Set([...xml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const tag = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(from, to))}"/>`;
  const closed = /<Relationships\b[^>]*\/>/.exec(xml);
  await parts.set(
    name,
    closed !== null
      ? xml.replace(closed[0], `${closed[0].slice(0, -2)}>${tag}</Relationships>`)
      : xml.replace('</Relationships>', `${tag}</Relationships>`),
  );
  return id;
}

/** Removes a relationship; a relationships part left with none is removed too. */
export async function removeRelationship(parts: PackageParts, from: string, id: string): Promise<void> {
  const name = relsName(from);
  const xml = await parts.text(name);
  if (xml === undefined) return;
  const kept = xml.replace(relationshipTag, (tag) => (attribute(tag, 'Id') === id ? '' : tag));
  if (/<Relationship\b/.test(kept)) await parts.set(name, kept);
  else parts.remove(name);
}

const contentTypesName = '[Content_Types].xml';

/** Declares the content type of a new part. */
export async function addOverride(parts: PackageParts, part: string, contentType: string): Promise<void> {
  const xml = (await parts.text(contentTypesName)) ?? '';
  if (xml.includes(`PartName="/${part}"`)) return;
  await parts.set(
    contentTypesName,
    xml.replace('</Types>', `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/></Types>`),
  );
}

/** Declares the content type of every part with this extension, unless it is declared already. */
export async function addDefault(parts: PackageParts, extension: string, contentType: string): Promise<void> {
  const xml = (await parts.text(contentTypesName)) ?? '';
  if (new RegExp(`<Default\\s[^>]*Extension="${extension}"`, 'i').test(xml)) return;
  await parts.set(
    contentTypesName,
    xml.replace(/<Types\b[^>]*>/, (open) => `${open}<Default Extension="${extension}" ContentType="${contentType}"/>`),
  );
}

/** Removes a part, its relationships part and its content type. */
export async function removePart(parts: PackageParts, part: string): Promise<void> {
  parts.remove(part);
  if (parts.has(relsName(part))) parts.remove(relsName(part));
  const xml = await parts.text(contentTypesName);
  if (xml === undefined) return;
  await parts.set(
    contentTypesName,
    xml.replace(/<Override\b[^>]*\/>/g, (tag) => (attribute(tag, 'PartName') === `/${part}` ? '' : tag)),
  );
}
