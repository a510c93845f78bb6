/// <reference types="office-js" />
import type { Resolution } from '../../core/annotate';
import { resolveClear, resolvePlan } from '../../core/annotate';
import type { SpreadsheetHost } from '../../core/host';
import type { SheetDraft, WorkbookDraft } from '../../core/merge/output';
import type { CellWrite, EditPlan } from '../../core/plan';
import type { SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import type { ExcelFeatures, OfficeApi } from './api';
import { detectFeatures } from './api';
import { WriteBatch, callBytes, requestBudgetBytes } from './batch';
import type { CommentStore } from './comments';
import { commentStore, queueCommentWrite } from './comments';
import { ExcelHostError } from './errors';
import { queueFillGroup, queueFillRead } from './fills';
import { isOwnSheet, writeMergeDraft } from './merge-outputs';
import type { ExcelMarks } from './read';
import { readWorkbook } from './read';
import type { Overwritten, StoredRecord } from './record';
import { queueRecordWrite } from './record';
import { addRegistrySheet, readReportSheets, writeDefinitionSheet } from './report-sheets';
import type { RunSettings } from './run';
import { runBatch } from './run';
import { queueCellWrite, queuePreviousRead } from './writes';

/** A recorded cell's current fill is not read: it is always rewritten, which is harmless. */
const unreadFill = '?';

/**
 * The open workbook through Office.js. Validate costs four syncs whatever the size: two to read
 * (readSnapshot), one for the original fills of newly painted cells, one (or more past 5 MB) to write.
 */
export class ExcelHost implements SpreadsheetHost {
  readonly features: ExcelFeatures;
  readonly store: CommentStore;
  /** Marks read with the last snapshot, used once by the applyPlan that follows it. */
  private pendingMarks: ExcelMarks | undefined;

  constructor(
    private readonly api: OfficeApi,
    private readonly settings: RunSettings = {},
  ) {
    this.features = detectFeatures(api);
    this.store = commentStore(this.features);
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (!this.api.isSetSupported('ExcelApi', '1.9')) return Promise.reject(new ExcelHostError('unsupported'));
    return runBatch(this.api, this.features, batch, this.settings);
  }

  readSnapshot(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const { marks, snapshot } = await readWorkbook(context, this.features, this.store, true);
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
      const { marks, snapshot } = await readWorkbook(context, this.features, this.store, true);
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
    return pending ?? (await readWorkbook(context, this.features, this.store, false)).marks;
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
        previous: ReturnType<typeof queuePreviousRead>;
      }[] = [];
      let bytes = 0;
      let pending = false;
      for (const { sheet, fills, writes } of edited) {
        if (bytes > requestBudgetBytes) {
          await context.sync(); // reads are one call per run of cells: only a huge workbook gets here
          bytes = 0;
          pending = false;
        }
        const spend = (n: number): void => {
          bytes += n;
          pending = true;
        };
        const worksheet = context.workbook.worksheets.getItem(sheet);
        const fresh = [...new Set(fills.filter((g) => g.color !== '').flatMap((g) => g.cells))].filter(
          (cell) => !(cell in (recorded[sheet] ?? {})),
        );
        const done = new Set(marks.record.overwritten.filter((o) => o.sheet === sheet).map((o) => o.cell));
        const previous = queuePreviousRead(
          worksheet,
          writes.map((w) => w.cell).filter((cell) => !done.has(cell)),
          spend,
        );
        reads.push({
          sheet,
          previous,
          ...(fresh.length > 0 ? { originals: queueFillRead(worksheet, fresh, spend) } : {}),
        });
      }
      if (pending) await context.sync();

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
      const previous = queuePreviousRead(
        worksheet,
        writes.map((w) => w.cell).filter((cell) => !done.has(cell)),
        () => undefined,
      );
      if (previous.size > 0) await context.sync();
      const batch = new WriteBatch(context);
      for (const write of writes) {
        await batch.spend(callBytes(write));
        queueCellWrite(worksheet, write);
      }
      const record = { ...marks.record, overwritten: [...marks.record.overwritten, ...previous.collect(sheet)] };
      await batch.spend(callBytes(record));
      queueRecordWrite(context, record, marks.recordExists);
      await batch.finish();
    });
  }

  /** Puts back what Compute and accepted suggestions overwrote; returns how many cells. */
  revert(): Promise<number> {
    return this.run(async (context) => {
      const marks = await this.marks(context);
      const present = new Set(marks.sheets.map((s) => s.name));
      const entries = marks.record.overwritten.filter((o) => present.has(o.sheet));
      const batch = new WriteBatch(context);
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
      await batch.spend(callBytes(marks.record.fills));
      queueRecordWrite(context, { ...marks.record, overwritten: [] }, marks.recordExists);
      await batch.finish();
      return entries.length;
    });
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
    const batch = new WriteBatch(context);
    for (const edits of resolution.edits) {
      const worksheet = context.workbook.worksheets.getItem(edits.sheet);
      for (const group of edits.fills) await queueFillGroup(worksheet, group.color, group.cells, batch.spend);
      const existing = marks.comments.get(edits.sheet);
      for (const note of edits.notes) {
        await batch.spend(callBytes(note.text));
        queueCommentWrite(context, this.store, worksheet, edits.sheet, note.cell, note.text, existing?.get(note.cell));
      }
      for (const write of edits.writes) {
        await batch.spend(callBytes(write));
        queueCellWrite(worksheet, write);
      }
    }
    await batch.spend(callBytes(record));
    queueRecordWrite(context, record, marks.recordExists);
    await batch.finish();
  }
}

function noteTexts(marks: ExcelMarks, sheet: string): Record<string, string> {
  return Object.fromEntries([...(marks.comments.get(sheet) ?? [])].map(([cell, comment]) => [cell, comment.text]));
}
