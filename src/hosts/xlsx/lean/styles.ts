import { XmlScanner, Token } from './xml';

/** What a cell's style index gives the snapshot: its number format and its plain solid fill. */
export interface CellStyle {
  /** The format code, undefined for none; ExcelJS's built-in codes for the built-in ids. */
  readonly numFmt: string | undefined;
  /** Upper-case ARGB of a solid fill of one explicit colour. */
  readonly fill: string | undefined;
  readonly isDate: boolean;
}

/** ExcelJS 4.4's built-in number formats by id. */
const builtInFormats: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** ExcelJS's test for a date format: a date letter outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

interface FillModel {
  solid: boolean;
  argb: string | undefined;
}

export const noStyle: CellStyle = { numFmt: undefined, fill: undefined, isDate: false };

/** Styles by index into `cellXfs`; a missing index has no style. */
export function readStyles(xml: string): (CellStyle | undefined)[] {
  const scanner = new XmlScanner(xml);
  const formats = new Map<number, string>();
  const fills: (FillModel | undefined)[] = [];
  const xfs: { numFmtId: number; fillId: number }[] = [];
  const path: string[] = [];
  let fill: FillModel | undefined;
  let inPattern = false;
  for (let token = scanner.next(); token !== Token.End; token = scanner.next()) {
    if (token === Token.Open) {
      const name = scanner.name;
      const parent = path[path.length - 1];
      path.push(name);
      if (name === 'numFmt' && parent === 'numFmts') {
        const a = scanner.attributes();
        const code = a['formatCode'];
        if (code === undefined) throw new Error('a number format without its code');
        formats.set(parseInt(a['numFmtId'] ?? '', 10), code.replace(/[\\](.)/g, '$1'));
      } else if (name === 'fill' && parent === 'fills') {
        fill = { solid: false, argb: undefined };
        fills.push(fill);
      } else if (name === 'patternFill' && fill !== undefined && parent === 'fill') {
        inPattern = true;
        fill.solid = scanner.attributes()['patternType'] === 'solid';
        fill.argb = undefined;
      } else if (name === 'gradientFill' && fill !== undefined && parent === 'fill') {
        fill.solid = false;
      } else if (name === 'fgColor' && inPattern && fill !== undefined) {
        const rgb = scanner.attributes()['rgb'];
        fill.argb = rgb ? rgb : undefined;
      } else if (name === 'xf' && parent === 'cellXfs') {
        const a = scanner.attributes();
        xfs.push({ numFmtId: parseInt(a['numFmtId'] as string, 10), fillId: parseInt(a['fillId'] as string, 10) });
      }
    } else if (token === Token.Close) {
      const name = path.pop();
      if (name === 'patternFill') inPattern = false;
      else if (name === 'fill' && path[path.length - 1] === 'fills') fill = undefined;
    }
  }
  return xfs.map(({ numFmtId, fillId }) => {
    const numFmt = numFmtId ? formats.get(numFmtId) || builtInFormats[numFmtId] || undefined : undefined;
    const model = fillId || fillId === 0 ? fills[fillId] : undefined;
    const fillArgb = model?.solid === true && model.argb !== undefined ? model.argb.toUpperCase() : undefined;
    return { numFmt, fill: fillArgb, isDate: isDateFormat(numFmt) };
  });
}
