/// <reference types="office-js" />
import { address } from '../../core/address';
import type { PayloadBudget } from './batch';
import { utf8Bytes } from './batch';

/**
 * A sheet's cells read in blocks of rows, so that no answer passes Excel's 5 MB. The second read
 * sync takes the top-left block of every sheet (FIRST_BLOCK_COLUMNS columns, rows to fill the
 * response budget at ASSUMED_CELL_BYTES a cell): an ordinary appendix is read whole there. What
 * lies beyond is read in further syncs, its blocks sized by the bytes per cell of the first block.
 */

/** 1-based, inclusive. */
export interface Block {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** What a cell costs in an answer (value, type, format, formula) before any was measured. */
export const assumedCellBytes = 64;
/** The appendices are at most 18 columns wide (A to Q, and Nguồn). */
export const firstBlockColumns = 20;

const cellProperties = 'values,valueTypes,numberFormat,formulas';

export function blockAddress(block: Block): string {
  return `${address(block.top, block.left)}:${address(block.bottom, block.right)}`;
}

/** The top-left block each of `sheets` sheets reads in the first read sync (¾ of it: the rest is for comments). */
export function firstBlock(sheets: number, budget: PayloadBudget): Block {
  const cells = (budget.response * 0.75) / assumedCellBytes / Math.max(1, sheets);
  return { top: 1, left: 1, bottom: Math.max(1, Math.floor(cells / firstBlockColumns)), right: firstBlockColumns };
}

/** The used range less the first block, in blocks of rows of about `blockBytes` each. */
export function remainingBlocks(used: Block, first: Block, cellBytes: number, blockBytes: number): Block[] {
  const rest: Block[] = [
    {
      top: Math.max(used.top, first.bottom + 1),
      left: used.left,
      bottom: used.bottom,
      right: Math.min(used.right, first.right),
    },
    { top: used.top, left: Math.max(used.left, first.right + 1), bottom: used.bottom, right: used.right },
  ].filter((b) => b.top <= b.bottom && b.left <= b.right);
  return rest.flatMap((area) => {
    const width = area.right - area.left + 1;
    const rows = Math.max(1, Math.floor(blockBytes / (cellBytes * width)));
    const blocks: Block[] = [];
    for (let top = area.top; top <= area.bottom; top += rows)
      blocks.push({ ...area, top, bottom: Math.min(area.bottom, top + rows - 1) });
    return blocks;
  });
}

/** A queued read of a block's cells. */
export interface BlockRead {
  readonly range: Excel.Range;
  /** Where the block sits once loaded (an intersection's own position). */
  at(): Block | undefined;
}

export function queueBlockRead(worksheet: Excel.Worksheet, block: Block): BlockRead {
  const range = worksheet.getRange(blockAddress(block)).load(cellProperties);
  return { range, at: () => block };
}

/** The first block, cut to the used range (a null object where they do not meet). */
export function queueFirstBlockRead(used: Excel.Range, block: Block): BlockRead {
  const range = used
    .getIntersectionOrNullObject(blockAddress(block))
    .load(`${cellProperties},rowIndex,columnIndex,rowCount,columnCount`);
  return {
    range,
    at: () =>
      range.isNullObject
        ? undefined
        : {
            top: range.rowIndex + 1,
            left: range.columnIndex + 1,
            bottom: range.rowIndex + range.rowCount,
            right: range.columnIndex + range.columnCount,
          },
  };
}

/** Bytes a loaded block took per cell in its answer, as measured. */
export function measuredCellBytes(read: BlockRead): number | undefined {
  const at = read.at();
  if (at === undefined) return undefined;
  const { values, valueTypes, numberFormat, formulas } = read.range;
  const cells = (at.bottom - at.top + 1) * (at.right - at.left + 1);
  return utf8Bytes(JSON.stringify([values, valueTypes, numberFormat, formulas])) / cells;
}

/**
 * Queues `blocks` against the response budget: a sync whenever the next block would pass it.
 * `cellBytes` is the measured cost per cell with a margin for longer text further down.
 */
export async function readBlocks(
  context: Excel.RequestContext,
  blocks: readonly { readonly worksheet: Excel.Worksheet; readonly block: Block; readonly cellBytes: number }[],
  budget: PayloadBudget,
): Promise<BlockRead[]> {
  const reads: BlockRead[] = [];
  let queued = 0;
  for (const { worksheet, block, cellBytes } of blocks) {
    const bytes = (block.bottom - block.top + 1) * (block.right - block.left + 1) * cellBytes;
    if (queued > 0 && queued + bytes > budget.response) {
      await context.sync();
      queued = 0;
    }
    reads.push(queueBlockRead(worksheet, block));
    queued += bytes;
  }
  if (queued > 0) await context.sync();
  return reads;
}
