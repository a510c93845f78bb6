import { parseAddress } from '../../../src/core/address';
import { address } from '../../../src/core/address';
import { GsheetsHost } from '../../../src/hosts/gsheets/host';
import { FakeSpreadsheet } from '../../support/fake-spreadsheet-app';
import { hostContract } from '../contract';

/** The Google Sheets host over the fake SpreadsheetApp, under the contract every host keeps. */
hostContract({
  name: 'GsheetsHost',
  open: (snapshot) => {
    const spreadsheet = new FakeSpreadsheet([]);
    for (const sheet of snapshot.sheets) spreadsheet.load(sheet);
    const cells = (name: string): [string, ReturnType<(typeof spreadsheet.sheets)[number]['cell']>][] =>
      [...spreadsheet.sheet(name).cells].map(([key, cell]) => {
        const [row, col] = key.split(':').map(Number) as [number, number];
        return [address(row, col), cell];
      });
    const pick = (
      name: string,
      read: (cell: NonNullable<ReturnType<typeof cells>[number][1]>) => unknown,
    ): Promise<Record<string, never>> =>
      Promise.resolve(
        Object.fromEntries(
          cells(name)
            .map(([a1, cell]) => [a1, cell === undefined ? undefined : read(cell)] as const)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => parseAddress(a).row - parseAddress(b).row || parseAddress(a).col - parseAddress(b).col),
        ) as Record<string, never>,
      );
    return Promise.resolve({
      host: new GsheetsHost(spreadsheet),
      fills: (name) =>
        pick(name, (cell) =>
          cell.background === undefined ? undefined : `FF${cell.background.slice(1).toUpperCase()}`,
        ),
      notes: (name) => pick(name, (cell) => cell.note),
      values: (name) => pick(name, (cell) => cell.formula ?? cell.value),
    });
  },
});
