import JSZip from 'jszip';

/**
 * The package as parts: what is not set or removed here is written back as the input held it
 * (JSZip reuses the stored compressed bytes of a part left alone).
 */
export class PackageParts {
  private readonly texts = new Map<string, string>();

  private constructor(private readonly zip: JSZip) {}

  static async load(bytes: Uint8Array): Promise<PackageParts> {
    return new PackageParts(await JSZip.loadAsync(bytes));
  }

  has(name: string): boolean {
    return this.texts.has(name) || this.zip.file(name) !== null;
  }

  names(): string[] {
    return Object.keys(this.zip.files).filter((name) => !this.zip.files[name]!.dir);
  }

  /** A part's text; undefined when the package has no such part. */
  async text(name: string): Promise<string | undefined> {
    const known = this.texts.get(name);
    if (known !== undefined) return known;
    const file = this.zip.file(name);
    if (file === null) return undefined;
    const text = await file.async('string');
    this.texts.set(name, text);
    return text;
  }

  /** Sets a part, only when its text differs: a part left as it was keeps its stored bytes. */
  async set(name: string, text: string): Promise<void> {
    if ((await this.text(name)) === text) return;
    this.texts.set(name, text);
    this.zip.file(name, text);
  }

  remove(name: string): void {
    this.texts.delete(name);
    this.zip.remove(name);
  }

  /** The first free name `prefix{n}suffix`, n from 1. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  /** Every part's bytes, in the package's order, for a zip writer of the caller's choosing. */
  async entries(): Promise<[string, Uint8Array][]> {
    const encoder = new TextEncoder();
    const entries: [string, Uint8Array][] = [];
    for (const name of this.names()) {
      const text = this.texts.get(name);
      entries.push([name, text === undefined ? await this.zip.file(name)!.async('uint8array') : encoder.encode(text)]);
    }
    return entries;
  }

  toBytes(): Promise<Uint8Array> {
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }
}
