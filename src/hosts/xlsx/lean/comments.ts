import { runText } from './runs';
import { XmlScanner, Token } from './xml';

/**
 * Notes by the reference they name, as ExcelJS reads a comments part: the text of the rich-text
 * runs joined (a legacy note's author, "Lan:", is its first run); text outside runs is not read.
 */
export function readComments(xml: string): Map<string, string> {
  const scanner = new XmlScanner(xml);
  const notes = new Map<string, string>();
  let ref: string | undefined;
  let runs: string[] | undefined;
  for (let token = scanner.next(); token !== Token.End; token = scanner.next()) {
    if (token === Token.Open) {
      if (scanner.name === 'comment') {
        ref = scanner.attributes()['ref'];
        runs = [];
      } else if (scanner.name === 'r' && runs !== undefined) runs.push(runText(scanner));
    } else if (token === Token.Close && scanner.name === 'comment' && runs !== undefined) {
      if (ref) notes.set(ref, runs.join(''));
      runs = undefined;
    }
  }
  return notes;
}
