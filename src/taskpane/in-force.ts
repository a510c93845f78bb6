import type { InForce, RegistrySource, ReportSource } from '../core/definition';
import type { MergeInput } from '../core/merge';
import { mergeInForce } from '../core/merge/in-force';
import type { Lang } from '../core/report/finding';
import type { PaneInForce } from './actions';

/** The report and unit list in force, reduced to what the pane shows. */
export function paneInForce(inForce: InForce, lang: Lang): PaneInForce {
  return {
    title: inForce.report.title[lang],
    reportSource: inForce.reportSource,
    units: inForce.registry.units.length,
    registrySource: inForce.registrySource,
  };
}

const reportFrom: Record<ReportSource, Record<Lang, string>> = {
  'built-in': { vi: 'có sẵn', en: 'built in' },
  workbook: { vi: 'lưu trong sổ tính', en: 'stored in the workbook' },
  given: { vi: 'đã chọn', en: 'chosen' },
};

const unitsFrom: Record<RegistrySource, Record<Lang, string>> = {
  'built-in': { vi: 'danh mục có sẵn', en: 'built-in list' },
  sheet: { vi: 'từ trang Danh mục đơn vị', en: 'from the Danh mục đơn vị sheet' },
  definition: { vi: 'theo mẫu báo cáo', en: "from the report's definition" },
  given: { vi: 'danh mục đã chọn', en: 'chosen list' },
};

/** "Mẫu: Báo cáo 9T/2024 – KH 197/KH-UBND (có sẵn) · 46 đơn vị, danh mục có sẵn" */
export function inForceLine(inForce: PaneInForce, lang: Lang): string {
  const head = lang === 'vi' ? 'Mẫu' : 'Report';
  const units = lang === 'vi' ? 'đơn vị' : 'units';
  return `${head}: ${inForce.title} (${reportFrom[inForce.reportSource][lang]}) · ${inForce.units} ${units}, ${unitsFrom[inForce.registrySource][lang]}`;
}

/**
 * What a merge started from the pane runs against: the definition stored in the open workbook
 * and its "Danh mục đơn vị" sheet when it has them (the consolidator's choice), else what the
 * unit files carry, else the definition's own units and the built-in ones.
 */
export function mergeAgainst(held: InForce, inputs: readonly MergeInput[]): InForce {
  const stored = held.reportSource === 'workbook';
  const sheet = held.registrySource === 'sheet';
  const merged = mergeInForce(inputs, {
    ...(stored ? { report: held.report } : {}),
    ...(sheet ? { registry: held.registry } : {}),
  });
  return {
    ...merged,
    ...(stored ? { reportSource: held.reportSource } : {}),
    ...(sheet ? { registrySource: held.registrySource } : {}),
  };
}
