import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkbookReadReason } from '../../../src/hosts/xlsx/errors';
import { WorkbookReadError } from '../../../src/hosts/xlsx/errors';
import { readWorkbookBuffer, readWorkbookFile } from '../../../src/hosts/xlsx/read';
import { seedFile } from './seed';

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A valid zip of stored (uncompressed) entries. */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The start of a Compound File (OLE2) with some stream names in its directory. */
function compoundFile(...streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = streams.map((name) => {
    const entry = Buffer.alloc(128);
    Buffer.from(name, 'utf16le').copy(entry);
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    return entry;
  });
  return Buffer.concat([header, ...directory, Buffer.alloc(1024)]);
}

/** Bytes from a fixed-seed generator: the same "random" file on every run. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 2024;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state >> 16;
  }
  bytes[0] = 0x42; // not "PK", not D0 CF
  return bytes;
}

async function reasonOf(bytes: Buffer): Promise<WorkbookReadReason | 'read'> {
  try {
    await readWorkbookBuffer(bytes, 'donvi.xlsx');
    return 'read';
  } catch (error) {
    if (error instanceof WorkbookReadError) return error.reason;
    throw error;
  }
}

describe('files that are not a readable .xlsx', () => {
  test('an empty file', async () => {
    expect(await reasonOf(Buffer.alloc(0))).toBe('empty');
  });

  test('a zip cut short (a download that stopped halfway)', async () => {
    const bytes = await seedFile('unit-so-du-lich.xlsx');
    expect(await reasonOf(bytes.subarray(0, Math.floor(bytes.length * 0.6)))).toBe('corrupt');
  });

  test('a zip whose contents are damaged while its directory is whole', async () => {
    const bytes = Buffer.from(await seedFile('unit-so-du-lich.xlsx'));
    bytes.fill(0, Math.floor(bytes.length * 0.2), Math.floor(bytes.length * 0.7));
    expect(await reasonOf(bytes)).toBe('corrupt');
  });

  test('a password-protected workbook: a Compound File holding "EncryptionInfo"', async () => {
    expect(await reasonOf(compoundFile('Root Entry', 'EncryptionInfo', 'EncryptedPackage'))).toBe('encrypted');
  });

  test('an Excel 97–2003 .xls: a Compound File holding "Workbook"', async () => {
    expect(await reasonOf(compoundFile('Root Entry', 'Workbook', '\u0005SummaryInformation'))).toBe('not-xlsx');
  });

  test('another Compound File: said to be encrypted or .xls', async () => {
    const error = await readWorkbookBuffer(compoundFile('Root Entry', 'WordDocument'), 'bao-cao.doc').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).reason).toBe('not-xlsx');
    expect((error as WorkbookReadError).en).toBe(
      'bao-cao.doc: The file is password-protected or in the old .xls format; remove the password and save it as .xlsx.',
    );
  });

  test('random bytes', async () => {
    expect(await reasonOf(noise(4096))).toBe('not-xlsx');
  });

  test('a CSV saved with an .xlsx name', async () => {
    expect(await reasonOf(Buffer.from('STT,Tên đơn vị\n1,Sở Du lịch\n', 'utf8'))).toBe('not-xlsx');
  });

  test('a zip that is not a workbook (a .docx)', async () => {
    const docx = storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect(await reasonOf(docx)).toBe('not-xlsx');
  });
});

describe('messages', () => {
  test('Vietnamese first, then English, naming the file', async () => {
    const error = (await readWorkbookBuffer(compoundFile('EncryptionInfo'), 'so-du-lich.xlsx').catch(
      (e: unknown) => e,
    )) as WorkbookReadError;
    expect(error.name).toBe('WorkbookReadError');
    expect(error.message).toBe(
      'so-du-lich.xlsx: Tệp được đặt mật khẩu (mã hoá); hãy bỏ mật khẩu rồi gửi lại. / ' +
        'The file is password-protected (encrypted); remove the password and send it again.',
    );
    expect(error.vi).toBe('so-du-lich.xlsx: Tệp được đặt mật khẩu (mã hoá); hãy bỏ mật khẩu rồi gửi lại.');
    expect(error.file).toBe('so-du-lich.xlsx');
  });

  test('a corrupt file keeps what ExcelJS said as the cause', async () => {
    const bytes = Buffer.from(await seedFile('unit-so-du-lich.xlsx'));
    bytes.fill(0, Math.floor(bytes.length * 0.2), Math.floor(bytes.length * 0.7));
    const error = (await readWorkbookBuffer(bytes).catch((e: unknown) => e)) as WorkbookReadError;
    expect(error.message).toBe(
      'Tệp bị hỏng, không mở được như một bảng tính .xlsx. / The file is corrupt and cannot be opened as an .xlsx workbook.',
    );
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('readWorkbookFile', () => {
  test('names the path in the error and in the snapshot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'soat-'));
    const empty = join(dir, 'trong.xlsx');
    await writeFile(empty, '');
    await expect(readWorkbookFile(empty)).rejects.toMatchObject({ reason: 'empty', file: empty });
    const good = join(dir, 'so-du-lich.xlsx');
    await writeFile(good, await seedFile('unit-so-du-lich.xlsx'));
    expect((await readWorkbookFile(good)).snapshot.file).toBe(good);
  });

  test('a missing file is the file system’s error, not a workbook error', async () => {
    await expect(readWorkbookFile(join(tmpdir(), 'khong-co-tep-nay.xlsx'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
