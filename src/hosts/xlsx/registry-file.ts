import type { UnitRegistry } from '../../core/units/registry';
import { parseCsv, registryFromRows } from '../../core/units/registry';
import { findRegistrySheet, registryFromSheet } from '../../core/units/sheet';
import { extensionOf } from './file-names';
import { readSnapshotBuffer } from './lean/read';

/**
 * A unit list from a file's bytes: .csv, or an .xlsx (order, name, kind, aliases) whose "Danh mục
 * đơn vị" sheet (a template made by Soát has one), else its first sheet, holds it; undefined for
 * a workbook without sheets. Throws RegistryError naming the row, WorkbookReadError for no workbook.
 */
export async function registryOfBytes(name: string, bytes: Uint8Array): Promise<UnitRegistry | undefined> {
  if (extensionOf(name) === '.csv') {
    return registryFromRows(parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)));
  }
  const snapshot = readSnapshotBuffer(bytes, name);
  const sheet = findRegistrySheet(snapshot) ?? snapshot.sheets[0];
  return sheet && registryFromSheet(sheet);
}
