import type * as ExcelJS from 'exceljs';
import type { XlsxWriting } from './draft';
import { nativeCompressor } from './package/native-compressor';

/**
 * The command line's writing: ExcelJS's workbook class without the streaming reader and writer
 * the package's entry loads with it (a third of a second at start), Node's zlib, and the notes
 * written from a template (the portable writing leaves them to ExcelJS: the tests hold them equal).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Workbook = require('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook;

export const nativeWriting: XlsxWriting = { Workbook, compressor: nativeCompressor, notesAfter: true };
