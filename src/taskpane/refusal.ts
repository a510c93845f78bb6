import type { Lang } from '../core/report/finding';

/**
 * A request the pane turns down with nothing written (a unit list sheet that exists already, a
 * workbook with no definition in it): a message in each language, `message` holding both.
 */
export class PaneRefusal extends Error {
  override readonly name = 'PaneRefusal';

  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${vi} / ${en}`);
  }

  text(lang: Lang): string {
    return lang === 'vi' ? this.vi : this.en;
  }
}

export function registrySheetExists(name: string): PaneRefusal {
  return new PaneRefusal(
    `Sổ tính đã có trang "${name}"; Soát không ghi đè. Hãy sửa trực tiếp trang đó.`,
    `The workbook already has a "${name}" sheet; Soát does not overwrite it. Edit that sheet instead.`,
  );
}

export function noCarriedDefinition(file: string): PaneRefusal {
  return new PaneRefusal(
    `Tệp ${file} không mang mẫu báo cáo nào (không có trang _soat_mau).`,
    `${file} carries no report definition (no _soat_mau sheet).`,
  );
}
