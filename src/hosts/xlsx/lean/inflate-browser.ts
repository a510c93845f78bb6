import { Inflate } from 'fflate';

/**
 * Unpacks one deflated zip entry in the browser with fflate, chunk by chunk, so that a zip bomb
 * stops as soon as its output passes `limit` bytes. Same contract as inflate.ts.
 */
export class InflateLimitError extends Error {
  override readonly name = 'InflateLimitError';
}

const chunkBytes = 64 * 1024;

export function inflate(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new InflateLimitError();
    chunks.push(chunk.slice()); // a chunk may be a view of the inflater's own window
  });
  for (let at = 0; at < data.length; at += chunkBytes) {
    inflater.push(data.subarray(at, Math.min(at + chunkBytes, data.length)), at + chunkBytes >= data.length);
  }
  if (data.length === 0) inflater.push(data, true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
