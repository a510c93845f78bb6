import { percentFormula } from '../compute/percentages';
import type { Lang } from '../report/finding';
import type { NumberCell } from '../rules/numbers';
import type { Cell } from '../templates/table';
import { phuLuc2 } from '../templates/appendix';
import { readFlag } from '../values/flag';
import { boxedBlank, formulaCell, numberCell, sourceCell, textCell } from './cells';
import { percentOf } from './evaluate';
import { appendixHeader, appendixWidths, titleRows } from './layout';
import type { Placement } from './marks';
import type { DraftCell } from './output';
import type { ReceivedUnit, RowSource } from './received';
import { SheetBuilder } from './sheet';

/**
 * The consolidated Phụ lục 2: one row per unit in registry order, numbered again, numbers as
 * the engine read them ("1,5" is 1.5), unusable cells kept as the unit wrote them so that the
 * reviewer sees what was sent, G and I recomputed as formulas, and the source of every row.
 */

export const sourceHeader: Record<Lang, string> = {
  vi: 'Nguồn (tệp › trang tính › dòng)',
  en: 'Source (file › sheet › row)',
};
const rowWord: Record<Lang, string> = { vi: 'dòng', en: 'row' };

export function sourceText(source: RowSource, lang: Lang): string {
  return `${source.file} › ${source.sheet} › ${rowWord[lang]} ${source.row}`;
}

export interface MergedPhuLuc2 {
  readonly sheet: SheetBuilder;
  readonly placements: readonly Placement[];
  /** First and last data row; last < first when no unit sent a row. */
  readonly firstRow: number;
  readonly lastRow: number;
  /** The row of each unit that has one, by unit key. */
  readonly rowOf: ReadonlyMap<string, number>;
}

const width = phuLuc2.columns.length;
const flagKeys = new Set(['L', 'N', 'O', 'P', 'Q']);
/** The derived percentages, written as formulas whatever the unit typed. */
const recomputed: ReadonlySet<string> = new Set(['G', 'I']);

/** A number column: the engine's reading when usable, else the cell as the unit wrote it. */
function numberColumn(reading: NumberCell | undefined, cell: Cell | undefined): DraftCell {
  if (!reading || !cell) return boxedBlank;
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

export function mergePhuLuc2(units: readonly ReceivedUnit[], lang: Lang): MergedPhuLuc2 {
  const sheet = new SheetBuilder(phuLuc2.sheetName);
  sheet.addBlock(titleRows('PL2', 1, width + 1));
  sheet.add();
  sheet.addBlock(appendixHeader('PL2', sheet.nextRow, [sourceHeader[lang]]));
  const firstRow = sheet.nextRow;
  const placements: Placement[] = [];
  const rowOf = new Map<string, number>();
  let stt = 0;
  for (const unit of units) {
    if (!unit.indicators) continue;
    const { item, source } = unit.indicators;
    const r = sheet.nextRow;
    const cells: DraftCell[] = [];
    for (const column of phuLuc2.columns) {
      const key = column.key;
      const cell = item.row.cells.get(key);
      if (key === 'A') cells.push(numberCell((stt += 1)));
      else if (key === 'B') cells.push(unit.name === '' ? boxedBlank : textCell(unit.name));
      else if (key === 'G' || key === 'I')
        cells.push(boxedBlank); // filled below, from the written counts
      else if (flagKeys.has(key)) cells.push(flagColumn(cell));
      else cells.push(numberColumn(item.numbers.get(key), cell));
    }
    const [e, f, h] = [cells[4], cells[5], cells[7]];
    cells[6] = formulaCell(percentFormula(`F${r}`, `E${r}`), percentOf(f, e));
    cells[8] = formulaCell(percentFormula(`H${r}`, `E${r}`), percentOf(h, e));
    cells.push(textCell(sourceText(source, lang), { border: true, wrap: true, italic: true }));
    sheet.add(cells);
    placements.push({ source, sheet: sheet.name, row: r, recomputed });
    rowOf.set(unit.key, r);
  }
  return { sheet, placements, firstRow, lastRow: sheet.nextRow - 1, rowOf };
}

export function phuLuc2Widths(): number[] {
  return [...appendixWidths.PL2, 44];
}
