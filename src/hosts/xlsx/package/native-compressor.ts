import { crc32, deflateRawSync } from 'node:zlib';
import type { Compressor } from './zip-write';

/** Node's zlib for the zip writer: the command line's, never bundled for a browser. */
export const nativeCompressor: Compressor = {
  deflate: (data) => deflateRawSync(data, { level: 6 }),
  crc32: (data) => crc32(data),
};
