/** Text as ExcelJS 4.4 reads it from the package, so that both readers give the same strings. */

/** `_xHHHH_` escapes (upper-case hex only) of a shared or rich text run, decoded. */
export function decodeEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A second round of the five XML entities, which ExcelJS applies to formula-string results and names. */
export function decodeEntitiesAgain(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([a-z]*);/g, (whole) => {
    switch (whole) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return whole;
    }
  });
}
