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
    return inflateRawSync(data, { maxOutputLength: Math.min(limit + 1, 2 ** 31 - 1) });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError();
    throw error;
  }
}
