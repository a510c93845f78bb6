import type * as ExcelJS from 'exceljs';

/**
 * A `<fill>` read and written by ExcelJS's own fill translation, so that a fill read from the
 * package is the very model the snapshot and the "_soat" record hold (see encodeFill).
 */

interface Xform {
  parse(events: AsyncIterable<unknown>): Promise<unknown>;
  toXml(model: unknown): string;
}

/* eslint-disable @typescript-eslint/no-require-imports */
const FillXform = require('exceljs/lib/xlsx/xform/style/fill-xform') as new () => Xform;
const parseSax = require('exceljs/lib/utils/parse-sax') as (chunks: Iterable<string>) => AsyncIterable<unknown>;
/* eslint-enable @typescript-eslint/no-require-imports */

export async function readFillXml(xml: string): Promise<ExcelJS.Fill | undefined> {
  return (await new FillXform().parse(parseSax([xml]))) as ExcelJS.Fill | undefined;
}

export function fillXml(fill: ExcelJS.Fill): string {
  return new FillXform().toXml(fill);
}
