import { carriedDefinitionText } from '../../core/definition';
import type { PaneFile } from '../../taskpane/actions';
import { noCarriedDefinition } from '../../taskpane/refusal';
import { readSnapshotBuffer } from './lean/read';

/**
 * The definition text a file chosen in the pane holds: a .json file as it is, a template
 * workbook's carried definition (its very hidden "_soat_mau" sheet), read in the browser.
 */
export async function definitionTextOfFile(file: PaneFile): Promise<string> {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (!/\.xlsx$/i.test(file.name)) return new TextDecoder().decode(bytes);
  const snapshot = readSnapshotBuffer(bytes, file.name);
  const text = carriedDefinitionText(snapshot);
  if (text === undefined) throw noCarriedDefinition(file.name);
  return text;
}
