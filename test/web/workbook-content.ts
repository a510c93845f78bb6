import * as ExcelJS from 'exceljs';

/**
 * What a written workbook holds, read back with ExcelJS, for comparing two writers' files:
 * sheet names and states, and per cell its value or formula, fill and note. Package details
 * (zip order, timestamps, style ids) are left out: they differ between equal files.
 */
export interface WorkbookContent {
  readonly sheets: readonly { readonly name: string; readonly state: string }[];
  readonly cells: Readonly<Record<string, string>>;
}

function noteText(note: ExcelJS.Cell['note']): string | undefined {
  if (note === undefined) return undefined;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

export async function workbookContent(bytes: Uint8Array): Promise<WorkbookContent> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const cells: Record<string, string> = {};
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const fill = cell.fill?.type === 'pattern' ? (cell.fill.fgColor?.argb ?? cell.fill.pattern) : cell.fill?.type;
        const content = {
          value: cell.formula === undefined ? cell.value : undefined,
          formula: cell.formula,
          fill,
          note: noteText(cell.note),
        };
        if (Object.values(content).some((v) => v !== undefined && v !== null))
          cells[`${sheet.name}!${cell.address}`] = JSON.stringify(content);
      }),
    );
  });
  return { sheets: workbook.worksheets.map((s) => ({ name: s.name, state: s.state })), cells };
}
