import { withWorksheetChild } from '../../../src/hosts/xlsx/worksheet-order';

describe("a worksheet child placed in the schema's order", () => {
  const data = '<worksheet><sheetData><row r="1"/></sheetData><mergeCells count="0"/>';

  it('goes before the first child that must follow it, never before the sheet data', () => {
    const sheet = `${data}<legacyDrawing r:id="rId2"/><tableParts count="0"/></worksheet>`;
    expect(withWorksheetChild(sheet, 'drawing', '<drawing r:id="rId3"/>')).toBe(
      `${data}<drawing r:id="rId3"/><legacyDrawing r:id="rId2"/><tableParts count="0"/></worksheet>`,
    );
    expect(withWorksheetChild(sheet, 'legacyDrawingHF', '<legacyDrawingHF r:id="rId4"/>')).toBe(
      `${data}<legacyDrawing r:id="rId2"/><legacyDrawingHF r:id="rId4"/><tableParts count="0"/></worksheet>`,
    );
  });

  it('tells legacyDrawing from legacyDrawingHF, and goes last when nothing follows', () => {
    const sheet = `${data}<legacyDrawingHF r:id="rId2"/></worksheet>`;
    expect(withWorksheetChild(sheet, 'legacyDrawing', '<legacyDrawing r:id="rId5"/>')).toBe(
      `${data}<legacyDrawing r:id="rId5"/><legacyDrawingHF r:id="rId2"/></worksheet>`,
    );
    expect(withWorksheetChild(`${data}</worksheet>`, 'extLst', '<extLst/>')).toBe(`${data}<extLst/></worksheet>`);
  });
});
