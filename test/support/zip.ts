/** The central directory's uncompressed size of `part` set to `size`: a zip bomb's declaration. */
export function declaringSize(bytes: Buffer, part: string, size: number): Buffer {
  const copy = Buffer.from(bytes);
  const name = Buffer.from(part, 'utf8');
  for (let at = copy.indexOf(name); at >= 0; at = copy.indexOf(name, at + 1)) {
    if (at >= 46 && copy.readUInt32LE(at - 46) === 0x02014b50) copy.writeUInt32LE(size, at - 46 + 24);
  }
  return copy;
}
