import type { WorkbookSnapshot } from '../snapshot';
import type { Report } from '../templates/appendix';
import type { UnitRegistry } from '../units/registry';
import { defaultRegistry, registryFromUnits } from '../units/registry';
import { findRegistrySheet, registryFromSheet } from '../units/sheet';
import { builtinReport } from './builtin';
import { carriedDefinition } from './carried';

/**
 * Which report and which unit list a workbook is checked against, most specific first: what the
 * user gave (`--definition`, `--registry`, the pane's choice), then what the workbook carries (the
 * definition of the template it was made from, its "Danh mục đơn vị" sheet), then the
 * definition's own `units`, then the built-in report and its units.
 */

export type ReportSource = 'given' | 'workbook' | 'built-in';
export type RegistrySource = 'given' | 'sheet' | 'definition' | 'built-in';

export interface InForce {
  readonly report: Report;
  readonly reportSource: ReportSource;
  readonly registry: UnitRegistry;
  readonly registrySource: RegistrySource;
}

export interface Given {
  readonly report?: Report;
  readonly registry?: UnitRegistry;
}

/** The unit list of a "Danh mục đơn vị" sheet, if the workbook has one. */
export function sheetRegistry(workbook: WorkbookSnapshot): UnitRegistry | undefined {
  const sheet = findRegistrySheet(workbook);
  return sheet && registryFromSheet(sheet);
}

/** The unit list a definition brings in its `units`. */
export function definitionRegistry(report: Report): UnitRegistry | undefined {
  return report.units ? registryFromUnits(report.units) : undefined;
}

/** Registries are immutable: read a definition's units once however often it is used. */
const fromDefinition = new WeakMap<Report, UnitRegistry | undefined>();

function cachedDefinitionRegistry(report: Report): UnitRegistry | undefined {
  if (!fromDefinition.has(report)) fromDefinition.set(report, definitionRegistry(report));
  return fromDefinition.get(report);
}

export function inForce(workbook: WorkbookSnapshot, given: Given = {}): InForce {
  const carried = given.report ? undefined : carriedDefinition(workbook);
  const report = given.report ?? carried ?? builtinReport;
  const reportSource: ReportSource = given.report ? 'given' : carried ? 'workbook' : 'built-in';
  if (given.registry) return { report, reportSource, registry: given.registry, registrySource: 'given' };
  const sheet = sheetRegistry(workbook);
  if (sheet) return { report, reportSource, registry: sheet, registrySource: 'sheet' };
  const own = cachedDefinitionRegistry(report);
  if (own) return { report, reportSource, registry: own, registrySource: 'definition' };
  return { report, reportSource, registry: defaultRegistry, registrySource: 'built-in' };
}
