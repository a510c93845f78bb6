import { carriedDefinitionText, definitionSheetName } from '../definition/carried';
import type { InForce } from '../definition/in-force';
import { inForce } from '../definition/in-force';
import type { Report } from '../templates/appendix';
import type { UnitRegistry } from '../units/registry';
import { findRegistrySheet } from '../units/sheet';
import type { MergeInput } from './inputs';
import { sortInputs } from './inputs';

/**
 * The report and unit list of the whole batch: what the consolidator gave, else what the first
 * unit file (in path order) carries from the template it was made from, else the built-in ones.
 */
export function mergeInForce(
  inputs: readonly MergeInput[],
  options: { readonly report?: Report; readonly registry?: UnitRegistry },
): InForce {
  const snapshots = sortInputs(inputs).flatMap((i) => ('snapshot' in i ? [i.snapshot] : []));
  // The first file carrying a definition and the first with a unit list sheet stand for the batch.
  const carrier = snapshots.find((s) => carriedDefinitionText(s) !== undefined);
  const definitionSheet = carrier?.sheets.find((s) => s.name === definitionSheetName);
  const registrySheet = snapshots.map(findRegistrySheet).find((sheet) => sheet !== undefined);
  const sheets = [definitionSheet, registrySheet].filter((sheet) => sheet !== undefined);
  return inForce(carrier?.file === undefined ? { sheets } : { file: carrier.file, sheets }, {
    ...(options.report ? { report: options.report } : {}),
    ...(options.registry ? { registry: options.registry } : {}),
  });
}
