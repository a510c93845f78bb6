import { readWorkbookBuffer } from '../../../src/hosts/xlsx/read';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { mergeRanges, rowValues, seedFile, seedText, sheetOf } from './seed';

/**
 * The generated seed-report.xlsx read back through the host: every table line of the seed text
 * is in its row, numbers as numbers, the unit's texts as typed, the repeated headers where Word
 * put them. Expected values come from the raw text here, not from the generator's parser.
 */

const lines = seedText.split('\n');

/** Table lines of one appendix, in order: lines from "PHỤ LỤC n" to the next heading that hold a tab. */
function tableLines(n: number): { number: number; fields: string[] }[] {
  const start = lines.findIndex((l) => l.startsWith(`PHỤ LỤC ${n}`));
  const end = lines.findIndex((l, i) => i > start && /^PHỤ LỤC \d/.test(l));
  return lines
    .slice(start, end === -1 ? undefined : end)
    .map((text, i) => ({ number: start + i + 1, text }))
    .filter((l) => l.text.includes('\t'))
    .map((l) => ({ number: l.number, fields: l.text.split('\t') }));
}

function isHeaderLine(number: number, fields: string[]): boolean {
  return /^S ?T ?T$/.test(fields[0] ?? '') || number === 60; // line 60: PL2's lower header row
}

function expectedCell(field: string, header: boolean, textOnly: boolean): CellValue {
  if (field === '') return null;
  if (!header && !textOnly && /^\d+(\.\d+)?$/.test(field)) return Number(field);
  return field;
}

let snapshot: WorkbookSnapshot;
beforeAll(async () => {
  snapshot = (await readWorkbookBuffer(await seedFile('seed-report.xlsx'), 'seed-report.xlsx')).snapshot;
});

test('the three appendices, in order', () => {
  expect(snapshot.file).toBe('seed-report.xlsx');
  expect(snapshot.sheets.map((s) => s.name)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3']);
});

describe.each([
  [1, 'Phụ lục 1', 3, 4],
  [2, 'Phụ lục 2', 17, 4],
  [3, 'Phụ lục 3', 4, 4],
])('Phụ lục %i', (n, name, width, firstTableRow) => {
  test('every table line of the seed is one row, in order, from the header on', () => {
    const sheet = sheetOf(snapshot, name);
    const expected = tableLines(n).map(({ number, fields }) =>
      fields.map((f, i) => expectedCell(f, isHeaderLine(number, fields), n === 3 && i === 3)),
    );
    const actual = expected.map((_, i) => rowValues(sheet, firstTableRow + i, width));
    expect(actual).toEqual(expected.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null)));
  });

  test('the title lines sit above the table, merged across it, a blank row before the header', () => {
    const sheet = sheetOf(snapshot, name);
    expect(rowValues(sheet, 1, 1)).toEqual([`PHỤ LỤC ${n}`]);
    expect(rowValues(sheet, 3, width)).toEqual(Array(width).fill(null));
    const last = String.fromCharCode(64 + width);
    expect(mergeRanges(sheet)).toEqual(expect.arrayContaining([`A1:${last}1`, `A2:${last}2`]));
  });
});

test('Phụ lục 1: title split from its heading, sections as rows, the header repeated at row 42', () => {
  const pl1 = sheetOf(snapshot, 'Phụ lục 1');
  expect(rowValues(pl1, 2, 1)).toEqual(['DANH SÁCH CÁC ĐƠN VỊ THỰC HIỆN BÁO CÁO 9T/2024 VỀ KH 197/KH-UBND']);
  expect(rowValues(pl1, 5, 3)).toEqual(['I.', 'Các đơn vị đã gửi báo cáo', null]);
  expect(rowValues(pl1, 25, 3)).toEqual([20, 'Cục Hải quan thành phố', 'x']);
  expect(rowValues(pl1, 42, 3)).toEqual(['STT', 'Tên đơn vị', 'Thiếu phụ lục số liệu']);
  expect(rowValues(pl1, 48, 3)).toEqual(['II', 'Các đơn vị chưa gửi báo cáo', null]);
  expect(rowValues(pl1, 52, 3)).toEqual([4, 'Hiệp hội DNNVV Hải Phòng', null]);
  expect(pl1.values).toHaveLength(52);
});

describe('Phụ lục 2', () => {
  test('two-row header merged as in the Word table, title and footnote merged across A:Q', () => {
    expect(mergeRanges(sheetOf(snapshot, 'Phụ lục 2'))).toEqual(
      [
        'A1:Q1',
        'A2:Q2',
        'A37:Q37',
        'A4:A5',
        'B4:B5',
        'C4:D4',
        'E4:I4',
        'J4:J5',
        'K4:K5',
        'L4:M4',
        'N4:N5',
        'O4:O5',
        'P4:P5',
        'Q4:Q5',
      ].sort(),
    );
  });

  test('header texts in the top-left cell of each merge, sub-headers in row 5', () => {
    const pl2 = sheetOf(snapshot, 'Phụ lục 2');
    const row4 = rowValues(pl2, 4, 17);
    expect(row4.slice(0, 5)).toEqual([
      'ST T',
      'Tên đơn vị',
      'Thực hiện thủ tục hành chính',
      null,
      'Thực hiện dịch vụ hành chính công trực tuyến',
    ]);
    expect(row4[11]).toBe('Phòng họp trực tuyến');
    expect(rowValues(pl2, 5, 17).slice(11, 13)).toEqual([
      'Đã có phòng họp trực tuyến',
      'Số lượng phòng họp trực tuyến',
    ]);
  });

  test('the page break repeats one header row at row 21, with the seed’s typos', () => {
    const repeated = rowValues(sheetOf(snapshot, 'Phụ lục 2'), 21, 17);
    expect(repeated[0]).toBe('ST T');
    expect(repeated[10]).toBe('va doanh nghiệp nộp được hồ sơ hợp lệ ngay từ lần nộp đầu tiên (%)');
    expect(repeated[11]).toBe('Đã có phòng hợp trực tuyến');
    expect(repeated[14]).toBe('Thành phần đã sử dụng hình thức trả lời trực tuyến bằng AI');
  });

  test('numbers are numbers; what is not a plain number stays as the unit typed it', () => {
    const pl2 = sheetOf(snapshot, 'Phụ lục 2');
    expect(rowValues(pl2, 6, 17)).toEqual([
      1,
      'Sở Kế hoạch và Đầu tư',
      66,
      1.5,
      49,
      49,
      100,
      0,
      0,
      100,
      null,
      'x',
      2,
      'x',
      'x',
      'x',
      null,
    ]);
    expect(rowValues(pl2, 10, 4)).toEqual([5, 'Sở Văn hóa và Thể thao', 13, '1,5']);
    expect(rowValues(pl2, 16, 4)).toEqual([11, 'Sở Giáo dục và Đào tạo', 10, '2-3']);
    expect(rowValues(pl2, 22, 11)[10]).toBe('86-99');
    expect(rowValues(pl2, 35, 2)).toEqual([32, 'UBND quận Ngô Quyền']);
  });

  test('the footnote after a blank row', () => {
    const pl2 = sheetOf(snapshot, 'Phụ lục 2');
    expect(rowValues(pl2, 36, 17)).toEqual(Array(17).fill(null));
    expect(String(rowValues(pl2, 37, 1)[0])).toMatch(/^Ghi chú: dấu \(\*\) đơn vị không đánh dấu \(x\)/);
    expect(pl2.values).toHaveLength(37);
  });
});

test('Phụ lục 3: continuation rows blank, dates text as typed, headers repeated at rows 23 and 42', () => {
  const pl3 = sheetOf(snapshot, 'Phụ lục 3');
  expect(rowValues(pl3, 5, 4)).toEqual([
    1,
    'Sở Kế hoạch và Đầu tư',
    '1. Mô hình "Hỗ trợ đăng ký doanh nghiệp"',
    '7/1/2020',
  ]);
  expect(rowValues(pl3, 6, 4)).toEqual([
    null,
    null,
    expect.stringMatching(/^2\. Mô hình "Hỗ trợ doanh nghiệp FDI/),
    'T10/2022',
  ]);
  expect(rowValues(pl3, 17, 4)[3]).toBe('2023'); // a year typed alone stays text too
  expect(rowValues(pl3, 23, 1)).toEqual(['STT']);
  expect(rowValues(pl3, 42, 1)).toEqual(['STT']);
  expect(rowValues(pl3, 38, 4)[3]).toBe('3/18/2023');
  expect(rowValues(pl3, 55, 4)).toEqual([
    25,
    'Ủy ban nhân dân quận Kiến An',
    'Hỗ trợ công dân thực hiện DVCTT lĩnh vực Đăng ký kinh doanh có điều kiện',
    'T1/2024',
  ]);
  expect(pl3.values).toHaveLength(55);
});

test('a fresh fixture carries no fills and no notes', () => {
  for (const sheet of snapshot.sheets) {
    expect(sheet.fills).toEqual({});
    expect(sheet.notes).toEqual({});
  }
});
