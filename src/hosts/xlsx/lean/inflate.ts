import { inflateRawSync } from 'node:zlib';

/**
 * Unpacks one deflated zip entry with Node's zlib. The browser build replaces this module with
 * inflate-browser.ts (fflate); both stop as soon as the output passes `limit` bytes.
 */
export class InflateLimitError extends Error {
  override readonly name = 'InflateLimitError';
}

/** Deflate cannot shrink data more than this: a larger declared size is a lie, not a hint. */
const MAX_DEFLATE_RATIO = 1032;

/**
 * `declaredSize` is the size the zip's directory gives (the browser build ignores it): as the
 * chunk size, a part inflates into one buffer with nothing to join.
 */
export function inflate(data: Uint8Array, limit: number, declaredSize?: number): Uint8Array {
  try {
    // Large chunks: a sheet inflates to many megabytes, and each chunk is a buffer to join.
    const guess = Math.min(Math.max(64 * 1024, data.length * 4), 4 * 1024 * 1024);
    const chunkSize =
      declaredSize === undefined
        ? guess
        : Math.max(64, Math.min(declaredSize + 1, limit + 1, data.length * MAX_DEFLATE_RATIO + 64));
    // zlib refuses output longer than maxOutputLength: a part of exactly `limit` bytes is taken.
    return inflateRawSync(data, { maxOutputLength: Math.min(limit, 2 ** 31 - 1), chunkSize });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError();
    throw error;
  }
}
