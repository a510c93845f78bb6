import type { Lang } from '../report/finding';
import { phuLuc3 } from '../templates/appendix';
import { boxedBlank, numberCell, sourceCell, textCell } from './cells';
import { appendixHeader, appendixWidths, titleRows } from './layout';
import type { Placement } from './marks';
import type { CellValue } from '../snapshot';
import { isCellError } from '../snapshot';
import type { DraftCell } from './output';
import { sourceHeader, sourceText } from './phuLuc2';
import type { ReceivedUnit } from './received';
import { SheetBuilder } from './sheet';

/**
 * The consolidated Phụ lục 3: each unit's models together, in registry order. The unit is named
 * on its first row only and its other rows leave STT and unit blank, as the report prints them;
 * model texts and dates are kept as the unit wrote them.
 */

export interface MergedPhuLuc3 {
  readonly sheet: SheetBuilder;
  readonly placements: readonly Placement[];
  readonly firstRow: number;
  readonly lastRow: number;
}

const width = phuLuc3.columns.length;

/** A model's text stays text, even a number or something that looks like a formula. */
function modelCell(value: CellValue | undefined): DraftCell {
  if (value === null || value === undefined) return boxedBlank;
  if (value instanceof Date) return textCell(value.toISOString().slice(0, 10));
  return textCell(isCellError(value) ? value.error : String(value));
}

export function mergePhuLuc3(units: readonly ReceivedUnit[], lang: Lang): MergedPhuLuc3 {
  const sheet = new SheetBuilder(phuLuc3.sheetName);
  sheet.addBlock(titleRows('PL3', 1, width + 1));
  sheet.add();
  sheet.addBlock(appendixHeader('PL3', sheet.nextRow, [sourceHeader[lang]]));
  const firstRow = sheet.nextRow;
  const placements: Placement[] = [];
  let stt = 0;
  for (const unit of units) {
    unit.models.forEach(({ item, source }, i) => {
      const first = i === 0;
      if (first) stt += 1;
      const model = item.row.cells.get('C');
      const date = item.row.cells.get('D');
      const r = sheet.add([
        first ? numberCell(stt) : boxedBlank,
        first && unit.name !== '' ? textCell(unit.name) : boxedBlank,
        modelCell(model?.value),
        date ? sourceCell(date.value, date.numberFormat) : boxedBlank,
        textCell(sourceText(source, lang), { border: true, wrap: true, italic: true }),
      ]);
      placements.push({ source, sheet: sheet.name, row: r });
    });
  }
  return { sheet, placements, firstRow, lastRow: sheet.nextRow - 1 };
}

export function phuLuc3Widths(): number[] {
  return [...appendixWidths.PL3, 44];
}
