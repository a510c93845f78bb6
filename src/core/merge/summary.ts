import { percentFormula } from '../compute/percentages';
import type { Finding, Lang } from '../report/finding';
import { renderMessage } from '../report/messages';
import type { Report, SummaryDef, Text } from '../templates/appendix';
import { columnByKey, submissionsOf } from '../templates/appendix';
import type { UnitRegistry } from '../units/registry';
import { groupLabel } from '../units/registry';
import { formulaCell, headerCell, numberCell, textCell, titleCell } from './cells';
import type { FormulaResult } from './evaluate';
import { averageOf, countFilled, countYes, medianOf, percentOf, sheetRange, sumOf } from './evaluate';
import type { ChartDraft, DraftCell, SheetDraft } from './output';
import type { MergedAppendix } from './appendices';
import type { MergedSubmissions } from './submissions';
import type { Reception } from './received';
import { SheetBuilder } from './sheet';

/**
 * "Tổng hợp": what came in, the report's totals and ratios as its definition lists them, and the
 * findings per unit, with a bar chart of the definition's chosen column per unit.
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
  totals: ['II. CHỈ TIÊU TỔNG HỢP', 'II. TOTALS'],
  byUnit: ['III. KẾT QUẢ KIỂM TRA THEO ĐƠN VỊ', 'III. CHECK RESULTS BY UNIT'],
  unit: ['Đơn vị', 'Unit'],
  errors: ['Lỗi', 'Errors'],
  warnings: ['Cảnh báo', 'Warnings'],
  confirmed: ['Đã xác nhận', 'Confirmed'],
  unnamed: ['(không rõ đơn vị)', '(unit unknown)'],
  total: ['Tổng cộng', 'Total'],
  missingList: ['IV. ĐƠN VỊ CHƯA GỬI BÁO CÁO', 'IV. UNITS THAT DID NOT REPORT'],
  skippedList: ['V. TỆP BỊ BỎ QUA', 'V. FILES SKIPPED'],
  byGroup: ['THEO NHÓM ĐƠN VỊ', 'BY GROUP OF UNITS'],
  group: ['Nhóm đơn vị', 'Group'],
} as const satisfies Record<string, Label>;

export interface SummaryParts {
  readonly report: Report;
  readonly registry: UnitRegistry;
  readonly reception: Reception;
  readonly submissions: MergedSubmissions;
  readonly appendices: readonly MergedAppendix[];
  readonly lang: Lang;
}

const label = (text: string): DraftCell => textCell(text, { border: true, wrap: true });
const section = (text: string): DraftCell => ({ text, bold: true });
const result = (formula: string, value: FormulaResult): DraftCell =>
  formulaCell(formula, value, { border: true, align: 'right' });

/** "Thu phí … (%)" → "Thu phí …: trung bình các đơn vị (%)": the unit sign stays last. */
function derivedLabel(title: Text, vi: string, en: string): Text {
  const split = (t: string): [string, string] => {
    const m = /^(.*?)\s*(\(%\))$/.exec(t);
    return m ? [m[1]!, ` ${m[2]}`] : [t, ''];
  };
  const [baseVi, unitVi] = split(title.vi);
  const [baseEn, unitEn] = split(title.en);
  return { vi: `${baseVi}: ${vi}${unitVi}`, en: `${baseEn}: ${en}${unitEn}` };
}

export function summarySheet(parts: SummaryParts): SheetDraft {
  const { report, registry, reception, submissions, appendices, lang } = parts;
  const t = (l: Label | Text): string => ('vi' in l ? l[lang] : lang === 'vi' ? l[0] : l[1]);
  const sheet = new SheetBuilder(summarySheetName);
  sheet.add([titleCell(t(L.title))]);
  sheet.merge('A1:D1');
  sheet.add();

  sheet.add([section(t(L.received))]);
  const unlisted = submissions.submitted.filter((u) => !u.unit).length;
  const counts: [Label, number][] = [
    [L.expected, registry.units.length],
    [L.submitted, submissions.submitted.length - unlisted],
    [L.missing, submissions.missing.length],
    [L.unlisted, unlisted],
    [L.files, reception.files.length],
    [L.skipped, reception.skipped.length],
  ];
  for (const [l, n] of counts) sheet.add([label(t(l)), numberCell(n, { border: true, align: 'right' })]);
  sheet.add();

  const definition = report.summary;
  const merged = definition && appendices.find((a) => a.template.id === definition.appendix);
  if (definition && merged) totals(sheet, definition, merged, appendices, t);

  const chart = definition?.chart !== undefined && merged ? merged.template.byKey.get(definition.chart) : undefined;
  const chartTop = sheet.nextRow;
  sheet.add([section(t(L.byUnit))]);
  const chartHeader = chart && (definition!.labels['chart'] ?? chart.title);
  const perUnit = findingsByUnit(reception);
  // The confirmed column appears once a reviewer has confirmed something, beside the counts.
  const withConfirmed = [...perUnit.values()].some((tally) => tally.confirmed > 0);
  const chartColumn = withConfirmed ? 'E' : 'D';
  sheet.add([
    headerCell(t(L.unit)),
    headerCell(t(L.errors)),
    headerCell(t(L.warnings)),
    ...(withConfirmed ? [headerCell(t(L.confirmed))] : []),
    ...(chartHeader ? [headerCell(t(chartHeader))] : []),
  ]);
  const tallied = (tally: Tally): DraftCell[] => [
    count(tally.error),
    count(tally.warning),
    ...(withConfirmed ? [count(tally.confirmed)] : []),
  ];
  const firstUnitRow = sheet.nextRow;
  for (const unit of reception.units) {
    const tally = perUnit.get(unit.key) ?? noFindings;
    const cells = [label(unit.name || t(L.unnamed)), ...tallied(tally)];
    const row = merged?.rowOf.get(unit.key);
    if (chart && merged && row !== undefined) {
      const address = `${merged.columns.get(chart.key)}${row}`;
      const source = merged.sheet.cell(address);
      cells.push(
        result(sheetRange(merged.sheet.name, address), source?.formula !== undefined ? source.result : source?.number),
      );
    }
    sheet.add(cells);
  }
  const lastUnitRow = sheet.nextRow - 1;
  const rest = perUnit.get(undefined) ?? noFindings;
  // Findings about files, the list of who reported, headers: no one unit's.
  const list = submissionsOf(report)?.title;
  const elsewhere = {
    vi: `Không gắn với đơn vị (tệp, ${list ? `${list.vi}, ` : ''}tiêu đề…)`,
    en: `Not about one unit (files, ${list ? `${list.vi}, ` : ''}headers…)`,
  };
  sheet.add([label(t(elsewhere)), ...tallied(rest)]);
  const sums = (col: string): DraftCell => {
    const cells: (DraftCell | null)[] = [];
    for (let r = firstUnitRow; r < sheet.nextRow; r++) cells.push(sheet.cell(`${col}${r}`));
    return result(`SUM(${col}${firstUnitRow}:${col}${sheet.nextRow - 1})`, sumOf(cells));
  };
  sheet.add([{ ...label(t(L.total)), bold: true }, sums('B'), sums('C'), ...(withConfirmed ? [sums('D')] : [])]);
  sheet.add();

  sheet.add([section(t(L.missingList))]);
  for (const unit of submissions.missing) sheet.add([label(unit.name)]);
  if (reception.skipped.length > 0) {
    sheet.add();
    sheet.add([section(t(L.skippedList))]);
    for (const f of reception.skipped) sheet.add([label(f.file ?? ''), label(renderMessage(f, lang))]);
  }
  sheet.add();
  byGroup(sheet, registry, submissions, reception.skipped.length > 0 ? 'VI' : 'V', t, lang);

  const charts: ChartDraft[] =
    !chart || !chartHeader || lastUnitRow < firstUnitRow
      ? []
      : [
          {
            kind: 'bar',
            title: t(
              definition!.labels['chartTitle'] ?? {
                vi: `${chart.title.vi} theo đơn vị`,
                en: `${chart.title.en} by unit`,
              },
            ),
            categories: `A${firstUnitRow}:A${lastUnitRow}`,
            values: `${chartColumn}${firstUnitRow}:${chartColumn}${lastUnitRow}`,
            seriesName: t(chartHeader),
            ...(chart.type === 'percent' ? { valueAxis: { min: 0, max: 100 } } : {}),
            anchor: {
              cell: `${withConfirmed ? 'G' : 'F'}${chartTop}`,
              columns: 10,
              rows: Math.max(16, lastUnitRow - firstUnitRow + 6),
            },
          },
        ];
  return sheet.build({ columnWidths: withConfirmed ? [66, 14, 12, 14, 16] : [66, 14, 12, 16], charts });
}

/**
 * The report's totals, as its definition lists them: formulas over the merged appendix, so that a
 * reviewer who corrects a number there sees the summary follow; the cached results are computed
 * from the same cells (see evaluate.ts). A count kept for a mark (rooms for "has a room") stands
 * beside the number of units marked.
 */
function totals(
  sheet: SheetBuilder,
  definition: SummaryDef,
  merged: MergedAppendix,
  appendices: readonly MergedAppendix[],
  t: (l: Text) => string,
): void {
  const { template, firstRow, lastRow } = merged;
  const labels = definition.labels;
  sheet.add([section(t(labels['section'] ?? { vi: L.totals[0], en: L.totals[1] }))]);
  const last = Math.max(firstRow, lastRow);
  const letter = (key: string): string => merged.columns.get(key)!;
  const range = (key: string): string =>
    sheetRange(merged.sheet.name, `${letter(key)}${firstRow}:${letter(key)}${last}`);
  const column = (key: string): (DraftCell | null)[] => {
    const cells: (DraftCell | null)[] = [];
    for (let r = firstRow; r <= lastRow; r++) cells.push(merged.sheet.cell(`${letter(key)}${r}`));
    return cells;
  };
  const title = (key: string): Text => columnByKey(template, key).title;
  const sumRows = new Map<string, number>();
  const total = (key: string): number => {
    const row = sheet.add([
      label(t(labels[`sum:${key}`] ?? title(key))),
      result(`SUM(${range(key)})`, sumOf(column(key))),
    ]);
    sumRows.set(key, row);
    return row;
  };
  const besideMark = new Map<string, string>();
  for (const key of definition.sum) {
    const mark = template.byKey.get(key)?.countFor;
    if (mark !== undefined && definition.countYes.includes(mark)) besideMark.set(mark, key);
    else total(key);
  }
  for (const { part, total: whole } of definition.ratio) {
    const text = labels[`ratio:${part}/${whole}`] ?? {
      vi: `Tỷ lệ "${title(part).vi}" / "${title(whole).vi}" (%)`,
      en: `Ratio "${title(part).en}" / "${title(whole).en}" (%)`,
    };
    const partRow = sumRows.get(part);
    const wholeRow = sumRows.get(whole);
    if (partRow !== undefined && wholeRow !== undefined) {
      const formula = percentFormula(`B${partRow}`, `B${wholeRow}`);
      sheet.add([label(t(text)), result(formula, percentOf(sheet.cell(`B${partRow}`), sheet.cell(`B${wholeRow}`)))]);
    } else {
      const formula = percentFormula(`SUM(${range(part)})`, `SUM(${range(whole)})`);
      const value = percentOf(numberCell(sumOf(column(part))), numberCell(sumOf(column(whole))));
      sheet.add([label(t(text)), result(formula, value)]);
    }
  }
  for (const key of definition.mean) {
    const r = range(key);
    const text = labels[`mean:${key}`] ?? derivedLabel(title(key), 'trung bình các đơn vị', 'mean of the units');
    sheet.add([label(t(text)), result(`IF(COUNT(${r})>0,ROUND(AVERAGE(${r}),2),"")`, averageOf(column(key)))]);
  }
  for (const key of definition.median) {
    const r = range(key);
    const text = labels[`median:${key}`] ?? derivedLabel(title(key), 'trung vị', 'median');
    sheet.add([label(t(text)), result(`IF(COUNT(${r})>0,ROUND(MEDIAN(${r}),2),"")`, medianOf(column(key)))]);
  }
  for (const key of definition.countYes) {
    const text = labels[`countYes:${key}`] ?? {
      vi: `Số đơn vị đánh dấu "${title(key).vi}"`,
      en: `Units marked "${title(key).en}"`,
    };
    sheet.add([label(t(text)), result(`COUNTIF(${range(key)},"x")`, countYes(column(key)))]);
    const beside = besideMark.get(key);
    if (beside !== undefined) total(beside);
  }
  for (const { appendix, column: key } of definition.countFilled) {
    const from = appendices.find((a) => a.template.id === appendix);
    if (!from) continue;
    const col = from.columns.get(key)!;
    const cells: (DraftCell | null)[] = [];
    for (let r = from.firstRow; r <= from.lastRow; r++) cells.push(from.sheet.cell(`${col}${r}`));
    const filled = sheetRange(from.sheet.name, `${col}${from.firstRow}:${col}${Math.max(from.firstRow, from.lastRow)}`);
    const text = labels[`countFilled:${appendix}.${key}`] ?? {
      vi: `Số dòng có "${columnByKey(from.template, key).title.vi}" (${from.template.title.vi})`,
      en: `Rows with "${columnByKey(from.template, key).title.en}" (${from.template.title.en})`,
    };
    sheet.add([label(t(text)), result(`COUNTA(${filled})`, countFilled(cells))]);
  }
  sheet.add();
}

/**
 * Units expected, received and missing per group of the unit list ("Sở, ban, ngành", "Xã",
 * "Phường", "Đặc khu"…), in the list's own order of groups.
 */
function byGroup(
  sheet: SheetBuilder,
  registry: UnitRegistry,
  submissions: MergedSubmissions,
  numeral: string,
  t: (l: Label) => string,
  lang: Lang,
): void {
  const received = new Set(submissions.submitted.flatMap((u) => (u.unit ? [u.unit.name] : [])));
  const groups = new Map<string, { expected: number; received: number }>();
  for (const unit of registry.units) {
    const entry = groups.get(unit.group) ?? { expected: 0, received: 0 };
    entry.expected += 1;
    if (received.has(unit.name)) entry.received += 1;
    groups.set(unit.group, entry);
  }
  sheet.add([section(`${numeral}. ${t(L.byGroup)}`)]);
  sheet.add([headerCell(t(L.group)), headerCell(t(L.expected)), headerCell(t(L.submitted)), headerCell(t(L.missing))]);
  for (const [group, n] of groups) {
    sheet.add([label(groupLabel(group, lang)), count(n.expected), count(n.received), count(n.expected - n.received)]);
  }
}

function count(n: number): DraftCell {
  return numberCell(n, { border: true, align: 'right' });
}
interface Tally {
  error: number;
  warning: number;
  confirmed: number;
}

const noFindings: Tally = { error: 0, warning: 0, confirmed: 0 };

/**
 * Errors, warnings and confirmed findings per unit key; findings about no single unit under
 * `undefined`. A confirmed finding counts as confirmed only, whatever its severity.
 */
function findingsByUnit(reception: Reception): Map<string | undefined, Tally> {
  const tally = new Map<string | undefined, Tally>();
  for (const f of reception.findings as readonly Finding[]) {
    if (f.severity === 'info' && f.confirmed === undefined) continue;
    const key = reception.unitOf(f);
    const entry = tally.get(key) ?? { ...noFindings };
    if (f.confirmed !== undefined) entry.confirmed += 1;
    else if (f.severity !== 'info') entry[f.severity] += 1;
    tally.set(key, entry);
  }
  return tally;
}
