import type { SoatRecord } from '../../../core/annotate';
import { recordSheetName, recordToRows } from '../../../core/annotate';
import type { PackageParts } from './parts';
import { addOverride, addRelationship, relationType, removePart, removeRelationship } from './relationships';
import { valueCell } from './cell-xml';
import type { WorkbookParts } from './workbook';
import { attribute, escapeXml } from './xml-text';

/**
 * The very hidden "_soat" sheet that records original fills, written as a part of its own:
 * replaced when the input had one, added at the end of the workbook's sheets otherwise, and
 * removed with its entry when the record is empty.
 */

const worksheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

function recordXml(record: SoatRecord): string {
  const rows = recordToRows(record)
    .map(([sheet, cell, original], i) => {
      const r = i + 1;
      const cells = [valueCell(`A${r}`, 0, sheet!), valueCell(`B${r}`, 0, cell!)];
      // No fill is an empty cell rather than an empty string.
      if (original !== '') cells.push(valueCell(`C${r}`, 0, original!));
      return `<row r="${r}">${cells.join('')}</row>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetData>${rows}</sheetData></worksheet>`
  );
}

/** Sheet indexes after `removed` move down by one in names and views that count sheets. */
function withoutSheetIndex(workbook: string, removed: number): string {
  return workbook
    .replace(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g, (name) => {
      const local = attribute(name, 'localSheetId');
      if (local === undefined) return name;
      const index = Number(local);
      if (index === removed) return '';
      return index > removed ? name.replace(/localSheetId="\d+"/, `localSheetId="${index - 1}"`) : name;
    })
    .replace(/<workbookView\b[^>]*>/g, (view) =>
      view.replace(/(activeTab|firstSheet)="(\d+)"/g, (whole, key: string, value: string) =>
        Number(value) > removed ? `${key}="${Number(value) - 1}"` : whole,
      ),
    );
}

export async function writeRecordSheet(
  parts: PackageParts,
  workbook: WorkbookParts,
  record: SoatRecord,
): Promise<void> {
  const index = workbook.sheets.findIndex((s) => s.name === recordSheetName);
  const existing = workbook.sheets[index];
  const empty = recordToRows(record).length === 0;
  const workbookXml = (await parts.text(workbook.part)) ?? '';
  if (existing !== undefined && empty) {
    await removePart(parts, existing.part);
    await removeRelationship(parts, workbook.part, existing.relationId);
    await parts.set(workbook.part, withoutSheetIndex(workbookXml.replace(existing.tag, ''), index));
    return;
  }
  if (empty) return;
  if (existing !== undefined) {
    await parts.set(existing.part, recordXml(record));
    return;
  }
  const name = parts.freeName('xl/worksheets/sheet', '.xml');
  await parts.set(name, recordXml(record));
  await addOverride(parts, name, worksheetType);
  const id = await addRelationship(parts, workbook.part, relationType.worksheet, name);
  const sheetIds = [...workbookXml.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const tag = `<sheet name="${escapeXml(recordSheetName)}" sheetId="${Math.max(0, ...sheetIds) + 1}" state="veryHidden" r:id="${id}"/>`;
  await parts.set(workbook.part, workbookXml.replace('</sheets>', `${tag}</sheets>`));
}
