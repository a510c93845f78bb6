/**
 * A cell Soát cannot write without breaking what the user wrote: the first cell of a formula
 * other cells share (or of an array formula). Told before anything is written.
 */
export class UnpatchableCellError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
  ) {
    super(
      `ô ${sheet}!${cell} là ô đầu của một công thức dùng chung; Soát không ghi vào đó để khỏi làm hỏng các ô dùng chung công thức, chưa ghi tệp nào / ` +
        `cell ${sheet}!${cell} starts a shared formula; Soát does not write into it, which would break the cells that share it; nothing was written`,
    );
    this.name = 'UnpatchableCellError';
  }
}
