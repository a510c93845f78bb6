import { checkWorkbook } from '../../../src/core/check';
import { soatMarker } from '../../../src/core/report/annotation';
import { annotationPlan } from '../../../src/core/report/annotations';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import type { OfficeApi } from '../../../src/hosts/excel/api';
import { ExcelHost } from '../../../src/hosts/excel/host';
import { FakeExcel, WorkbookModel } from '../../support/fake-excel';
import { RichApiServer, serveExcel } from '../../support/rich-api/server';
import { pl2Header, pl2Row } from '../../support/grids';

/**
 * Soát's explanations on a sheet whose name reads as a cell reference ("PL2", as units shorten
 * "Phụ lục 2"): an address "PL2!E2" is not one Excel accepts, so the cell is handed over as a Range.
 */

const sheetName = 'PL2';
const human = 'Anh Minh: số liệu đã đối chiếu với bản giấy';
/** F2 exceeds its total E2 (SPEC.md's example); D3 holds a range, "2-3". */
const book: WorkbookSnapshot = {
  sheets: [
    {
      name: sheetName,
      values: [
        pl2Header,
        pl2Row(1, 'Sở Tư pháp', { E: 1, F: 4, G: 100, H: 0, I: 0 }),
        pl2Row(2, 'Sở Nội vụ', { D: '2-3' }),
      ],
    },
  ],
};

function findingCells(): string[] {
  return [...new Set(checkWorkbook(book).findings.map((f) => f.cell))].sort();
}

async function validate(api: OfficeApi): Promise<void> {
  const host = new ExcelHost(api);
  await host.applyPlan(annotationPlan(checkWorkbook(await host.readSnapshot()).findings, 'vi'));
}

/** A human's thread on F2, written before Soát ran. */
function withHumanThread(model: WorkbookModel): WorkbookModel {
  model.comments.push({
    id: model.newId(),
    sheet: sheetName,
    cell: 'F2',
    content: human,
    authorName: 'Reviewer',
    replies: [],
  });
  return model;
}

function expectMarked(notes: Record<string, string>): void {
  expect(findingCells()).toEqual(['D3', 'F2']);
  expect(Object.keys(notes).sort()).toEqual(findingCells());
  for (const [cell, text] of Object.entries(notes)) expect([cell, text.includes(soatMarker)]).toEqual([cell, true]);
  expect(notes['F2']!.startsWith(`${human}\n\n${soatMarker}`)).toBe(true);
}

test('the fake Excel, like Excel, refuses the address "PL2!F2" and takes a Range', async () => {
  const excel = new FakeExcel(WorkbookModel.fromSnapshot(book), '1.10');
  await excel.run({}, async (context) => {
    context.workbook.comments.add('PL2!F2', 'x');
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    context.workbook.comments.add("'PL2'!F2", 'quoted');
    context.workbook.comments.add(context.workbook.worksheets.getItem(sheetName).getRange('E2'), 'range');
    await context.sync();
  });
  expect(excel.notes(sheetName)).toEqual({ F2: 'quoted', E2: 'range' });
});

test('threaded comments (ExcelApi 1.10) on sheet PL2: a thread per cell, a reply in the human thread', async () => {
  const excel = new FakeExcel(withHumanThread(WorkbookModel.fromSnapshot(book)), '1.10');
  await validate(excel.api());
  expectMarked(excel.notes(sheetName));
  const human2 = excel.book.comments.find((c) => c.cell === 'F2')!;
  expect([human2.content, human2.authorName, human2.replies.length]).toEqual([human, 'Reviewer', 1]);
});

test("through Microsoft's client library, on sheet PL2 with a human thread", async () => {
  const server = new RichApiServer(withHumanThread(WorkbookModel.fromSnapshot(book)));
  await validate(serveExcel(server, '1.10').api);
  expectMarked(new FakeExcel(server.book, '1.10').notes(sheetName));
});

test('notes (ExcelApi 1.18) on sheet PL2: the human note keeps its words, Soát adds its block', async () => {
  const model = WorkbookModel.fromSnapshot({ sheets: [{ ...book.sheets[0]!, notes: { F2: human } }] });
  const excel = new FakeExcel(model, '1.18');
  await validate(excel.api());
  expectMarked(excel.notes(sheetName));
});
