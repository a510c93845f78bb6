import { percentFormula } from '../compute/percentages';
import type { Lang } from '../report/finding';
import type { NumberCell } from '../rules/numbers';
import type { CellValue } from '../snapshot';
import { isCellError } from '../snapshot';
import type { AppendixTemplate, ColumnDef } from '../templates/appendix';
import { isNumberType } from '../templates/appendix';
import type { Cell } from '../templates/table';
import { readFlag } from '../values/flag';
import { boxedBlank, formulaCell, numberCell, sourceCell, textCell } from './cells';
import { percentOf } from './evaluate';
import { appendixHeader, appendixWidths, outputColumns, titleRows } from './layout';
import type { Placement } from './marks';
import type { DraftCell } from './output';
import type { ReceivedUnit, RowSource } from './received';
import { SheetBuilder } from './sheet';

/**
 * The consolidated data appendices, laid out as their definition prints them, units in registry
 * order and numbered again. One row per unit: numbers as the engine read them ("1,5" is 1.5),
 * unusable cells kept as the unit wrote them so that the reviewer sees what was sent, ratios
 * recomputed as formulas. Several rows per unit: each unit's rows together, the unit named on its
 * first row only, as the report prints them. Every row names its source.
 */

export const sourceHeader: Record<Lang, string> = {
  vi: 'Nguồn (tệp › trang tính › dòng)',
  en: 'Source (file › sheet › row)',
};
const rowWord: Record<Lang, string> = { vi: 'dòng', en: 'row' };

export function sourceText(source: RowSource, lang: Lang): string {
  return `${source.file} › ${source.sheet} › ${rowWord[lang]} ${source.row}`;
}

export interface MergedAppendix {
  readonly template: AppendixTemplate;
  readonly sheet: SheetBuilder;
  readonly placements: readonly Placement[];
  /** First and last data row; last < first when no unit sent a row. */
  readonly firstRow: number;
  readonly lastRow: number;
  /** The row of each unit that has one (first row with several rows per unit), by unit key. */
  readonly rowOf: ReadonlyMap<string, number>;
  /** Template key → column letter in the merged sheet. */
  readonly columns: ReadonlyMap<string, string>;
  readonly widths: readonly number[];
  readonly frozenRows: number;
}

/** A number column: the engine's reading when usable, else the cell as the unit wrote it. */
function numberColumn(reading: NumberCell | undefined, cell: Cell | undefined): DraftCell {
  if (!reading || !cell) return cell ? sourceCell(cell.value, cell.numberFormat) : boxedBlank;
  if (reading.state === 'number') return numberCell(reading.value);
  if (reading.state === 'blank') return boxedBlank;
  return sourceCell(cell.value, cell.numberFormat);
}

/** A yes mark becomes "x" whatever its spelling (✓, có), so that COUNTIF(…, "x") counts it. */
function flagColumn(cell: Cell | undefined): DraftCell {
  if (!cell) return boxedBlank;
  return readFlag(cell.value).kind === 'yes'
    ? textCell('x', { border: true, align: 'center' })
    : sourceCell(cell.value, cell.numberFormat);
}

/** A text stays text, even a number or something that looks like a formula. */
function textColumn(value: CellValue | undefined): DraftCell {
  if (value === null || value === undefined) return boxedBlank;
  if (value instanceof Date) return textCell(value.toISOString().slice(0, 10));
  return textCell(isCellError(value) ? value.error : String(value));
}

function valueCell(column: ColumnDef, cell: Cell | undefined, reading: NumberCell | undefined): DraftCell {
  if (column.type === 'flag') return flagColumn(cell);
  if (isNumberType(column.type)) return numberColumn(reading, cell);
  if (column.type === 'text') return textColumn(cell?.value);
  return cell ? sourceCell(cell.value, cell.numberFormat) : boxedBlank;
}

function startSheet(template: AppendixTemplate, lang: Lang): SheetBuilder {
  const sheet = new SheetBuilder(template.sheetName);
  sheet.addBlock(titleRows(template, 1, template.columns.length + 1));
  sheet.add();
  sheet.addBlock(appendixHeader(template, sheet.nextRow, [sourceHeader[lang]]));
  return sheet;
}

function sourceColumn(source: RowSource, lang: Lang): DraftCell {
  return textCell(sourceText(source, lang), { border: true, wrap: true, italic: true });
}

export function mergeRowPerUnit(
  template: AppendixTemplate,
  units: readonly ReceivedUnit[],
  lang: Lang,
): MergedAppendix {
  const sheet = startSheet(template, lang);
  const firstRow = sheet.nextRow;
  const columns = outputColumns(template);
  const recomputed: ReadonlySet<string> = new Set(template.columns.filter((c) => c.ratio).map((c) => c.key));
  const index = new Map(template.columns.map((c, i) => [c.key, i]));
  const placements: Placement[] = [];
  const rowOf = new Map<string, number>();
  let stt = 0;
  for (const unit of units) {
    const received = unit.rows.get(template.id);
    if (!received) continue;
    const { item, source } = received;
    const r = sheet.nextRow;
    const cells: DraftCell[] = template.columns.map((column) => {
      if (column.type === 'stt') return numberCell((stt += 1));
      if (column.type === 'unit') return unit.name === '' ? boxedBlank : textCell(unit.name);
      if (column.ratio) return boxedBlank; // filled below, from the written counts
      return valueCell(column, item.row.cells.get(column.key), item.numbers.get(column.key));
    });
    for (const column of template.columns) {
      if (!column.ratio) continue;
      const { part, total } = column.ratio;
      cells[index.get(column.key)!] = formulaCell(
        percentFormula(`${columns.get(part)}${r}`, `${columns.get(total)}${r}`),
        percentOf(cells[index.get(part)!], cells[index.get(total)!]),
      );
    }
    cells.push(sourceColumn(source, lang));
    sheet.add(cells);
    placements.push({ source, sheet: sheet.name, row: r, columns, recomputed });
    rowOf.set(unit.key, r);
  }
  return finish(template, sheet, firstRow, placements, rowOf, columns);
}

export function mergeRowsPerUnit(
  template: AppendixTemplate,
  units: readonly ReceivedUnit[],
  lang: Lang,
): MergedAppendix {
  const sheet = startSheet(template, lang);
  const firstRow = sheet.nextRow;
  const columns = outputColumns(template);
  const placements: Placement[] = [];
  const rowOf = new Map<string, number>();
  let stt = 0;
  for (const unit of units) {
    (unit.models.get(template.id) ?? []).forEach(({ item, source }, i) => {
      const first = i === 0;
      if (first) stt += 1;
      const cells = template.columns.map((column) => {
        if (column.type === 'stt') return first ? numberCell(stt) : boxedBlank;
        if (column.type === 'unit') return first && unit.name !== '' ? textCell(unit.name) : boxedBlank;
        return valueCell(column, item.row.cells.get(column.key), undefined);
      });
      const r = sheet.add([...cells, sourceColumn(source, lang)]);
      if (first) rowOf.set(unit.key, r);
      placements.push({ source, sheet: sheet.name, row: r, columns });
    });
  }
  return finish(template, sheet, firstRow, placements, rowOf, columns);
}

function finish(
  template: AppendixTemplate,
  sheet: SheetBuilder,
  firstRow: number,
  placements: Placement[],
  rowOf: Map<string, number>,
  columns: ReadonlyMap<string, string>,
): MergedAppendix {
  return {
    template,
    sheet,
    placements,
    firstRow,
    lastRow: sheet.nextRow - 1,
    rowOf,
    columns,
    widths: [...appendixWidths(template), 44],
    frozenRows: firstRow - 1,
  };
}
