import { builtinReport } from '../core/definition';
import { definitionRegistry } from '../core/definition/in-force';
import { unitWorkbookDraft } from '../core/merge/template';
import { defaultRegistry } from '../core/units/registry';
import { writeDraftFile } from '../hosts/xlsx/draft';
import type { CommandRunner } from './io';
import { checkOptions } from './options';

/**
 * `soat template --out UNIT_TEMPLATE.xlsx [--definition REPORT.json] [--registry UNITS]`: the
 * blank unit workbook a consolidator sends out, carrying its report and unit list.
 */
export const template: CommandRunner = async (args, io) => {
  const { report = builtinReport, registry } = await checkOptions(args);
  const units = registry ?? definitionRegistry(report) ?? defaultRegistry;
  await writeDraftFile(unitWorkbookDraft(report, units, args.lang), args.out!);
  io.stdout(
    args.lang === 'vi'
      ? `Đã tạo mẫu báo cáo đơn vị: ${report.title.vi} · ${units.units.length} đơn vị.\n→ ${args.out}\n`
      : `Unit template written: ${report.title.en} · ${units.units.length} units.\n→ ${args.out}\n`,
  );
  return 0;
};
