/** CT_Worksheet's last children, in the order the schema requires of them (ECMA-376 Part 1, 18.3.1.99). */
const worksheetTail = [
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

export type WorksheetTailChild = (typeof worksheetTail)[number];

/**
 * A worksheet's XML with `element` (a `<name …/>` child) placed where the schema wants it: after
 * the sheet's data, before the first child that must follow it, else last. Excel refuses a file
 * whose children are out of order.
 */
export function withWorksheetChild(sheet: string, name: WorksheetTailChild, element: string): string {
  const later = worksheetTail.slice(worksheetTail.indexOf(name) + 1);
  const names = later.length > 0 ? `<(?:${later.join('|')})(?=[\\s/>])|` : '';
  const next = new RegExp(`${names}</worksheet>`, 'g');
  next.lastIndex = Math.max(0, sheet.lastIndexOf('</sheetData>'));
  const at = next.exec(sheet)?.index ?? sheet.length;
  return `${sheet.slice(0, at)}${element}${sheet.slice(at)}`;
}
