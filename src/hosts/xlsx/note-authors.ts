import JSZip from 'jszip';
import { hasSoatBlock, humanPart } from '../../core/report/annotation';

/** The author a note written by Soát alone carries in the file. */
export const soatAuthor = 'Soát';

const commentsPart = /^xl\/comments\d*\.xml$/;
const authorsList = /<authors>[\s\S]*?<\/authors>/;
const comment = /<comment ref="([^"]+)" authorId="(\d+)"><text>([\s\S]*?)<\/text><\/comment>/g;

/**
 * ExcelJS signs every note "Author". A note that holds only Soát's block is signed "Soát" instead,
 * so a reviewer sees who wrote it; a note with a human's text keeps ExcelJS's author.
 */
export async function signSoatNotes(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((name) => commentsPart.test(name));
  if (parts.length === 0) return bytes;
  for (const name of parts) {
    const xml = await zip.file(name)!.async('string');
    const authors = authorsList.exec(xml)?.[0];
    if (!authors) continue;
    const soatId = (authors.match(/<author>/g) ?? []).length;
    const signed = xml
      .replace(authorsList, authors.replace('</authors>', `<author>${soatAuthor}</author></authors>`))
      .replace(comment, (whole, ref: string, _id: string, text: string) =>
        humanPart(plainText(text)) === '' && hasSoatBlock(plainText(text))
          ? `<comment ref="${ref}" authorId="${soatId}"><text>${text}</text></comment>`
          : whole,
      );
    zip.file(name, signed);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The text runs of a note, without their XML. */
function plainText(xml: string): string {
  return xml.replace(/<[^>]+>/g, '').trimStart();
}
