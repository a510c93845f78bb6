import { unitTemplateDraft } from '../core/merge/template';
import { writeDraftFile } from '../hosts/xlsx/draft';
import type { CommandRunner } from './io';
import { printable } from './terminal';

/** `soat template --out UNIT_TEMPLATE.xlsx`: the blank unit workbook a consolidator sends out. */
export const template: CommandRunner = async (args, io) => {
  await writeDraftFile(unitTemplateDraft(args.lang), args.out!);
  io.stdout(
    args.lang === 'vi'
      ? `Đã tạo mẫu báo cáo đơn vị.\n→ ${printable(args.out!)}\n`
      : `Unit template written.\n→ ${printable(args.out!)}\n`,
  );
  return 0;
};
