/**
 * One measured run of `npm run bench`, in a process of its own so that its peak memory is its
 * own: `exceljs FILE…` (ExcelJS readFile), `floor FILE…` (node:zlib inflate and one regex scan
 * of the parts a snapshot reads) or `soat CLI_MAIN ARG…` (the soat command, its output dropped).
 * Prints {"ms":…,"maxRssKb":…,"status":…}.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';

/** The parts a snapshot reads, inflated, by a bare walk over the zip's central directory. */
function parts(bytes: Buffer): string[] {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const local = bytes.readUInt32LE(at + 42);
    if (/^xl\/(workbook|sharedStrings|styles|worksheets\/sheet\d+|comments\d+)\.xml$/.test(name)) {
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + size);
      texts.push((method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    }
    at += 46 + skip;
  }
  return texts;
}

/** One regex pass: every cell, shared string, style and note; the count keeps the scan honest. */
function scan(texts: string[]): number {
  let found = 0;
  const pattern = /<c\b([^>]*?)(?:\/>|>(.*?)<\/c>)|<si>(.*?)<\/si>|<xf\b([^>]*)|<comment\b([^>]*)>/gs;
  for (const text of texts) for (const match of text.matchAll(pattern)) found += match[0].length > 0 ? 1 : 0;
  return found;
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  const start = performance.now();
  let status = 0;
  if (mode === 'exceljs') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ExcelJS = require('exceljs') as typeof import('exceljs');
    for (const file of rest) await new ExcelJS.Workbook().xlsx.readFile(file);
  } else if (mode === 'floor') {
    for (const file of rest) status += scan(parts(readFileSync(file))) > 0 ? 0 : 1;
  } else if (mode === 'soat') {
    const [cli, ...argv] = rest;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runCli } = require(cli!) as typeof import('../src/cli/main');
    status = await runCli(argv, { stdout: () => undefined, stderr: () => undefined, isTTY: false });
  } else throw new Error(`unknown mode ${mode ?? ''}`);
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, status }));
}

void main();
