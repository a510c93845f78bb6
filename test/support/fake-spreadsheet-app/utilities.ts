import type { GsCharset, GsUtilities } from '../../../src/hosts/gsheets/apps-script';

/**
 * Apps Script's Utilities, the part Soát uses: base64 of a string's UTF-8 bytes, decoding to
 * Java's signed bytes (and refusing what is not base64), and a blob that reads them as UTF-8.
 */

const utf8 = 1 as unknown as GsCharset; // Utilities.Charset.UTF_8

export const fakeUtilities: GsUtilities = {
  Charset: { UTF_8: utf8 },
  base64Encode(data: string, charset: GsCharset): string {
    if (charset !== utf8) throw new Error('Invalid argument: charset');
    return Buffer.from(data, 'utf8').toString('base64');
  },
  base64Decode(encoded: string): number[] {
    if (encoded.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded))
      throw new Error('Could not decode string.');
    return [...Buffer.from(encoded, 'base64')].map((byte) => (byte > 127 ? byte - 256 : byte));
  },
  newBlob(data: number[]): { getDataAsString(): string } {
    const bytes = Buffer.from(data.map((byte) => byte & 255));
    return { getDataAsString: () => bytes.toString('utf8') };
  },
};
