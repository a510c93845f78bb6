/// <reference types="office-js" />
import type { Resolution } from '../../core/annotate';
import { resolveClear, resolvePlan } from '../../core/annotate';
import type { SpreadsheetHost } from '../../core/host';
import type { SheetDraft, WorkbookDraft } from '../../core/merge/output';
import type { CellWrite, EditPlan } from '../../core/plan';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import type { ExcelFeatures, OfficeApi } from './api';
import { detectFeatures, minimumExcelApi } from './api';
import type { PayloadBudget } from './batch';
import { ReadBatch, WriteBatch, callBytes, payloadBudget } from './batch';
import type { CommentStore } from './comments';
import { commentStore, queueCommentWrite, queueConfirmationRemoval, queueConfirmationWrite } from './comments';
import { ExcelHostError } from './errors';
import { queueFillGroup, queueFillRead } from './fills';
import { isOwnSheet, writeMergeDraft } from './merge-outputs';
import type { ExcelMarks } from './read';
import { cellValue, readWorkbook } from './read';
import { knownSeparator, learnSeparator } from './separator';
import type { Overwritten, StoredRecord } from './record';
import { queueRecordWrite } from './record';
import { addRegistrySheet, readReportSheets, writeDefinitionSheet } from './report-sheets';
import type { RunSettings } from './run';
import { runBatch } from './run';
import { queueCellWrite, queuePreviousRead } from './writes';

/** A recorded cell's current fill is not read: it is always rewritten, which is harmless. */
const unreadFill = '?';

/**
 * The open workbook through Office.js. Validate on an ordinary workbook costs four syncs: two to
 * read (readSnapshot), one for the original fills of newly painted cells, one to write. A larger
 * one costs, past those, a sync per 4 MB of cells beyond each sheet's first block (blocks.ts), of
 * fill reads (~110 bytes a cell) and of writes (~1 KB a call), so that no request or answer
 * passes Excel on the web's 5 MB; a list separator not yet learnt costs one refused request.
 */
export class ExcelHost implements SpreadsheetHost {
  readonly features: ExcelFeatures;
  readonly store: CommentStore;
  /** Marks read with the last snapshot, used once by the applyPlan that follows it. */
  private pendingMarks: ExcelMarks | undefined;

  /** What a request and an answer may carry: under Excel's 5 MB (lower only to test splitting). */
  private readonly budget: PayloadBudget;

  constructor(
    private readonly api: OfficeApi,
    private readonly settings: RunSettings & { readonly budget?: PayloadBudget } = {},
  ) {
    this.features = detectFeatures(api);
    this.store = commentStore(this.features);
    this.budget = settings.budget ?? payloadBudget;
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (!this.api.isSetSupported('ExcelApi', minimumExcelApi)) return Promise.reject(new ExcelHostError('old-excel'));
    return runBatch(this.api, this.features, batch, this.settings);
  }

  /** Reads the workbook; learns the list separator on the way, once per session. */
  private async read(context: Excel.RequestContext, withValues: boolean): ReturnType<typeof readWorkbook> {
    const separator = knownSeparator(this.api);
    const read = await readWorkbook(context, this.features, this.store, withValues, separator, this.budget);
    learnSeparator(this.api, read.separator);
    return read;
  }

  readSnapshot(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const { marks, snapshot } = await this.read(context, true);
      this.pendingMarks = marks;
      return snapshot;
    });
  }

  /**
   * The sheets a merge of the open workbook takes: each unit's, not Soát's own ("_soat…") nor the
   * sheets earlier merges wrote (by id, so a renamed "Tổng hợp" is still left out).
   */
  readMergeInputs(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const { marks, snapshot } = await this.read(context, true);
      this.pendingMarks = undefined; // the merge writes no plan; its own write changes the record
      const outputs = new Set(marks.record.mergeOutputs);
      const left = new Set(marks.sheets.filter((s) => outputs.has(s.id) || isOwnSheet(s.name)).map((s) => s.name));
      return { sheets: snapshot.sheets.filter((sheet) => !left.has(sheet.name)) };
    });
  }

  /** Writes a merge's draft into new sheets, recorded as merge outputs. */
  writeMerge(draft: WorkbookDraft): Promise<void> {
    return this.run((context) => writeMergeDraft(context, draft, this.features));
  }

  private async marks(context: Excel.RequestContext): Promise<ExcelMarks> {
    const pending = this.pendingMarks;
    this.pendingMarks = undefined;
    return pending ?? (await this.read(context, false)).marks;
  }

  applyPlan(plan: EditPlan): Promise<void> {
    return this.run(async (context) => {
      const marks = await this.marks(context);
      const edited = plan.sheets.filter((s) => s.fills.length + s.notes.length + s.writes.length > 0);
      for (const { sheet } of edited) {
        const known = marks.sheets.find((s) => s.name === sheet);
        if (known === undefined) throw new ExcelHostError('sheet-missing', ` (${sheet})`);
        if (known.protected) throw new ExcelHostError('protected', ` (${sheet})`);
      }
      const recorded = marks.record.fills.fills;
      // Reads for the cells about to change: their original fills and the values to be overwritten.
      const reads: {
        sheet: string;
        originals?: () => Record<string, string | null>;
        previous: Awaited<ReturnType<typeof queuePreviousRead>>;
      }[] = [];
      const batch = new ReadBatch(context, this.budget);
      for (const { sheet, fills, writes } of edited) {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        const fresh = [...new Set(fills.filter((g) => g.color !== '').flatMap((g) => g.cells))].filter(
          (cell) => !(cell in (recorded[sheet] ?? {})),
        );
        const done = new Set(marks.record.overwritten.filter((o) => o.sheet === sheet).map((o) => o.cell));
        const changed = writes.map((w) => w.cell).filter((cell) => !done.has(cell));
        const previous = await queuePreviousRead(worksheet, changed, batch.spend);
        const originals =
          fresh.length > 0
            ? await queueFillRead(worksheet, sheet, fresh, batch.spend, this.budget.response / 2)
            : undefined;
        reads.push({ sheet, previous, ...(originals ? { originals } : {}) });
      }
      await batch.finish();

      const overwritten: Overwritten[] = [...marks.record.overwritten];
      const sheets: SheetSnapshot[] = marks.sheets.map(({ name }) => {
        const read = reads.find((r) => r.sheet === name);
        const fills: Record<string, string> = {};
        for (const cell of Object.keys(recorded[name] ?? {})) fills[cell] = unreadFill;
        for (const [cell, fill] of Object.entries(read?.originals?.() ?? {})) if (fill !== null) fills[cell] = fill;
        overwritten.push(...(read?.previous.collect(name) ?? []));
        return { name, values: [], notes: noteTexts(marks, name), fills };
      });
      const resolution = resolvePlan({ sheets }, marks.record.fills, plan);
      await this.write(context, marks, resolution, { ...marks.record, fills: resolution.record, overwritten });
    });
  }

  clear(): Promise<void> {
    return this.run(async (context) => {
      const marks = await this.marks(context);
      const sheets = marks.sheets.map(({ name }) => {
        const fills = Object.fromEntries(Object.keys(marks.record.fills.fills[name] ?? {}).map((c) => [c, unreadFill]));
        return { name, values: [], notes: noteTexts(marks, name), fills };
      });
      const resolution = resolveClear({ sheets }, marks.record.fills);
      await this.write(context, marks, resolution, { ...marks.record, fills: resolution.record });
    });
  }

  /**
   * Writes values only (an accepted suggestion): Soát's marks stay as they are, and what each
   * cell held is recorded so that Revert puts it back.
   */
  writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    return this.run(async (context) => {
      const marks = await this.marks(context);
      const known = marks.sheets.find((s) => s.name === sheet);
      if (known === undefined) throw new ExcelHostError('sheet-missing', ` (${sheet})`);
      if (known.protected) throw new ExcelHostError('protected', ` (${sheet})`);
      const worksheet = context.workbook.worksheets.getItem(sheet);
      const done = new Set(marks.record.overwritten.filter((o) => o.sheet === sheet).map((o) => o.cell));
      const reads = new ReadBatch(context, this.budget);
      const changed = writes.map((w) => w.cell).filter((cell) => !done.has(cell));
      const previous = await queuePreviousRead(worksheet, changed, reads.spend);
      await reads.finish();
      const batch = new WriteBatch(context, this.budget.request);
      for (const write of writes) {
        await batch.spend(callBytes(write));
        queueCellWrite(worksheet, write);
      }
      const record = { ...marks.record, overwritten: [...marks.record.overwritten, ...previous.collect(sheet)] };
      await queueRecordWrite(context, record, marks.recordExists, batch.spend, this.budget.request);
      await batch.finish();
    });
  }

  /** Puts back what Compute and accepted suggestions overwrote; returns how many cells. */
  revert(): Promise<number> {
    return this.run(async (context) => {
      const marks = await this.marks(context);
      const present = new Set(marks.sheets.map((s) => s.name));
      const entries = marks.record.overwritten.filter((o) => present.has(o.sheet));
      const batch = new WriteBatch(context, this.budget.request);
      for (const entry of entries) {
        await batch.spend(callBytes(entry.formula ?? entry.value));
        const write =
          entry.formula !== undefined
            ? { cell: entry.cell, formula: entry.formula }
            : {
                cell: entry.cell,
                value: entry.value === true || entry.value === false ? String(entry.value) : entry.value,
              };
        queueCellWrite(context.workbook.worksheets.getItem(entry.sheet), write);
      }
      const record = { ...marks.record, overwritten: [] };
      await queueRecordWrite(context, record, marks.recordExists, batch.spend, this.budget.request);
      await batch.finish();
      return entries.length;
    });
  }

  /**
   * Writes a reviewer's confirmation of `rule` into one cell's note or thread, the line made from
   * the value the cell holds now; four syncs (the notes, the cell's value, the write), whatever
   * the workbook. Nothing else of the note changes.
   */
  confirmCell(sheet: string, cell: string, rule: string, line: (value: CellValue) => string): Promise<void> {
    return this.run(async (context) => {
      const { marks, worksheet } = await this.noteTarget(context, sheet);
      const range = worksheet.getRange(cell).load('values,valueTypes');
      await context.sync();
      const value = cellValue(range.values[0]?.[0], range.valueTypes[0]?.[0]);
      queueConfirmationWrite(
        context,
        this.store,
        worksheet,
        cell,
        marks.comments.get(sheet)?.get(cell),
        line(value),
        rule,
      );
      await context.sync();
    });
  }

  /** Removes the confirmations of `rule` from one cell's note or thread; three syncs. */
  unconfirmCell(sheet: string, cell: string, rule: string): Promise<void> {
    return this.run(async (context) => {
      const { marks, worksheet } = await this.noteTarget(context, sheet);
      queueConfirmationRemoval(context, this.store, worksheet, cell, marks.comments.get(sheet)?.get(cell), rule);
      await context.sync();
    });
  }

  /** The notes of the workbook, and the sheet whose note a reviewer changes, checked writable. */
  private async noteTarget(
    context: Excel.RequestContext,
    sheet: string,
  ): Promise<{ marks: ExcelMarks; worksheet: Excel.Worksheet }> {
    if (this.store === 'none') throw new ExcelHostError('unsupported');
    this.pendingMarks = undefined;
    const { marks } = await this.read(context, false);
    const known = marks.sheets.find((s) => s.name === sheet);
    if (known === undefined) throw new ExcelHostError('sheet-missing', ` (${sheet})`);
    if (known.protected) throw new ExcelHostError('protected', ` (${sheet})`);
    return { marks, worksheet: context.workbook.worksheets.getItem(sheet) };
  }

  /** Shows a finding's cell: activates its sheet and selects the cell. */
  select(sheet: string, cell: string): Promise<void> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    });
  }

  /** The stored definition and the unit list sheet, those the workbook has, with their values. */
  readReportSheets(): Promise<WorkbookSnapshot> {
    return this.run(readReportSheets);
  }

  /** Writes (or rewrites) the very hidden sheet holding a report definition. */
  writeDefinitionSheet(draft: SheetDraft): Promise<void> {
    return this.run((context) => writeDefinitionSheet(context, draft));
  }

  /** Adds the "Danh mục đơn vị" sheet and shows it. */
  addRegistrySheet(draft: SheetDraft): Promise<void> {
    return this.run((context) => addRegistrySheet(context, draft));
  }

  private async write(
    context: Excel.RequestContext,
    marks: ExcelMarks,
    resolution: Resolution,
    record: StoredRecord,
  ): Promise<void> {
    const batch = new WriteBatch(context, this.budget.request);
    const separator = knownSeparator(this.api) ?? ',';
    for (const edits of resolution.edits) {
      const worksheet = context.workbook.worksheets.getItem(edits.sheet);
      for (const group of edits.fills)
        await queueFillGroup(worksheet, group.color, group.cells, batch.spend, separator);
      const existing = marks.comments.get(edits.sheet);
      // Without notes or comments (below ExcelApi 1.10) nothing is sent, so nothing is spent.
      if (this.store !== 'none') {
        for (const note of edits.notes) {
          await batch.spend(callBytes(note.text));
          queueCommentWrite(context, this.store, worksheet, note.cell, note.text, existing?.get(note.cell));
        }
      }
      for (const write of edits.writes) {
        await batch.spend(callBytes(write));
        queueCellWrite(worksheet, write);
      }
    }
    await queueRecordWrite(context, record, marks.recordExists, batch.spend, this.budget.request);
    await batch.finish();
  }
}

function noteTexts(marks: ExcelMarks, sheet: string): Record<string, string> {
  return Object.fromEntries([...(marks.comments.get(sheet) ?? [])].map(([cell, comment]) => [cell, comment.text]));
}
