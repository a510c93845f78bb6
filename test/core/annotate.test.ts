import type { ResolvedSheetEdits, SoatRecord } from '../../src/core/annotate';
import { emptyRecord, recordFromRows, recordToRows, resolveClear, resolvePlan } from '../../src/core/annotate';
import type { EditPlan } from '../../src/core/plan';
import { fillColors } from '../../src/core/plan';
import { soatEndMarker, soatMarker } from '../../src/core/report/annotation';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';

const red = fillColors.error; // FFFFC7CE
const amber = fillColors.warning; // FFFFEB9C
const rowTint = fillColors.row; // FFFDE9D9
const yellow = 'FFFFFF00';
const humanNote = 'Anh Nam: số này lấy từ báo cáo quý III';

function sheet(name: string, marks: Pick<SheetSnapshot, 'notes' | 'fills'>): SheetSnapshot {
  return { name, values: [], notes: {}, fills: {}, ...marks };
}

/** The workbook before Soát: a human note on D5, a yellow fill a reviewer put on D5 and F7. */
const before: WorkbookSnapshot = {
  sheets: [
    sheet('Phụ lục 1', {}),
    sheet('Phụ lục 2', { notes: { D5: humanNote, K9: 'ghi chú khác' }, fills: { D5: yellow, F7: yellow } }),
  ],
};

const plan: EditPlan = {
  sheets: [
    {
      sheet: 'Phụ lục 2',
      fills: [
        { kind: 'row', color: rowTint, cells: ['A5', 'B5', 'D5'] },
        { kind: 'error', color: red, cells: ['D5', 'F7'] },
        { kind: 'warning', color: amber, cells: ['E6'] },
        { kind: 'info', color: fillColors.info, cells: ['B8'] },
      ],
      notes: [
        { cell: 'D5', text: 'Số ngày trung bình viết "1,5" (dấu phẩy thập phân).' },
        { cell: 'E6', text: 'Thiếu tổng số dịch vụ.' },
        { cell: 'B8', text: 'Tên đơn vị viết tắt.' },
      ],
      writes: [],
    },
  ],
};

/** What a host does with the edits, on a copy of the snapshot's notes and fills. */
function applied(snapshot: WorkbookSnapshot, edits: readonly ResolvedSheetEdits[]): WorkbookSnapshot {
  return {
    sheets: snapshot.sheets.map((s) => {
      const notes: Record<string, string> = { ...s.notes };
      const fills: Record<string, string> = { ...s.fills };
      for (const e of edits.filter((x) => x.sheet === s.name)) {
        for (const group of e.fills) {
          for (const cell of group.cells) {
            if (group.color === null) delete fills[cell];
            else fills[cell] = group.color;
          }
        }
        for (const { cell, text } of e.notes) {
          if (text === null) delete notes[cell];
          else notes[cell] = text;
        }
      }
      return { ...s, notes, fills };
    }),
  };
}

const firstRun = resolvePlan(before, emptyRecord, plan);
const afterFirst = applied(before, firstRun.edits);

describe('resolvePlan, first run', () => {
  test('paints each colour group once, strongest colour winning, info not painted', () => {
    expect(firstRun.edits).toEqual([
      {
        sheet: 'Phụ lục 2',
        fills: [
          { color: rowTint, cells: ['A5', 'B5'] },
          { color: red, cells: ['D5', 'F7'] },
          { color: amber, cells: ['E6'] },
        ],
        notes: [
          {
            cell: 'D5',
            text: `${humanNote}\n\n${soatMarker}\nSố ngày trung bình viết "1,5" (dấu phẩy thập phân).\n${soatEndMarker}`,
          },
          { cell: 'E6', text: `${soatMarker}\nThiếu tổng số dịch vụ.\n${soatEndMarker}` },
          { cell: 'B8', text: `${soatMarker}\nTên đơn vị viết tắt.\n${soatEndMarker}` },
        ],
        writes: [],
      },
    ]);
  });

  test('records the fill each painted cell had, yellow included', () => {
    expect(firstRun.record).toEqual({
      fills: { 'Phụ lục 2': { A5: null, B5: null, D5: yellow, F7: yellow, E6: null } },
    });
  });
});

describe('resolvePlan, run again', () => {
  test('the same plan on the annotated workbook changes nothing: notes are not duplicated', () => {
    const again = resolvePlan(afterFirst, firstRun.record, plan);
    expect(again.edits).toEqual([]);
    expect(again.record).toEqual(firstRun.record);
    expect(applied(afterFirst, again.edits)).toEqual(afterFirst);
  });

  test('a plan with fewer findings restores the cells it no longer paints and drops their notes', () => {
    const fewer: EditPlan = {
      sheets: [
        {
          sheet: 'Phụ lục 2',
          fills: [{ kind: 'error', color: red, cells: ['D5'] }],
          notes: [{ cell: 'D5', text: 'Số ngày trung bình: "2-3" không phải một số.' }],
          writes: [],
        },
      ],
    };
    const next = resolvePlan(afterFirst, firstRun.record, fewer);
    expect(next.edits).toEqual([
      {
        sheet: 'Phụ lục 2',
        fills: [
          { color: null, cells: ['A5', 'B5', 'E6'] },
          { color: yellow, cells: ['F7'] },
        ],
        notes: [
          {
            cell: 'D5',
            text: `${humanNote}\n\n${soatMarker}\nSố ngày trung bình: "2-3" không phải một số.\n${soatEndMarker}`,
          },
          { cell: 'E6', text: null },
          { cell: 'B8', text: null },
        ],
        writes: [],
      },
    ]);
    // D5 keeps the yellow it had before the first run as its original, not Soát's red.
    expect(next.record).toEqual({ fills: { 'Phụ lục 2': { D5: yellow } } });
  });

  test('writes pass through to the sheet they belong to', () => {
    const withWrites: EditPlan = {
      sheets: [
        {
          sheet: 'Phụ lục 1',
          fills: [],
          notes: [],
          writes: [{ cell: 'G6', formula: 'IF(E6>0,ROUND(F6/E6*100,2),"")' }],
        },
      ],
    };
    expect(resolvePlan(before, emptyRecord, withWrites).edits).toEqual([
      { sheet: 'Phụ lục 1', fills: [], notes: [], writes: [{ cell: 'G6', formula: 'IF(E6>0,ROUND(F6/E6*100,2),"")' }] },
    ]);
  });

  test('a plan naming a sheet the workbook does not have is a misuse', () => {
    const wrong: EditPlan = { sheets: [{ sheet: 'Phụ lục 9', fills: [], notes: [], writes: [] }] };
    expect(() => resolvePlan(before, emptyRecord, wrong)).toThrow('"Phụ lục 9"');
  });
});

describe('resolveClear', () => {
  const cleared = resolveClear(afterFirst, firstRun.record);

  test('restores original fills exactly and removes only Soát blocks', () => {
    expect(cleared.edits).toEqual([
      {
        sheet: 'Phụ lục 2',
        fills: [
          { color: null, cells: ['A5', 'B5', 'E6'] },
          { color: yellow, cells: ['D5', 'F7'] },
        ],
        notes: [
          { cell: 'D5', text: humanNote },
          { cell: 'E6', text: null },
          { cell: 'B8', text: null },
        ],
        writes: [],
      },
    ]);
    expect(cleared.record).toEqual(emptyRecord);
  });

  test('gives back the workbook as it was before Soát', () => {
    expect(applied(afterFirst, cleared.edits)).toEqual(before);
  });

  test('a cell that already had Soát’s own colour keeps it after Clear', () => {
    const pink: WorkbookSnapshot = { sheets: [sheet('S', { fills: { C3: red.toLowerCase() } })] };
    const run = resolvePlan(pink, emptyRecord, {
      sheets: [{ sheet: 'S', fills: [{ kind: 'error', color: red, cells: ['C3'] }], notes: [], writes: [] }],
    });
    expect(run.edits).toEqual([]);
    expect(run.record).toEqual({ fills: { S: { C3: red } } });
    expect(resolveClear(pink, run.record).edits).toEqual([]);
  });

  test('a recorded sheet that no longer exists drops out of the record', () => {
    const record: SoatRecord = { fills: { 'Đã xoá': { A1: null } } };
    expect(resolveClear(before, record)).toEqual({ edits: [], record: emptyRecord });
  });

  test('clearing a workbook Soát never touched does nothing', () => {
    expect(resolveClear(before, emptyRecord)).toEqual({ edits: [], record: emptyRecord });
  });
});

describe('record rows', () => {
  test('round-trip through [sheet, cell, originalFill] rows, "" for no fill', () => {
    expect(recordToRows(firstRun.record)).toEqual([
      ['Phụ lục 2', 'A5', ''],
      ['Phụ lục 2', 'B5', ''],
      ['Phụ lục 2', 'D5', yellow],
      ['Phụ lục 2', 'F7', yellow],
      ['Phụ lục 2', 'E6', ''],
    ]);
    expect(recordFromRows(recordToRows(firstRun.record))).toEqual(firstRun.record);
  });

  test('rows that are not [sheet, A1 cell, fill] are ignored', () => {
    const rows = [
      ['Phụ lục 2', 'd5', null],
      ['', 'A1', yellow],
      ['Phụ lục 2', 'not a cell', yellow],
      ['Phụ lục 2'],
      [2024, 'B2', 'json:{"type":"pattern","pattern":"solid","fgColor":{"theme":4}}'],
    ];
    expect(recordFromRows(rows)).toEqual({
      fills: {
        'Phụ lục 2': { D5: null },
        '2024': { B2: 'json:{"type":"pattern","pattern":"solid","fgColor":{"theme":4}}' },
      },
    });
  });
});
