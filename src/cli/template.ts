import { inForce } from '../core/definition';
import { unitWorkbookDraft } from '../core/merge/template';
import { writeOutputFile } from './files';
import type { CommandRunner } from './io';
import { checkOptions } from './options';
import { printable } from './terminal';

/**
 * `soat template --out UNIT_TEMPLATE.xlsx [--definition REPORT.json] [--registry UNITS]`: the
 * blank unit workbook a consolidator sends out, carrying its report and unit list.
 */
export const template: CommandRunner = async (args, io) => {
  // A template starts from no workbook: what is given, else the definition's units, else the built-in ones.
  const { report, registry: units } = inForce({ sheets: [] }, await checkOptions(args));
  const { draftToXlsx } = await import('../hosts/xlsx/draft');
  const { nativeWriting } = await import('../hosts/xlsx/native-writing');
  await writeOutputFile(args.out!, await draftToXlsx(unitWorkbookDraft(report, units, args.lang), nativeWriting));
  io.stdout(
    args.lang === 'vi'
      ? `Đã tạo mẫu báo cáo đơn vị: ${printable(report.title.vi)} · ${units.units.length} đơn vị.\n→ ${printable(args.out!)}\n`
      : `Unit template written: ${printable(report.title.en)} · ${units.units.length} units.\n→ ${printable(args.out!)}\n`,
  );
  return 0;
};
