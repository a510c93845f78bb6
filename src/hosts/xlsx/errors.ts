/**
 * A file that cannot be read as a workbook. Misuse of the reader, not a finding: the caller
 * (merge, the command line) reports the file and goes on with the others.
 */
export type WorkbookReadReason = 'corrupt' | 'encrypted' | 'not-xlsx' | 'empty' | 'too-large';

/** What a file that is not a readable .xlsx most likely is, for the message. */
export type UnreadableKind = WorkbookReadReason | 'xls' | 'ods' | 'encrypted-or-xls';

const messages: Record<UnreadableKind, { vi: string; en: string }> = {
  empty: { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' },
  corrupt: {
    vi: 'Tệp bị hỏng, không mở được như một bảng tính .xlsx.',
    en: 'The file is corrupt and cannot be opened as an .xlsx workbook.',
  },
  encrypted: {
    vi: 'Tệp được đặt mật khẩu (mã hoá); hãy bỏ mật khẩu rồi gửi lại.',
    en: 'The file is password-protected (encrypted); remove the password and send it again.',
  },
  xls: {
    vi: 'Tệp ở định dạng Excel 97–2003 (.xls); hãy lưu lại thành .xlsx.',
    en: 'The file is in the Excel 97–2003 format (.xls); save it as .xlsx.',
  },
  ods: {
    vi: 'Tệp ở định dạng OpenDocument (.ods), Soát chưa đọc được; hãy lưu lại thành .xlsx.',
    en: 'The file is in the OpenDocument format (.ods), which Soát does not read; save it as .xlsx.',
  },
  'encrypted-or-xls': {
    vi: 'Tệp được đặt mật khẩu hoặc ở định dạng .xls cũ; hãy bỏ mật khẩu và lưu thành .xlsx.',
    en: 'The file is password-protected or in the old .xls format; remove the password and save it as .xlsx.',
  },
  'not-xlsx': {
    vi: 'Tệp không phải là bảng tính .xlsx.',
    en: 'The file is not an .xlsx workbook.',
  },
  'too-large': {
    vi: 'Tệp vượt giới hạn Soát đọc được',
    en: 'The file is over the limits Soát reads',
  },
};

const reasonOf: Record<UnreadableKind, WorkbookReadReason> = {
  empty: 'empty',
  corrupt: 'corrupt',
  encrypted: 'encrypted',
  xls: 'not-xlsx',
  ods: 'not-xlsx',
  'encrypted-or-xls': 'not-xlsx',
  'not-xlsx': 'not-xlsx',
  'too-large': 'too-large',
};

export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
  readonly reason: WorkbookReadReason;
  /** The message in each language; `message` holds both, Vietnamese first. */
  readonly vi: string;
  readonly en: string;

  constructor(
    kind: UnreadableKind,
    readonly file?: string,
    options?: { cause?: unknown; detail?: { vi: string; en: string } },
  ) {
    const base = messages[kind];
    const detail = options?.detail;
    const vi = detail ? `${base.vi}: ${detail.vi}.` : base.vi;
    const en = detail ? `${base.en}: ${detail.en}.` : base.en;
    const prefix = file === undefined ? '' : `${file}: `;
    super(`${prefix}${vi} / ${en}`, options);
    this.reason = reasonOf[kind];
    this.vi = `${prefix}${vi}`;
    this.en = `${prefix}${en}`;
  }
}

/** Compound File Binary (OLE2): .xls, .doc, and password-protected .xlsx all are one. */
const cfbMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** "PK\x03\x04" (a zip's first local header) or "PK\x05\x06" (an empty zip). */
const zipMagic = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

/** CFB directory entries name their streams in UTF-16LE. */
const streamName = (name: string): Buffer => Buffer.from(name, 'utf16le');
const encryptionStreams = [streamName('EncryptionInfo'), streamName('EncryptedPackage')];
const xlsStreams = [streamName('Workbook'), streamName('Book')];

/**
 * Decides from the bytes alone whether a file can be an .xlsx, and why not. Returns undefined
 * for a zip that names an Excel workbook part; what ExcelJS then fails on is corruption.
 */
export function sniffWorkbook(bytes: Uint8Array): UnreadableKind | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length === 0) return 'empty';
  if (buffer.subarray(0, cfbMagic.length).equals(cfbMagic)) {
    if (encryptionStreams.some((name) => buffer.includes(name))) return 'encrypted';
    if (xlsStreams.some((name) => buffer.includes(name))) return 'xls';
    return 'encrypted-or-xls';
  }
  if (!zipMagic.some((magic) => buffer.subarray(0, magic.length).equals(magic))) return 'not-xlsx';
  // OpenDocument stores its "mimetype" entry first and uncompressed, so its text is in the bytes.
  if (buffer.includes('application/vnd.oasis.opendocument.spreadsheet', 0, 'latin1')) return 'ods';
  // Entry names are stored uncompressed; a .docx, .ods, .xlsb or plain zip has no "xl/workbook.xml".
  if (!buffer.includes('xl/workbook.xml', 0, 'latin1')) {
    // A zip cut short may have lost its directory along with the name: call that corrupt.
    return buffer.includes('PK\x05\x06', 0, 'latin1') ? 'not-xlsx' : 'corrupt';
  }
  return undefined;
}
