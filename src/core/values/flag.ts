/**
 * Reads a yes/no mark column (Phụ lục 1 "Thiếu phụ lục", Phụ lục 2 L, N–Q). The seed's own
 * footnote says blank and "0" both mean "no or not applicable".
 */
import type { CellValue } from '../snapshot';
import { foldText } from './text';

export type FlagReading = { kind: 'yes' } | { kind: 'no' } | { kind: 'invalid' };

const YES: FlagReading = { kind: 'yes' };
const NO: FlagReading = { kind: 'no' };
const INVALID: FlagReading = { kind: 'invalid' };

/** Folded texts (NFC, lower case, trimmed), so "X", " có " and NFD "có" all land here. */
const YES_TEXTS = new Set(['x', '✓', '✔', 'có']);
const NO_TEXTS = new Set(['', '0', 'không']);

/** The marks nearly every cell holds, read without folding: a long table has thousands. */
const COMMON = new Map<string, FlagReading>([
  ['x', YES],
  ['X', YES],
  ['0', NO],
  ['', NO],
]);

export function readFlag(value: CellValue): FlagReading {
  if (value === null || value === false) return NO;
  if (value === true) return YES;
  if (typeof value === 'number') return value === 0 ? NO : INVALID;
  if (typeof value !== 'string') return INVALID; // dates and error values
  const common = COMMON.get(value);
  if (common) return common;
  // Variation selectors turn ✔ into an emoji ✔️ without changing what it says.
  const text = foldText(value.replace(/[\uFE0E\uFE0F]/g, ''));
  if (YES_TEXTS.has(text)) return YES;
  return NO_TEXTS.has(text) ? NO : INVALID;
}
