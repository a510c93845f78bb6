import { percentFormula } from '../compute/percentages';
import type { Finding, Lang } from '../report/finding';
import { renderMessage } from '../report/messages';
import type { UnitRegistry } from '../units/registry';
import { formulaCell, headerCell, numberCell, textCell, titleCell } from './cells';
import type { FormulaResult } from './evaluate';
import { averageOf, countFilled, countYes, medianOf, percentOf, sheetRange, sumOf } from './evaluate';
import type { ChartDraft, DraftCell, SheetDraft } from './output';
import type { MergedPhuLuc1 } from './phuLuc1';
import type { MergedPhuLuc2 } from './phuLuc2';
import type { MergedPhuLuc3 } from './phuLuc3';
import type { Reception } from './received';
import { SheetBuilder } from './sheet';

/**
 * "Tổng hợp": what came in, the city's totals and ratios, and the findings per unit, with a bar
 * chart of each unit's full-process share. Totals are formulas over the merged Phụ lục 2, so a
 * reviewer who corrects a number there sees the summary follow; the cached results are computed
 * from the same cells (see evaluate.ts).
 */

export const summarySheetName = 'Tổng hợp';

type Label = readonly [vi: string, en: string];

const L = {
  title: ['TỔNG HỢP KẾT QUẢ BÁO CÁO CỦA CÁC ĐƠN VỊ', 'SUMMARY OF THE UNITS’ REPORTS'],
  received: ['I. ĐƠN VỊ BÁO CÁO', 'I. REPORTING UNITS'],
  expected: ['Số đơn vị trong danh mục', 'Units in the registry'],
  submitted: ['Số đơn vị đã gửi báo cáo', 'Units that reported'],
  missing: ['Số đơn vị chưa gửi báo cáo', 'Units that did not report'],
  unlisted: ['Số đơn vị ngoài danh mục đã gửi', 'Reporting units not in the registry'],
  files: ['Số tệp đã nhận', 'Files received'],
  skipped: ['Số tệp bị bỏ qua (không đọc được, không có số liệu)', 'Files skipped (unreadable or without data)'],
  city: ['II. CHỈ TIÊU TOÀN THÀNH PHỐ', 'II. CITY-WIDE FIGURES'],
  sumE: ['Tổng số dịch vụ hành chính công trực tuyến', 'Online public services, total'],
  sumF: ['Dịch vụ hành chính công toàn trình', 'Full-process online services'],
  sumH: ['Dịch vụ hành chính công một phần', 'Partial online services'],
  shareF: [
    'Tỷ lệ toàn trình toàn thành phố (%) = toàn trình / tổng số × 100',
    'City-wide full-process share (%) = full-process / total × 100',
  ],
  shareH: ['Tỷ lệ một phần toàn thành phố (%)', 'City-wide partial share (%)'],
  meanJ: [
    'Thu phí, lệ phí không dùng tiền mặt: trung bình các đơn vị (%)',
    'Cashless fee collection: mean of the units (%)',
  ],
  medianJ: ['Thu phí, lệ phí không dùng tiền mặt: trung vị (%)', 'Cashless fee collection: median (%)'],
  rooms: ['Số đơn vị đã có phòng họp trực tuyến', 'Units with an online meeting room'],
  sumM: ['Tổng số phòng họp trực tuyến', 'Online meeting rooms, total'],
  ddci: ['Số đơn vị đã kết nối với trang DDCI', 'Units connected to DDCI'],
  ai: ['Số đơn vị trả lời trực tuyến bằng AI', 'Units answering online with AI'],
  licence: [
    'Số đơn vị phối hợp mô hình "Kết nối thủ tục giấy phép kinh doanh có điều kiện"',
    'Units in the conditional-licence model',
  ],
  commitments: ['Số đơn vị công khai cam kết với DN trên Cổng TTĐT TP', 'Units that published their commitments'],
  models: ['Số mô hình hướng dẫn, hỗ trợ (Phụ lục 3)', 'Support models (Phụ lục 3)'],
  byUnit: ['III. KẾT QUẢ KIỂM TRA THEO ĐƠN VỊ', 'III. CHECK RESULTS BY UNIT'],
  unit: ['Đơn vị', 'Unit'],
  errors: ['Lỗi', 'Errors'],
  warnings: ['Cảnh báo', 'Warnings'],
  share: ['Tỷ lệ toàn trình (%)', 'Full-process share (%)'],
  unnamed: ['(không rõ đơn vị)', '(unit unknown)'],
  elsewhere: ['Không gắn với đơn vị (tệp, Phụ lục 1, tiêu đề…)', 'Not about one unit (files, Phụ lục 1, headers…)'],
  total: ['Tổng cộng', 'Total'],
  missingList: ['IV. ĐƠN VỊ CHƯA GỬI BÁO CÁO', 'IV. UNITS THAT DID NOT REPORT'],
  skippedList: ['V. TỆP BỊ BỎ QUA', 'V. FILES SKIPPED'],
  chart: ['Tỷ lệ dịch vụ công toàn trình theo đơn vị (%)', 'Full-process online services by unit (%)'],
} as const satisfies Record<string, Label>;

export interface SummaryParts {
  readonly registry: UnitRegistry;
  readonly reception: Reception;
  readonly phuLuc1: MergedPhuLuc1;
  readonly phuLuc2: MergedPhuLuc2;
  readonly phuLuc3: MergedPhuLuc3;
  readonly lang: Lang;
}

const label = (text: string): DraftCell => textCell(text, { border: true, wrap: true });
const section = (text: string): DraftCell => ({ text, bold: true });
const result = (formula: string, value: FormulaResult): DraftCell =>
  formulaCell(formula, value, { border: true, align: 'right' });

export function summarySheet(parts: SummaryParts): SheetDraft {
  const { registry, reception, phuLuc1, phuLuc2, phuLuc3, lang } = parts;
  const t = (l: Label): string => (lang === 'vi' ? l[0] : l[1]);
  const sheet = new SheetBuilder(summarySheetName);
  sheet.add([titleCell(t(L.title))]);
  sheet.merge('A1:D1');
  sheet.add();

  sheet.add([section(t(L.received))]);
  const unlisted = phuLuc1.submitted.filter((u) => !u.unit).length;
  const counts: [Label, number][] = [
    [L.expected, registry.units.length],
    [L.submitted, phuLuc1.submitted.length - unlisted],
    [L.missing, phuLuc1.missing.length],
    [L.unlisted, unlisted],
    [L.files, reception.files.length],
    [L.skipped, reception.skipped.length],
  ];
  for (const [l, n] of counts) sheet.add([label(t(l)), numberCell(n, { border: true, align: 'right' })]);
  sheet.add();

  // City totals: formulas over the merged Phụ lục 2 columns, never fewer than one row.
  sheet.add([section(t(L.city))]);
  const p2 = phuLuc2.sheet;
  const last = Math.max(phuLuc2.firstRow, phuLuc2.lastRow);
  const range = (col: string): string => sheetRange(p2.name, `${col}${phuLuc2.firstRow}:${col}${last}`);
  const column = (col: string): (DraftCell | null)[] => {
    const cells: (DraftCell | null)[] = [];
    for (let r = phuLuc2.firstRow; r <= phuLuc2.lastRow; r++) cells.push(p2.cell(`${col}${r}`));
    return cells;
  };
  const total = (l: Label, col: string): number =>
    sheet.add([label(t(l)), result(`SUM(${range(col)})`, sumOf(column(col)))]);
  const rowE = total(L.sumE, 'E');
  const rowF = total(L.sumF, 'F');
  const rowH = total(L.sumH, 'H');
  const share = (l: Label, partRow: number): number =>
    sheet.add([
      label(t(l)),
      result(percentFormula(`B${partRow}`, `B${rowE}`), percentOf(sheet.cell(`B${partRow}`), sheet.cell(`B${rowE}`))),
    ]);
  share(L.shareF, rowF);
  share(L.shareH, rowH);
  const j = range('J');
  sheet.add([label(t(L.meanJ)), result(`IF(COUNT(${j})>0,ROUND(AVERAGE(${j}),2),"")`, averageOf(column('J')))]);
  sheet.add([label(t(L.medianJ)), result(`IF(COUNT(${j})>0,ROUND(MEDIAN(${j}),2),"")`, medianOf(column('J')))]);
  const yes = (l: Label, col: string): number =>
    sheet.add([label(t(l)), result(`COUNTIF(${range(col)},"x")`, countYes(column(col)))]);
  yes(L.rooms, 'L');
  total(L.sumM, 'M');
  yes(L.ddci, 'N');
  yes(L.ai, 'O');
  yes(L.licence, 'P');
  yes(L.commitments, 'Q');
  const modelCells: (DraftCell | null)[] = [];
  for (let r = phuLuc3.firstRow; r <= phuLuc3.lastRow; r++) modelCells.push(phuLuc3.sheet.cell(`C${r}`));
  const models = sheetRange(phuLuc3.sheet.name, `C${phuLuc3.firstRow}:C${Math.max(phuLuc3.firstRow, phuLuc3.lastRow)}`);
  sheet.add([label(t(L.models)), result(`COUNTA(${models})`, countFilled(modelCells))]);
  sheet.add();

  const chartTop = sheet.nextRow;
  sheet.add([section(t(L.byUnit))]);
  sheet.add([headerCell(t(L.unit)), headerCell(t(L.errors)), headerCell(t(L.warnings)), headerCell(t(L.share))]);
  const perUnit = findingsByUnit(reception);
  const firstUnitRow = sheet.nextRow;
  for (const unit of reception.units) {
    const tally = perUnit.get(unit.key) ?? { error: 0, warning: 0 };
    const row = phuLuc2.rowOf.get(unit.key);
    const g = row === undefined ? null : result(sheetRange(p2.name, `G${row}`), p2.cell(`G${row}`)?.result);
    sheet.add([label(unit.name || t(L.unnamed)), count(tally.error), count(tally.warning), g]);
  }
  const lastUnitRow = sheet.nextRow - 1;
  const rest = perUnit.get(undefined) ?? { error: 0, warning: 0 };
  sheet.add([label(t(L.elsewhere)), count(rest.error), count(rest.warning)]);
  const sums = (col: string): DraftCell => {
    const cells: (DraftCell | null)[] = [];
    for (let r = firstUnitRow; r < sheet.nextRow; r++) cells.push(sheet.cell(`${col}${r}`));
    return result(`SUM(${col}${firstUnitRow}:${col}${sheet.nextRow - 1})`, sumOf(cells));
  };
  sheet.add([{ ...label(t(L.total)), bold: true }, sums('B'), sums('C')]);
  sheet.add();

  sheet.add([section(t(L.missingList))]);
  for (const unit of phuLuc1.missing) sheet.add([label(unit.name)]);
  if (reception.skipped.length > 0) {
    sheet.add();
    sheet.add([section(t(L.skippedList))]);
    for (const f of reception.skipped) sheet.add([label(f.file ?? ''), label(renderMessage(f, lang))]);
  }

  const charts: ChartDraft[] =
    lastUnitRow < firstUnitRow
      ? []
      : [
          {
            kind: 'bar',
            title: t(L.chart),
            categories: `A${firstUnitRow}:A${lastUnitRow}`,
            values: `D${firstUnitRow}:D${lastUnitRow}`,
            seriesName: t(L.share),
            valueAxis: { min: 0, max: 100 },
            anchor: { cell: `F${chartTop}`, columns: 10, rows: Math.max(16, lastUnitRow - firstUnitRow + 6) },
          },
        ];
  return sheet.build({ columnWidths: [66, 14, 12, 16], charts });
}

function count(n: number): DraftCell {
  return numberCell(n, { border: true, align: 'right' });
}

/** Errors and warnings per unit key; findings about no single unit under `undefined`. */
function findingsByUnit(reception: Reception): Map<string | undefined, { error: number; warning: number }> {
  const tally = new Map<string | undefined, { error: number; warning: number }>();
  for (const f of reception.findings as readonly Finding[]) {
    if (f.severity === 'info') continue;
    const key = reception.unitOf(f);
    const entry = tally.get(key) ?? { error: 0, warning: 0 };
    entry[f.severity] += 1;
    tally.set(key, entry);
  }
  return tally;
}
