import { address, parseAddress } from '../../../src/core/address';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';

/** The in-memory workbook behind the fake Excel: what a real Excel would hold. */

export interface Fill {
  pattern: string; // "None" | "Solid" | "Gray50" …
  color: string; // "#RRGGBB"; "#FFFFFF" when there is no fill, as Excel reports it
  patternColor?: string;
}

export const noFill: Fill = { pattern: 'None', color: '#FFFFFF' };

export interface Cell {
  value: CellValue;
  formula?: string; // with "="
  numberFormat?: string;
  fill?: Fill;
  bold?: boolean;
}

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface NoteModel {
  content: string;
  authorName: string;
}

export interface ReplyModel {
  id: string;
  content: string;
  authorName: string;
}

export interface CommentModel {
  id: string;
  sheet: string;
  cell: string;
  content: string;
  authorName: string;
  replies: ReplyModel[];
}

/** A chart as Excel keeps it: what it plots from where, and how it is labelled and placed. */
export interface ChartModel {
  type: string;
  /** The data range given to charts.add, and the series' category (x-axis) range once set. */
  source: string;
  seriesBy: string;
  categories?: string;
  seriesName?: string;
  title?: string;
  legend?: boolean;
  valueAxis: { minimum?: number; maximum?: number };
  position?: { from: string; to: string };
}

export class SheetModel {
  readonly cells = new Map<string, Cell>();
  readonly charts: ChartModel[] = [];
  readonly merges: Bounds[] = [];
  readonly notes = new Map<string, NoteModel>();
  visibility = 'Visible';
  protected = false;
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();

  /** Excel.Worksheet.id: stays when the sheet is renamed or moved. */
  constructor(
    public name: string,
    readonly id: string,
  ) {}

  cell(row: number, col: number): Cell | undefined {
    return this.cells.get(address(row, col));
  }

  /** The cell, created when missing. */
  at(row: number, col: number): Cell {
    const key = address(row, col);
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = { value: null };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Bounding box of the cells that hold a value or formula; undefined for an empty sheet. */
  usedBounds(): Bounds | undefined {
    let bounds: Bounds | undefined;
    for (const [key, cell] of this.cells) {
      if (cell.value === null && cell.formula === undefined) continue;
      const { row, col } = parseAddress(key);
      bounds = bounds
        ? {
            top: Math.min(bounds.top, row),
            left: Math.min(bounds.left, col),
            bottom: Math.max(bounds.bottom, row),
            right: Math.max(bounds.right, col),
          }
        : { top: row, left: col, bottom: row, right: col };
    }
    return bounds;
  }
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly comments: CommentModel[] = [];
  activeSheet: string | undefined;
  selection: string | undefined;
  private nextId = 1;
  private nextSheet = 1;

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(name, `{00000000-0001-0000-0000-${String(this.nextSheet++).padStart(12, '0')}}`);
    this.sheets.push(sheet);
    return sheet;
  }

  newId(): string {
    return `c${this.nextId++}`;
  }

  /** A workbook holding a snapshot's values, formats, formulas, merges, notes and ARGB fills. */
  static fromSnapshot(snapshot: WorkbookSnapshot): WorkbookModel {
    const workbook = new WorkbookModel();
    for (const s of snapshot.sheets) {
      const sheet = workbook.addSheet(s.name);
      s.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null) return;
          const cell = sheet.at(r + 1, c + 1);
          cell.value = value instanceof Date ? excelSerial(value) : value;
          const format = s.numberFormats?.[r]?.[c];
          if (format !== undefined) cell.numberFormat = format;
          const formula = s.formulas?.[r]?.[c];
          if (formula !== undefined) cell.formula = `=${formula}`;
        }),
      );
      for (const m of s.merges ?? []) sheet.merges.push({ ...m });
      for (const [cell, content] of Object.entries(s.notes ?? {}))
        sheet.notes.set(cell, { content, authorName: 'Reviewer' });
      for (const [key, argb] of Object.entries(s.fills ?? {})) {
        const { row, col } = parseAddress(key);
        if (/^[0-9A-F]{8}$/i.test(argb))
          sheet.at(row, col).fill = { pattern: 'Solid', color: `#${argb.slice(2).toUpperCase()}` };
      }
    }
    workbook.activeSheet = workbook.sheets[0]?.name;
    return workbook;
  }
}

function excelSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25569;
}
