import { columnLetter } from '../address';
import type { AppendixTemplate } from '../templates/appendix';
import { headerBlank, headerCell, titleCell } from './cells';
import type { DraftCell } from './output';

/**
 * How an appendix is laid out on paper, from its definition: the title lines, the header (a group
 * title merged over its neighbouring columns makes it two rows high, as Phụ lục 2 prints it) and
 * column widths. The consolidated report and the unit template share it, so that a unit fills in
 * exactly what the consolidator prints, and Soát's own header recognition reads both back.
 */

/** A header column: its own title, or a group title over several sub-columns. */
type HeaderColumn = { readonly title: string } | { readonly group: string; readonly subs: readonly string[] };

function headerColumns(template: AppendixTemplate): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  for (const column of template.columns) {
    const last = columns[columns.length - 1];
    if (column.group === undefined) columns.push({ title: column.heading });
    else if (last && 'group' in last && last.group === column.group)
      columns[columns.length - 1] = { group: last.group, subs: [...last.subs, column.heading] };
    else columns.push({ group: column.group, subs: [column.heading] });
  }
  return columns;
}

export interface HeaderBlock {
  /** One or two rows of cells. */
  readonly rows: readonly (readonly (DraftCell | null)[])[];
  readonly merges: readonly string[];
}

/**
 * The header of an appendix with its top row at `top`, and `extra` columns after the template's
 * (the merge's "Nguồn"), each spanning the header's full height.
 */
export function appendixHeader(template: AppendixTemplate, top: number, extra: readonly string[] = []): HeaderBlock {
  const columns: HeaderColumn[] = [...headerColumns(template), ...extra.map((title) => ({ title }))];
  const twoRows = columns.some((c) => 'group' in c);
  const upper: (DraftCell | null)[] = [];
  const lower: (DraftCell | null)[] = [];
  const merges: string[] = [];
  for (const column of columns) {
    const first = upper.length + 1;
    if ('group' in column) {
      column.subs.forEach((sub, i) => {
        upper.push(i === 0 ? headerCell(column.group) : headerBlank);
        lower.push(headerCell(sub));
      });
      merges.push(`${columnLetter(first)}${top}:${columnLetter(first + column.subs.length - 1)}${top}`);
    } else {
      upper.push(headerCell(column.title));
      lower.push(headerBlank);
      if (twoRows) merges.push(`${columnLetter(first)}${top}:${columnLetter(first)}${top + 1}`);
    }
  }
  return { rows: twoRows ? [upper, lower] : [upper], merges };
}

/** How many rows the header takes: two when a group title stands over some columns. */
export function headerHeight(template: AppendixTemplate): number {
  return template.columns.some((c) => c.group !== undefined) ? 2 : 1;
}

/** Title lines, each merged across the table's width. */
export function titleRows(template: AppendixTemplate, firstRow: number, width: number): HeaderBlock {
  const titles = template.titles;
  return {
    rows: titles.map((t) => [titleCell(t)]),
    merges: titles.map((_, i) => `A${firstRow + i}:${columnLetter(width)}${firstRow + i}`),
  };
}

/** Characters, column A first. */
export function appendixWidths(template: AppendixTemplate): number[] {
  return template.columns.map((c) => c.width);
}

/** Template key → the column letter it takes in a sheet laid out from the definition. */
export function outputColumns(template: AppendixTemplate): ReadonlyMap<string, string> {
  return new Map(template.columns.map((c, i) => [c.key, columnLetter(i + 1)]));
}
