import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { CheckOptions } from '../core/check';
import { DefinitionError, parseDefinition } from '../core/definition';
import type { Report } from '../core/templates/appendix';
import type { UnitRegistry } from '../core/units/registry';
import { parseCsv, RegistryError, registryFromRows } from '../core/units/registry';
import { findRegistrySheet, registryFromSheet } from '../core/units/sheet';
import { readSnapshotBuffer } from '../hosts/xlsx/lean/read';
import type { CliArgs } from './args';
import { UsageError } from './args';
import { readInputFile } from './files';

/** What the command line gives; read before any workbook, so that a bad definition stops early. */
export async function checkOptions(args: CliArgs): Promise<CheckOptions> {
  return {
    ...(args.definition === undefined ? {} : { report: await loadDefinition(args.definition) }),
    ...(args.registry === undefined ? {} : { registry: await loadRegistry(args.registry) }),
    ...(args.periodEnd === undefined ? {} : { periodEnd: args.periodEnd }),
  };
}

/** A report definition file; a missing or wrong one is unusable input (exit 2), the field named. */
export async function loadDefinition(path: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`${path}: không đọc được tệp mẫu báo cáo (cannot read the report definition)`);
  }
  try {
    return parseDefinition(text, path);
  } catch (error) {
    if (error instanceof DefinitionError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * A registry file: .csv, or an .xlsx (order, name, kind, aliases). A registry
 * that cannot be used is unusable input (exit 2), named with the file and the row.
 */
export async function loadRegistry(path: string): Promise<UnitRegistry> {
  try {
    if (extname(path).toLowerCase() === '.csv') {
      return registryFromRows(parseCsv((await readInputFile(path)).toString('utf8')));
    }
    const snapshot = readSnapshotBuffer(await readInputFile(path), path);
    // Its "Danh mục đơn vị" sheet (a template made by Soát has one), else its first sheet.
    const sheet = findRegistrySheet(snapshot) ?? snapshot.sheets[0];
    if (!sheet) throw new UsageError(`${path}: tệp danh mục không có trang tính (the registry file has no sheet)`);
    return registryFromSheet(sheet);
  } catch (error) {
    if (error instanceof RegistryError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}
