import { extname } from 'node:path';
import type { CheckOptions } from '../core/check';
import type { UnitRegistry } from '../core/units/registry';
import { parseCsv, RegistryError, registryFromRows } from '../core/units/registry';
import { readWorkbookBuffer } from '../hosts/xlsx/read';
import type { CliArgs } from './args';
import { UsageError } from './args';
import { readInputFile } from './files';

export async function checkOptions(args: CliArgs): Promise<CheckOptions> {
  return {
    ...(args.registry === undefined ? {} : { registry: await loadRegistry(args.registry) }),
    ...(args.periodEnd === undefined ? {} : { periodEnd: args.periodEnd }),
  };
}

/**
 * A registry file: .csv, or the first sheet of an .xlsx (order, name, kind, aliases). A registry
 * that cannot be used is unusable input (exit 2), named with the file and the row.
 */
export async function loadRegistry(path: string): Promise<UnitRegistry> {
  try {
    if (extname(path).toLowerCase() === '.csv') {
      return registryFromRows(parseCsv((await readInputFile(path)).toString('utf8')));
    }
    const { snapshot } = await readWorkbookBuffer(await readInputFile(path), path);
    const first = snapshot.sheets[0];
    if (!first) throw new UsageError(`${path}: tệp danh mục không có trang tính (the registry file has no sheet)`);
    return registryFromRows(
      first.values.map((row) => row.map((v) => (typeof v === 'string' || typeof v === 'number' ? v : null))),
    );
  } catch (error) {
    if (error instanceof RegistryError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}
