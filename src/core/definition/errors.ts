/**
 * A report definition that cannot be used: misuse, not a finding, so it throws, before any
 * workbook is read. The message names the definition (its file) and the field, as a JSON path.
 */
export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';

  constructor(
    /** The file or place the definition came from ("mau-bao-cao.json", "built-in"). */
    readonly source: string,
    /** The field, e.g. `appendices[1].columns[6].ratio.part`; "" for the whole definition. */
    readonly field: string,
    readonly vi: string,
    readonly en: string,
  ) {
    const at = field === '' ? '' : `, ${field}`;
    super(`Mẫu báo cáo ${source}${at}: ${vi} (report definition ${source}${at}: ${en})`);
  }
}
