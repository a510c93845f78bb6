import type {
  GsDeveloperMetadata,
  GsDeveloperMetadataFinder,
  GsHtmlOutput,
  GsMenu,
  GsSheet,
  GsSpreadsheet,
  GsSpreadsheetApp,
  GsUi,
} from '../../../src/hosts/gsheets/apps-script';
import type { SheetSnapshot } from '../../../src/core/snapshot';
import { isCellError } from '../../../src/core/snapshot';
import { parseAddress } from '../../../src/core/address';
import { CallLedger } from './ledger';
import { FakeSheet } from './sheet';

export { CallLedger, readMethods, writeMethods } from './ledger';
export { FakeRange, FakeSheet } from './sheet';
export { setEvaluator } from './cells';
export { fakeUtilities } from './utilities';

/**
 * An in-memory Google Sheets spreadsheet with SpreadsheetApp's shapes: 2D arrays from A1,
 * "" for empty cells, "#ffffff" for no fill, "0.###############" for the automatic format,
 * hidden sheets, notes; every call on it is written in `ledger`.
 */
export class FakeSpreadsheet implements GsSpreadsheet {
  readonly ledger = new CallLedger();
  readonly sheets: FakeSheet[] = [];
  active: FakeSheet | undefined;

  constructor(names: readonly string[] = ['Sheet1']) {
    for (const name of names) this.add(name);
    this.active = this.sheets[0];
  }

  private add(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name === name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(
      name,
      this.ledger,
      (s) => (this.active = s),
      (s) => this.sheets.some((other) => other !== s && !other.hidden),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (sheet === undefined) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** Finds the sheets' developer metadata (deleted sheets take theirs with them), like Sheets. */
  createDeveloperMetadataFinder(): GsDeveloperMetadataFinder {
    this.ledger.record('', 'createDeveloperMetadataFinder');
    let key: string | undefined;
    const finder: GsDeveloperMetadataFinder = {
      withKey: (k) => ((key = k), finder),
      find: (): GsDeveloperMetadata[] => {
        this.ledger.record('', 'find');
        return this.sheets.flatMap((sheet) =>
          sheet.metadata
            .filter((m) => key === undefined || m.key === key)
            .map((m) => ({
              getKey: () => m.key,
              getValue: () => m.value,
              getLocation: () => ({ getSheet: () => sheet }),
            })),
        );
      },
    };
    return finder;
  }
  getSheets(): GsSheet[] {
    this.ledger.record('', 'getSheets');
    return [...this.sheets];
  }
  getSheetByName(name: string): GsSheet | null {
    this.ledger.record('', 'getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getActiveSheet(): GsSheet {
    this.ledger.record('', 'getActiveSheet');
    return this.active ?? this.sheets[0]!;
  }
  /** Like Sheets, the new sheet becomes the active one. */
  insertSheet(name: string): GsSheet {
    this.ledger.record('', 'insertSheet');
    const sheet = this.add(name);
    this.active = sheet;
    return sheet;
  }
  deleteSheet(sheet: never): void {
    this.ledger.record('', 'deleteSheet');
    const index = this.sheets.indexOf(sheet as FakeSheet);
    if (index < 0) throw new Error('Sheet not found');
    if (this.sheets.filter((s) => !s.hidden).length === 1 && !(sheet as FakeSheet).hidden) {
      throw new Error("You can't remove all the visible sheets in a document.");
    }
    this.sheets.splice(index, 1);
  }

  /** Test set-up, not counted: a sheet filled from a core snapshot (fills as Sheets' "#rrggbb"). */
  load(snapshot: SheetSnapshot): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === snapshot.name) ?? this.add(snapshot.name);
    snapshot.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const formula = snapshot.formulas?.[r]?.[c];
        const format = snapshot.numberFormats?.[r]?.[c];
        if (value === null && formula === undefined && format === undefined) return;
        const cell = sheet.cell(r + 1, c + 1, true)!;
        if (format !== undefined) cell.format = format;
        if (formula !== undefined) cell.formula = `=${formula}`;
        if (value !== null) cell.value = isCellError(value) ? value.error : value;
      }),
    );
    for (const [a1, note] of Object.entries(snapshot.notes ?? {})) {
      const { row, col } = parseAddress(a1);
      sheet.cell(row, col, true)!.note = note;
    }
    for (const [a1, argb] of Object.entries(snapshot.fills ?? {})) {
      const { row, col } = parseAddress(a1);
      sheet.cell(row, col, true)!.background = `#${argb.slice(-6).toLowerCase()}`;
    }
    return sheet;
  }
}

export class FakeMenu implements GsMenu {
  readonly items: { caption: string; functionName: string }[] = [];
  addedToUi = false;
  constructor(readonly caption: string) {}
  addItem(caption: string, functionName: string): this {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    return this;
  }
  addToUi(): void {
    this.addedToUi = true;
  }
}

export class FakeUi implements GsUi {
  readonly menus: FakeMenu[] = [];
  readonly sidebars: unknown[] = [];
  readonly alerts: string[] = [];
  createAddonMenu(): FakeMenu {
    const menu = new FakeMenu('(add-on)');
    this.menus.push(menu);
    return menu;
  }
  createMenu(caption: string): FakeMenu {
    const menu = new FakeMenu(caption);
    this.menus.push(menu);
    return menu;
  }
  showSidebar(html: unknown): void {
    this.sidebars.push(html);
  }
  alert(prompt: string): void {
    this.alerts.push(prompt);
  }
}

export class FakeSpreadsheetApp implements GsSpreadsheetApp {
  readonly ui = new FakeUi();
  constructor(readonly spreadsheet: FakeSpreadsheet = new FakeSpreadsheet()) {}
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  getUi(): FakeUi {
    return this.ui;
  }
}

export class FakeHtmlOutput implements GsHtmlOutput {
  title = '';
  constructor(readonly file: string) {}
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
}

export const fakeHtmlService = {
  createHtmlOutputFromFile: (file: string): FakeHtmlOutput => new FakeHtmlOutput(file),
};
