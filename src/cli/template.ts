import { unitTemplateDraft } from '../core/merge/template';
import { draftToXlsx } from '../hosts/xlsx/draft';
import { writeOutputFile } from './files';
import type { CommandRunner } from './io';
import { printable } from './terminal';

/** `soat template --out UNIT_TEMPLATE.xlsx`: the blank unit workbook a consolidator sends out. */
export const template: CommandRunner = async (args, io) => {
  await writeOutputFile(args.out!, await draftToXlsx(unitTemplateDraft(args.lang)));
  io.stdout(
    args.lang === 'vi'
      ? `Đã tạo mẫu báo cáo đơn vị.\n→ ${printable(args.out!)}\n`
      : `Unit template written.\n→ ${printable(args.out!)}\n`,
  );
  return 0;
};
