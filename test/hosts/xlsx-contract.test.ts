import * as ExcelJS from 'exceljs';
import { XlsxHost } from '../../src/hosts/xlsx/host';
import { readWorkbookSnapshot } from '../../src/hosts/xlsx/snapshot';
import { hostContract } from './contract';

/** The .xlsx host under the same contract as the Excel host (test/hosts/excel/contract.test.ts). */
hostContract({
  name: 'XlsxHost',
  open: (snapshot) => {
    const workbook = new ExcelJS.Workbook();
    for (const s of snapshot.sheets) {
      const sheet = workbook.addWorksheet(s.name);
      s.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null) return;
          const cell = sheet.getCell(r + 1, c + 1);
          const formula = s.formulas?.[r]?.[c];
          cell.value = formula !== undefined ? { formula, result: value as number } : (value as ExcelJS.CellValue);
          const numFmt = s.numberFormats?.[r]?.[c];
          if (numFmt !== undefined) cell.numFmt = numFmt;
        }),
      );
      for (const m of s.merges ?? []) sheet.mergeCells(m.top, m.left, m.bottom, m.right);
      for (const [cell, note] of Object.entries(s.notes ?? {})) sheet.getCell(cell).note = note;
      for (const [cell, argb] of Object.entries(s.fills ?? {}))
        sheet.getCell(cell).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
    }
    const read = (name: string) => readWorkbookSnapshot(workbook).sheets.find((s) => s.name === name);
    return Promise.resolve({
      host: new XlsxHost(workbook),
      fills: (name) => Promise.resolve({ ...read(name)?.fills }),
      notes: (name) => Promise.resolve({ ...read(name)?.notes }),
      values: (name) => {
        const out: Record<string, unknown> = {};
        const sheet = workbook.getWorksheet(name)!;
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Merge) return;
            out[cell.address] = cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : cell.value;
          }),
        );
        return Promise.resolve(out);
      },
    });
  },
});
