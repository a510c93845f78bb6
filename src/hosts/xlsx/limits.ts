import { WorkbookReadError } from './errors';

/**
 * What Soát agrees to read, so that a hostile or broken file is answered in one line instead of
 * exhausting memory (ExcelJS needs about 16 bytes of memory per byte of sheet XML) or time.
 */
export interface ReadLimits {
  /** Uncompressed size of any one part of the package, from the zip's central directory. */
  readonly partBytes: number;
  /** Cells that hold something, per sheet. */
  readonly cellsPerSheet: number;
  /** Characters of one cell's text; Excel itself holds at most 32,767. */
  readonly charactersPerCell: number;
}

export const defaultLimits: ReadLimits = {
  partBytes: 100 * 1024 * 1024,
  cellsPerSheet: 2_000_000,
  charactersPerCell: 32_767,
};

const megabytes = (n: number): string => `${Math.ceil(n / (1024 * 1024))} MB`;

export function tooLarge(vi: string, en: string, fileName?: string): WorkbookReadError {
  return new WorkbookReadError('too-large', fileName, { detail: { vi, en } });
}

/** The uncompressed size of each part, as the zip's central directory declares it. */
export function declaredPartSizes(bytes: Uint8Array): Map<string, number> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sizes = new Map<string, number>();
  // The end-of-directory record is within the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
  let end = -1;
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 0xffff); i--) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return sizes;
  const count = view.readUInt16LE(end + 10);
  let at = view.readUInt32LE(end + 16);
  for (let n = 0; n < count && at + 46 <= view.length && view.readUInt32LE(at) === 0x02014b50; n++) {
    const nameLength = view.readUInt16LE(at + 28);
    const extraLength = view.readUInt16LE(at + 30);
    const commentLength = view.readUInt16LE(at + 32);
    const name = view.toString('utf8', at + 46, at + 46 + nameLength);
    let size = view.readUInt32LE(at + 24);
    if (size === 0xffffffff) size = zip64Size(view, at + 46 + nameLength, extraLength) ?? Number.MAX_SAFE_INTEGER;
    sizes.set(name, size);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return sizes;
}

/** A ZIP64 extra field holds the real uncompressed size first. */
function zip64Size(view: Buffer, start: number, length: number): number | undefined {
  for (let at = start; at + 4 <= start + length;) {
    const id = view.readUInt16LE(at);
    const size = view.readUInt16LE(at + 2);
    if (id === 0x0001 && size >= 8) return Number(view.readBigUInt64LE(at + 4));
    at += 4 + size;
  }
  return undefined;
}

/** Refuses a package with a part larger than the limit, before anything unpacks it. */
export function checkPartSizes(bytes: Uint8Array, limits: ReadLimits, fileName?: string): void {
  for (const [name, size] of declaredPartSizes(bytes)) {
    if (size > limits.partBytes) {
      throw tooLarge(
        `phần "${name}" giải nén ra ${megabytes(size)}, vượt giới hạn ${megabytes(limits.partBytes)}`,
        `part "${name}" unpacks to ${megabytes(size)}, over the limit of ${megabytes(limits.partBytes)}`,
        fileName,
      );
    }
  }
}
