import * as ExcelJS from 'exceljs';
import type { XlsxWriting } from './draft';
import { portableCompressor } from './package/zip-write';

/** The whole of ExcelJS (its browser build in a browser) and fflate's deflate: runs anywhere. */
export const portableWriting: XlsxWriting = { Workbook: ExcelJS.Workbook, compressor: portableCompressor };
