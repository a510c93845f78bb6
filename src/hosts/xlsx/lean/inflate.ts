import { inflateRawSync } from 'node:zlib';

/**
 * Unpacks one deflated zip entry with Node's zlib. The browser build replaces this module with
 * inflate-browser.ts (fflate); both stop as soon as the output passes `limit` bytes.
 */
export class InflateLimitError extends Error {
  override readonly name = 'InflateLimitError';
}

export function inflate(data: Uint8Array, limit: number): Uint8Array {
  try {
    // Large chunks: a sheet inflates to many megabytes, and each chunk is a buffer to join.
    const chunkSize = Math.min(Math.max(64 * 1024, data.length * 4), 4 * 1024 * 1024);
    return inflateRawSync(data, { maxOutputLength: Math.min(limit + 1, 2 ** 31 - 1), chunkSize });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError();
    throw error;
  }
}
