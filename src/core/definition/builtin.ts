import builtinJson from '../../../definitions/hp-kh197-9t2024.json';
import type { Report } from '../templates/appendix';
import { readDefinition } from './read';

/** The report Soát was made from, Hải Phòng's 9T/2024 on plan 197: used when no other is given. */
export const builtinReport: Report = readDefinition(
  builtinJson,
  'hp-kh197-9t2024.json',
  JSON.stringify(builtinJson, null, 2),
);
