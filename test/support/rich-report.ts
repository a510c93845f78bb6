import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addCharts } from '../../src/hosts/xlsx/draft-chart';

/**
 * A report as a reviewer's Excel leaves it, built from a seed workbook: a chart with its drawing,
 * eight data validations, a rich-text note holding an old Soát block with a human reply under it,
 * a threaded comment with its legacy note, and cells holding `_x000D_`/`_x001B_` escapes and raw
 * control characters. Everything Soát did not create, for the tests that it survives `--out`.
 */

export const sheetName = 'Phụ lục 2';
export const richNoteCell = 'F18';
export const threadCell = 'B20';

export const humanRuns = [
  { font: { bold: true, size: 9, name: 'Tahoma' }, text: 'Chị Lan:' },
  { font: { size: 9, name: 'Tahoma' }, text: ' đã hỏi lại đơn vị\n\n' },
  { font: { size: 9, color: { argb: 'FF0000FF' } }, text: '— Soát —\n[Lỗi] một lời cũ\n— hết Soát —' },
  { font: { italic: true, size: 9, name: 'Tahoma' }, text: '\n\nAnh Minh: đơn vị đã gửi lại số liệu' },
];

const threadLegacyText =
  '[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    Đã đối chiếu với bản giấy';

const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cells written straight into the sheet XML: escapes and raw control characters ExcelJS would not keep. */
export const controlCells: Record<string, string> = {
  Z5: '<c r="Z5" t="inlineStr"><is><t>dòng_x000D_một_x001B_[31m</t></is></c>',
  Z6: '<c r="Z6" t="inlineStr"><is><t xml:space="preserve">thô\r\nCR\ttab </t></is></c>',
  Z7: '<c r="Z7" t="s"><v>__SST__</v></c>',
};

function validations(): string {
  const ranges = ['C5:C40', 'D5:D40', 'E5:E40', 'F5:F40', 'G5:G40', 'H5:H40', 'I5:I40', 'J5:J40'];
  const rules = ranges.map(
    (range, i) =>
      `<dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" errorTitle="Soát" error="Quy tắc ${i + 1}" sqref="${range}"><formula1>0</formula1></dataValidation>`,
  );
  return `<dataValidations count="8">${rules.join('')}</dataValidations>`;
}

async function partName(zip: JSZip, sheet: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target =
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Puts `cell` at the end of row `row` of the sheet XML. */
function appendCell(sheet: string, row: number, cell: string): string {
  const rowPattern = new RegExp(`(<row r="${row}"[^>]*?)(/>|>([\\s\\S]*?)</row>)`);
  return sheet.replace(rowPattern, (_, open: string, rest: string, inner: string | undefined) =>
    rest === '/>' ? `${open}>${cell}</row>` : `${open}>${inner ?? ''}${cell}</row>`,
  );
}

export async function richReport(seed: Uint8Array): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(seed as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(sheetName)!;
  sheet.getCell(richNoteCell).note = { texts: humanRuns } as ExcelJS.Comment;
  sheet.getCell(threadCell).note = threadLegacyText;
  const written = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const charted = await addCharts(written, {
    sheets: [
      {
        name: sheetName,
        rows: [],
        charts: [
          {
            kind: 'bar',
            title: 'Tỷ lệ',
            categories: 'B5:B10',
            values: 'Q5:Q10',
            seriesName: 'Tỷ lệ',
            anchor: { cell: 'S5', columns: 6, rows: 12 },
          },
        ],
      },
    ],
  });
  const zip = await JSZip.loadAsync(charted);
  const part = await partName(zip, sheetName);

  const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
  const count = (sst.match(/<si>/g) ?? []).length;
  zip.file(
    'xl/sharedStrings.xml',
    sst
      .replace(/uniqueCount="\d+"/, `uniqueCount="${count + 1}"`)
      .replace('</sst>', '<si><t>mã thoát _x001B_ và _x005F_x0041_</t></si></sst>'),
  );

  let xml = await zip.file(part)!.async('string');
  xml = appendCell(xml, 5, controlCells['Z5']!);
  xml = appendCell(xml, 6, controlCells['Z6']!);
  xml = appendCell(xml, 7, controlCells['Z7']!.replace('__SST__', String(count)));
  xml = xml.replace('<pageMargins', `${validations()}<pageMargins`);
  const rels = part.replace(/([^/]+)$/, '_rels/$1.rels');
  zip.file(
    rels,
    (await zip.file(rels)!.async('string')).replace(
      '</Relationships>',
      '<Relationship Id="rIdThread" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>',
    ),
  );
  zip.file(part, xml);
  zip.file(
    'xl/threadedComments/threadedComment1.xml',
    `${head}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><threadedComment ref="${threadCell}" dT="2024-10-02T08:15:00.00" personId="{6B1C2C7E-0000-4000-8000-000000000001}" id="{0A5E2D51-0000-4000-8000-000000000001}"><text>Đã đối chiếu với bản giấy</text></threadedComment></ThreadedComments>`,
  );
  zip.file(
    'xl/persons/person.xml',
    `${head}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="Nguyễn Văn Minh" id="{6B1C2C7E-0000-4000-8000-000000000001}" userId="minh@so.gov.vn" providerId="PeoplePicker"/></personList>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(
      '</Relationships>',
      '<Relationship Id="rIdPerson" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/></Relationships>',
    ),
  );
  zip.file(
    '[Content_Types].xml',
    (await zip.file('[Content_Types].xml')!.async('string')).replace(
      '</Types>',
      '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
        '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
