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

/** A merged appendix being written: its sheet under titles and header, and where each row went. */
class MergingSheet {
  readonly sheet: SheetBuilder;
  readonly firstRow: number;
  readonly columns: ReadonlyMap<string, string>;
  readonly placements: Placement[] = [];
  readonly rowOf = new Map<string, number>();

  constructor(
    readonly template: AppendixTemplate,
    private readonly lang: Lang,
  ) {
    this.sheet = new SheetBuilder(template.sheetName);
    this.sheet.addBlock(titleRows(template, 1, template.columns.length + 1));
    this.sheet.add();
    this.sheet.addBlock(appendixHeader(template, this.sheet.nextRow, [sourceHeader[lang]]));
    this.firstRow = this.sheet.nextRow;
    this.columns = outputColumns(template);
  }

  /** Writes a row of the template's cells, then its source; returns its number. */
  add(cells: readonly DraftCell[], source: RowSource, recomputed?: ReadonlySet<string>): number {
    const row = this.sheet.add([...cells, sourceColumn(source, this.lang)]);
    const placement: Placement = { source, sheet: this.sheet.name, row, columns: this.columns };
    this.placements.push(recomputed ? { ...placement, recomputed } : placement);
    return row;
  }

  result(): MergedAppendix {
    return {
      template: this.template,
      sheet: this.sheet,
      placements: this.placements,
      firstRow: this.firstRow,
      lastRow: this.sheet.nextRow - 1,
      rowOf: this.rowOf,
      columns: this.columns,
      widths: [...appendixWidths(this.template), 44],
      frozenRows: this.firstRow - 1,
    };
  }
}

function sourceColumn(source: RowSource, lang: Lang): DraftCell {
  return textCell(sourceText(source, lang), { border: true, wrap: true, italic: true });
}

export function mergeRowPerUnit(
  template: AppendixTemplate,
  units: readonly ReceivedUnit[],
  lang: Lang,
): MergedAppendix {
  const out = new MergingSheet(template, lang);
  const recomputed: ReadonlySet<string> = new Set(template.columns.filter((c) => c.ratio).map((c) => c.key));
  const index = new Map(template.columns.map((c, i) => [c.key, i]));
  let stt = 0;
  for (const unit of units) {
    const received = unit.rows.get(template.id);
    if (!received) continue;
    const { item, source } = received;
    const r = out.sheet.nextRow;
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
        percentFormula(`${out.columns.get(part)}${r}`, `${out.columns.get(total)}${r}`),
        percentOf(cells[index.get(part)!], cells[index.get(total)!]),
      );
    }
    out.rowOf.set(unit.key, out.add(cells, source, recomputed));
  }
  return out.result();
}

export function mergeRowsPerUnit(
  template: AppendixTemplate,
  units: readonly ReceivedUnit[],
  lang: Lang,
): MergedAppendix {
  const out = new MergingSheet(template, lang);
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
      const r = out.add(cells, source);
      if (first) out.rowOf.set(unit.key, r);
    });
  }
  return out.result();
}
