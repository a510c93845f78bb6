import JSZip from 'jszip';
import { inflateRawSync } from 'node:zlib';
import { nativeCompressor } from '../../../../src/hosts/xlsx/package/native-compressor';
import type { Compressor } from '../../../../src/hosts/xlsx/package/zip-write';
import { portableCompressor, zipParts } from '../../../../src/hosts/xlsx/package/zip-write';

/** The zip writer of drafts: every part back whole, with its checksum, in the order given. */

const encoder = new TextEncoder();
const parts: [string, Uint8Array][] = [
  ['[Content_Types].xml', encoder.encode('<Types/>')],
  [
    'xl/worksheets/sheet1.xml',
    encoder.encode(`<worksheet>${'<row><c t="s"><v>1</v></c></row>'.repeat(500)}</worksheet>`),
  ],
  ['xl/media/ảnh đơn vị.bin', new Uint8Array([0, 255, 1, 254, 2])],
  ['xl/empty.xml', new Uint8Array(0)],
];

describe.each<[string, Compressor]>([
  ['Node zlib', nativeCompressor],
  ['fflate', portableCompressor],
])('zipParts with %s', (_, compressor) => {
  const bytes = zipParts(parts, compressor, new Date(2024, 8, 30, 17, 45, 12));

  it('gives back each part byte for byte, checksums checked, in the order given', async () => {
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(parts.map(([name]) => name));
    for (const [name, data] of parts) expect(await zip.file(name)!.async('uint8array')).toEqual(data);
  });

  it('deflates each part and dates it in the zip’s own two-second steps', async () => {
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file('xl/worksheets/sheet1.xml')!.date.getUTCMinutes()).toBe(45);
    const view = Buffer.from(bytes);
    // The second part's local header follows the first part's 30 + name + deflated bytes.
    expect(view.readUInt32LE(0)).toBe(0x04034b50);
    expect(view.readUInt16LE(8)).toBe(8);
    expect(view.readUInt16LE(10)).toBe((17 << 11) | (45 << 5) | 6);
    expect(view.readUInt16LE(12)).toBe((44 << 9) | (9 << 5) | 30);
    const size = view.readUInt32LE(18);
    expect(inflateRawSync(view.subarray(30 + 19, 30 + 19 + size)).toString()).toBe('<Types/>');
    expect(bytes.length).toBeLessThan(parts.reduce((n, [, data]) => n + data.length, 0));
  });

  it('marks a name that is not plain ASCII as UTF-8, and only that one', () => {
    const view = Buffer.from(bytes);
    const flags: number[] = [];
    let at = view.readUInt32LE(view.length - 6);
    for (let n = 0; n < parts.length; n++) {
      flags.push(view.readUInt16LE(at + 8));
      at += 46 + view.readUInt16LE(at + 28);
    }
    expect(flags).toEqual([0, 0, 0x0800, 0]);
  });
});
