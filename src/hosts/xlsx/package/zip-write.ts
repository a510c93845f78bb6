import { deflateSync } from 'fflate';

/**
 * Writes a package's parts as a zip, each part deflated once. The deflate is the caller's: Node's
 * zlib on the command line (native-compressor.ts), fflate in a browser.
 */

export interface Compressor {
  /** Raw DEFLATE, no zlib header. */
  deflate(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Runs wherever JavaScript runs; Node's zlib is some four times faster. */
export const portableCompressor: Compressor = { deflate: (data) => deflateSync(data, { level: 6 }), crc32 };

/** The zip format's limits without its Zip64 extension, far above any workbook Soát writes. */
const maxEntries = 0xffff;
const maxOffset = 0xffffffff;

/** MS-DOS date and time, the zip's own: two-second steps, local time. */
function dosDateTime(date: Date): { time: number; day: number } {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

const encoder = new TextEncoder();

/** The parts, in the order given, as the bytes of a zip. */
export function zipParts(
  parts: readonly (readonly [string, Uint8Array])[],
  compressor: Compressor,
  date = new Date(),
): Uint8Array {
  if (parts.length > maxEntries) throw new RangeError(`too many parts for a zip: ${parts.length}`);
  const { time, day } = dosDateTime(date);
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = encoder.encode(name);
    // Bit 11: the name is UTF-8; set only when it is not plain ASCII, as other writers do.
    const flags = nameBytes.length === name.length ? 0 : 0x0800;
    const packed = compressor.deflate(data);
    const crc = compressor.crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, 8, true);
    local.setUint16(10, time, true);
    local.setUint16(12, day, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, packed.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    local.setUint16(28, 0, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    for (let i = 4; i < 30; i++) central.setUint8(i + 2, local.getUint8(i));
    central.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, packed);
    directory.push(new Uint8Array(central.buffer), nameBytes);
    offset += 30 + nameBytes.length + packed.length;
    if (offset > maxOffset) throw new RangeError('package too large for a zip without Zip64');
  }
  const directorySize = directory.reduce((n, chunk) => n + chunk.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...directory, new Uint8Array(end.buffer)];
  const bytes = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const chunk of all) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
