import { checkWorkbook } from '../../core/check';
import { computePlan } from '../../core/compute/percentages';
import { definitionSheetDraft, inForce, parseDefinition } from '../../core/definition';
import { isReportDataSheet } from '../../core/definition/carried';
import { registrySheetDraft } from '../../core/merge/template';
import { findRegistrySheet } from '../../core/units/sheet';
import { annotationPlan } from '../../core/report/annotations';
import type { Lang } from '../../core/report/finding';
import type { ComputeSummary, PaneFinding, PaneInForce, PaneReport } from '../../taskpane/actions';
import { paneInForce } from '../../taskpane/in-force';
import { registrySheetExists } from '../../taskpane/refusal';
import type { GsHtmlService, GsSpreadsheet, GsSpreadsheetApp, GsUtilities } from './apps-script';
import { confirmInSheet, unconfirmInSheet } from './confirm';
import { GsheetsHost } from './host';
import { paneReport } from '../../taskpane/report';
import { mergeIntoSpreadsheet } from './merge';
import { mergeOutputSheets } from './merge-outputs';
import { addRegistrySheet, readReportSheets, writeDefinitionSheet } from './report-sheets';
import { decodePayload } from './transfer';
import { storeChunk, takeUpload } from './upload';

/**
 * The Apps Script entry points: menu handlers and the functions the sidebar calls through
 * google.script.run. Thin: read through the host, let the core decide, apply through the host.
 */

interface Services {
  readonly SpreadsheetApp: GsSpreadsheetApp;
  readonly HtmlService: GsHtmlService;
  readonly Utilities: GsUtilities;
}

/** Apps Script's services are globals; tests install fakes under the same names. */
function services(): Services {
  return globalThis as unknown as Services;
}

function host(): GsheetsHost {
  return new GsheetsHost(services().SpreadsheetApp.getActiveSpreadsheet());
}

function heldInForce(spreadsheet: GsSpreadsheet, lang: Lang): PaneInForce {
  return paneInForce(inForce(readReportSheets(spreadsheet)), lang);
}

/** What the sidebar may call; the client is typed against this object. */
export const serverFunctions = {
  validate(lang: Lang): PaneReport {
    const sheets = host();
    const check = checkWorkbook(sheets.snapshot());
    sheets.applyNow(annotationPlan(check.findings, lang));
    return paneReport(check.findings, lang, check.inForce);
  },

  /**
   * As in Excel (ExcelPaneActions.compute → applyPlan): the computed plan replaces Soát's marks,
   * so Validate's colours and notes, stale once the percentages change, go (originals restored).
   */
  compute(options: { overwrite: boolean; lang: Lang }): ComputeSummary {
    const sheets = host();
    const computed = computePlan(checkWorkbook(sheets.snapshot()), { overwrite: options.overwrite });
    sheets.applyNow(computed.plan);
    return { written: computed.replaced.length, keptMismatches: computed.keptMismatches.length };
  },

  clear(): void {
    host().clearNow();
  },

  revert(): number {
    return host().revert();
  },

  selectCell(sheet: string, cell: string): void {
    host().selectCell(sheet, cell);
  },

  acceptSuggestion(finding: PaneFinding): void {
    const suggestion = finding.suggestion;
    if (suggestion === undefined) return;
    host().write({
      sheets: [
        { sheet: finding.sheet, fills: [], notes: [], writes: [{ cell: suggestion.cell, value: suggestion.value }] },
      ],
    });
  },

  confirm(finding: PaneFinding, reason: string, lang: Lang): void {
    confirmInSheet(services().SpreadsheetApp.getActiveSpreadsheet(), finding, reason, lang);
  },

  unconfirm(finding: PaneFinding): void {
    unconfirmInSheet(services().SpreadsheetApp.getActiveSpreadsheet(), finding);
  },

  /**
   * Each unit sheet is one input; Soát's own sheets, an earlier merge's output and the unit list
   * are not. The spreadsheet's stored definition and unit list are what the units are merged against.
   */
  mergeSheets(lang: Lang): PaneReport {
    const spreadsheet = services().SpreadsheetApp.getActiveSpreadsheet();
    const outputs = mergeOutputSheets(spreadsheet);
    const skipped = (name: string): boolean => outputs.has(name) || isReportDataSheet(name);
    const snapshot = new GsheetsHost(spreadsheet, skipped).snapshot();
    return mergeIntoSpreadsheet(
      spreadsheet,
      snapshot.sheets.map((sheet) => ({ file: sheet.name, sheets: [sheet] })),
      [],
      lang,
      inForce(readReportSheets(spreadsheet)),
    );
  },

  /** One chunk of the unit files the sidebar read; `index` orders them. */
  uploadChunk(upload: string, index: number, chunk: string): void {
    storeChunk(services().SpreadsheetApp.getActiveSpreadsheet(), services().Utilities, upload, index, chunk);
  },

  mergeUpload(upload: string, lang: Lang): PaneReport {
    const spreadsheet = services().SpreadsheetApp.getActiveSpreadsheet();
    const payload = decodePayload(takeUpload(spreadsheet, services().Utilities, upload));
    const held = inForce(readReportSheets(spreadsheet));
    return mergeIntoSpreadsheet(spreadsheet, payload.workbooks, payload.unreadable, lang, held);
  },

  inForce(lang: Lang): PaneInForce {
    return heldInForce(services().SpreadsheetApp.getActiveSpreadsheet(), lang);
  },

  /** Parsed before anything is written: a broken definition throws its DefinitionError. */
  storeDefinition(json: string, lang: Lang, source = 'JSON'): PaneInForce {
    const report = parseDefinition(json, source);
    const spreadsheet = services().SpreadsheetApp.getActiveSpreadsheet();
    writeDefinitionSheet(spreadsheet, definitionSheetDraft(report));
    return heldInForce(spreadsheet, lang);
  },

  /** "Danh mục đơn vị" pre-filled from the list in force; a sheet there already is never overwritten. */
  createRegistrySheet(lang: Lang): PaneInForce {
    const spreadsheet = services().SpreadsheetApp.getActiveSpreadsheet();
    const sheets = readReportSheets(spreadsheet);
    const present = findRegistrySheet(sheets);
    if (present !== undefined) throw registrySheetExists(present.name);
    addRegistrySheet(spreadsheet, registrySheetDraft(inForce(sheets).registry, lang));
    return heldInForce(spreadsheet, lang);
  },
};

export type ServerFunctions = typeof serverFunctions;

const menuItems: readonly [caption: string, functionName: string][] = [
  ['Kiểm tra / Validate', 'menuValidate'],
  ['Tính tỷ lệ / Compute percentages', 'menuCompute'],
  ['Tổng hợp / Merge unit sheets', 'menuMerge'],
  ['Xóa đánh dấu / Clear', 'menuClear'],
  ['Mở Soát / Open sidebar', 'showSidebar'],
];

/** The "Soát" menu. As an add-on, under Extensions › Soát; bound to a sheet, its own menu. */
export function onOpen(): void {
  const ui = services().SpreadsheetApp.getUi();
  const menu = ui.createAddonMenu();
  for (const [caption, functionName] of menuItems) menu.addItem(caption, functionName);
  menu.addToUi();
}

export function onInstall(): void {
  onOpen();
}

function summaryText(report: PaneReport): string {
  const { error, warning, info } = report.summary;
  const confirmed = report.confirmed ?? 0;
  const vi = `${error} lỗi, ${warning} cảnh báo, ${info} thông tin${confirmed > 0 ? `, ${confirmed} đã xác nhận` : ''}`;
  const en = `${error} errors, ${warning} warnings, ${info} info${confirmed > 0 ? `, ${confirmed} confirmed` : ''}`;
  return `Soát: ${vi} / ${en}.`;
}

export function menuValidate(): void {
  services()
    .SpreadsheetApp.getUi()
    .alert(summaryText(serverFunctions.validate('vi')));
}

export function menuCompute(): void {
  const { written, keptMismatches } = serverFunctions.compute({ overwrite: false, lang: 'vi' });
  services()
    .SpreadsheetApp.getUi()
    .alert(
      `Soát: đã ghi ${written} ô tỷ lệ, giữ nguyên ${keptMismatches} ô không khớp / wrote ${written} percentages, kept ${keptMismatches} mismatched.`,
    );
}

export function menuMerge(): void {
  services()
    .SpreadsheetApp.getUi()
    .alert(summaryText(serverFunctions.mergeSheets('vi')));
}

export function menuClear(): void {
  serverFunctions.clear();
}

export function showSidebar(): void {
  const { HtmlService, SpreadsheetApp } = services();
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Soát'));
}
