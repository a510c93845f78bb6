/// <reference types="office-js" />
import type { OfficeApi } from './api';

/**
 * The separator of a getRanges address. Excel on Windows reads it with the regional settings'
 * list separator (office-js issues #1167, #1985): ";" in Vietnamese settings, "," elsewhere.
 * Addresses Excel gives back (RangeAreas.address) use "," whatever the settings.
 */
export type ListSeparator = ',' | ';';

/** Separators already learnt, per Excel session (one OfficeApi): probed once, then kept. */
const learnt = new WeakMap<OfficeApi, ListSeparator>();

export function knownSeparator(api: OfficeApi): ListSeparator | undefined {
  return learnt.get(api);
}

export function learnSeparator(api: OfficeApi, separator: ListSeparator): void {
  learnt.set(api, separator);
}

/**
 * Queues getRanges over two cells with `separator`: Excel refuses the whole request
 * (InvalidArgument) when it reads the other one, so queue it first, before anything that matters.
 */
export function queueSeparatorProbe(worksheet: Excel.Worksheet, separator: ListSeparator): () => boolean {
  const areas = worksheet.getRanges(`A1${separator}A3`).load('areaCount');
  return () => areas.areaCount === 2;
}
