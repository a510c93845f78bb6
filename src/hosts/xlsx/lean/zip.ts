import { InflateLimitError, inflate } from './inflate';

/**
 * The entries of a zip package, from its central directory, unpacked one at a time on request:
 * only the parts a snapshot needs are ever inflated.
 */

export class ZipError extends Error {
  override readonly name = 'ZipError';
}

/** Thrown when an entry unpacks to more than the limit, whatever its header declared. */
export class PartTooLargeError extends Error {
  override readonly name = 'PartTooLargeError';
  constructor(readonly part: string) {
    super(`${part} unpacks to more than the limit`);
  }
}

interface Entry {
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** The inflated size the directory declares; undefined when it is in a ZIP64 field. */
  readonly declaredSize: number | undefined;
  readonly localHeader: number;
}

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

export class ZipPackage {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly bytes: Uint8Array) {
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (u32(bytes, i) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new ZipError('no end of central directory');
    let count = u16(bytes, end + 10);
    let at = u32(bytes, end + 16);
    if (count === 0xffff || at === 0xffffffff) {
      // ZIP64: the real figures are in the ZIP64 end record, which its locator points to.
      const locator = end - 20;
      if (locator < 0 || u32(bytes, locator) !== 0x07064b50) throw new ZipError('no ZIP64 locator');
      const record = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(locator + 8, true));
      if (u32(bytes, record) !== 0x06064b50) throw new ZipError('no ZIP64 end record');
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      count = Number(view.getBigUint64(record + 32, true));
      at = Number(view.getBigUint64(record + 48, true));
    }
    for (let n = 0; n < count; n++) {
      if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipError('central directory cut short');
      const flags = u16(bytes, at + 8);
      const method = u16(bytes, at + 10);
      let compressedSize = u32(bytes, at + 20);
      const size = u32(bytes, at + 24);
      const nameLength = u16(bytes, at + 28);
      const extraLength = u16(bytes, at + 30);
      const commentLength = u16(bytes, at + 32);
      let localHeader = u32(bytes, at + 42);
      const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
      let name = (flags & 0x800) !== 0 ? utf8.decode(nameBytes) : latin1.decode(nameBytes);
      if (compressedSize === 0xffffffff || localHeader === 0xffffffff) {
        const saturated = [u32(bytes, at + 24), compressedSize, localHeader].map((v) => v === 0xffffffff);
        const extra = zip64Extra(bytes, at + 46 + nameLength, extraLength, saturated);
        if (compressedSize === 0xffffffff) compressedSize = extra.compressed ?? compressedSize;
        if (localHeader === 0xffffffff) localHeader = extra.offset ?? localHeader;
      }
      if (name.startsWith('/')) name = name.slice(1);
      if (!name.endsWith('/'))
        this.entries.set(name, {
          method,
          flags,
          compressedSize,
          declaredSize: size === 0xffffffff ? undefined : size,
          localHeader,
        });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  names(): IterableIterator<string> {
    return this.entries.keys();
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, unpacked; over `limit` bytes it stops and throws PartTooLargeError. */
  read(name: string, limit: number): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (entry === undefined) return undefined;
    const { bytes } = this;
    const at = entry.localHeader;
    if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new ZipError(`no local header for ${name}`);
    if ((entry.flags & 1) !== 0) throw new ZipError(`${name} is encrypted`);
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (data.length < entry.compressedSize) throw new ZipError(`${name} is cut short`);
    if (entry.method === 0) {
      if (data.length > limit) throw new PartTooLargeError(name);
      return data;
    }
    if (entry.method !== 8) throw new ZipError(`${name} uses compression method ${entry.method}`);
    try {
      return inflate(data, limit, entry.declaredSize);
    } catch (error) {
      if (error instanceof InflateLimitError) throw new PartTooLargeError(name);
      throw new ZipError(`${name} does not inflate: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  text(name: string, limit: number): string | undefined {
    const bytes = this.read(name, limit);
    return bytes === undefined ? undefined : utf8.decode(bytes);
  }
}

/** A ZIP64 extra field lists, in order, only the fields whose 32-bit slot is saturated. */
function zip64Extra(
  bytes: Uint8Array,
  start: number,
  length: number,
  saturated: boolean[],
): { compressed?: number; offset?: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  for (let at = start; at + 4 <= start + length;) {
    const id = u16(bytes, at);
    const size = u16(bytes, at + 2);
    if (id === 0x0001) {
      const values: (number | undefined)[] = [];
      let field = at + 4;
      for (const full of saturated) {
        if (full && field + 8 <= at + 4 + size) {
          values.push(Number(view.getBigUint64(field, true)));
          field += 8;
        } else values.push(undefined);
      }
      return { compressed: values[1], offset: values[2] };
    }
    at += 4 + size;
  }
  return {};
}
