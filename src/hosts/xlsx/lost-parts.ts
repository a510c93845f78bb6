import JSZip from 'jszip';

/**
 * The parts of the input package that are missing from the package about to be written: what
 * ExcelJS could not carry over (charts, drawings, pictures…), so that the user is told before
 * the file is written rather than finding it gone.
 */
/** Parts ExcelJS writes anew under names of its own: notes, their shapes, sheets and their links. */
const rewritten = [
  /^xl\/comments\d+\.xml$/,
  /^xl\/drawings\/vmlDrawing\d+\.vml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
];

export async function lostParts(input: Uint8Array, output: Uint8Array): Promise<string[]> {
  const [before, after] = await Promise.all([JSZip.loadAsync(input), JSZip.loadAsync(output)]);
  return Object.keys(before.files)
    .filter((name) => !before.files[name]!.dir && after.file(name) === null)
    .filter((name) => !rewritten.some((pattern) => pattern.test(name)))
    .sort();
}
