import { columnLetter } from '../address';
import type { CheckedTable, SheetSummary } from '../check';
import { checkWorkbook } from '../check';
import type { Finding } from '../report/finding';
import type { ModelRow } from '../rules/models';
import type { CheckedRow } from '../rules/row';
import { FindingSink } from '../rules/sink';
import type { RowUnit } from '../rules/units';
import type { WorkbookSnapshot } from '../snapshot';
import type { AppendixId, Report } from '../templates/appendix';
import { titlesPhrase } from '../templates/appendix';
import type { Cell, Table } from '../templates/table';
import type { UnitMatcher } from '../units/match';
import type { Unit, UnitRegistry } from '../units/registry';
import { foldText } from '../values/text';
import type { MergeInput, UnreadableFile } from './inputs';
import { sortInputs, unitFromNames } from './inputs';

/**
 * What the consolidator received, unit by unit: each workbook checked by the engine, each data
 * row attributed to a unit, and each unit's rows taken from one file only — the first in path
 * order — so that a unit that sent twice is counted once and both files are named.
 */

/** Where a merged row came from, to trace it and to place its findings. */
export interface RowSource {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  /** Sheet column letter → template column key. */
  readonly keys: ReadonlyMap<string, string>;
}

export interface Received<T> {
  readonly item: T;
  readonly source: RowSource;
}

export interface ReceivedUnit {
  /** "unit:" + canonical name for a registry unit; otherwise unique to the written name or row. */
  readonly key: string;
  /** The canonical name, or the name as written when the registry lacks the unit ("" if none). */
  readonly name: string;
  readonly unit?: Unit;
  /**
   * The file each appendix of the unit is taken from. A unit may send its Phụ lục 2 and 3 in two
   * files (or as two sheets of the open workbook); a second file with the same appendix is a
   * duplicate.
   */
  readonly fileOf: Map<AppendixId, string>;
  /** Appendices with one row per unit: the unit's row in each. */
  readonly rows: Map<AppendixId, Received<CheckedRow>>;
  /** Appendices with several rows per unit: the unit's rows in each. */
  readonly models: Map<AppendixId, Received<ModelRow>[]>;
  /** Where each appendix first named the unit, for a duplicate's message. */
  readonly firstAt: Map<AppendixId, string>;
}

export interface Reception {
  /** Registry order, then the units the registry lacks in the order they came. */
  readonly units: readonly ReceivedUnit[];
  readonly findings: readonly Finding[];
  readonly sheets: readonly SheetSummary[];
  readonly files: readonly string[];
  /** Files that gave nothing to merge, with the finding that says why. */
  readonly skipped: readonly Finding[];
  /** The unit a finding is about, when it is about one unit's rows. */
  unitOf(finding: Finding): string | undefined;
}

export interface ReceiveOptions {
  readonly report: Report;
  readonly registry: UnitRegistry;
  readonly matcher: UnitMatcher;
  readonly periodEnd?: Date;
}

interface UnitRef {
  readonly key: string;
  readonly name: string;
  readonly unit?: Unit;
  /** The sheet or file name the unit was read from, when the row does not name it. */
  readonly from?: string;
}

const rowKey = (file: string, sheet: string, row: number): string => `${file}\u0000${sheet}\u0000${row}`;

function columnKeys(table: Table): Map<string, string> {
  return new Map([...table.header.columns].map(([key, col]) => [columnLetter(col), key]));
}

function fileFinding(file: string, reason: string, message: UnreadableFile['message']): Finding {
  // The reader's sentence ends with a full stop; the catalogue's template adds its own.
  const trim = (text: string): string => text.trim().replace(/[.。]$/, '');
  const detail = typeof message === 'string' ? trim(message) : { vi: trim(message.vi), en: trim(message.en) };
  const sink = new FindingSink('', file);
  sink.addSheetLevel('unreadable-file', { actual: reason, detail: { reason: detail } });
  return sink.findings[0]!;
}

function noDataMessage(report: Report): { vi: string; en: string } {
  const data = titlesPhrase(report.appendices.filter((a) => a.shape !== 'submissions'));
  return {
    vi: `tệp không có dòng số liệu nào của ${data.vi}`,
    en: `the file holds no data row of ${data.en}`,
  };
}
const emptyMessage = { vi: 'tệp trống, không có dữ liệu', en: 'the file is empty' };

/** One sheet of a file being taken in: where its rows come from, and how their unit is found. */
interface SheetIntake {
  readonly file: string;
  readonly sheet: string;
  readonly sink: FindingSink;
  /** The key of the table's unit column. */
  readonly unitKey: string;
  source(row: number): RowSource;
  unitOf(rowUnit: RowUnit | undefined, unitCell: Cell | undefined, blankKey: string): UnitRef;
}

class Intake {
  readonly units = new Map<string, ReceivedUnit>();
  readonly findings: Finding[] = [];
  readonly sheets: SheetSummary[] = [];
  readonly skipped: Finding[] = [];
  readonly rowUnits = new Map<string, string>();
  readonly findingUnits = new Map<Finding, string>();
  private readonly duplicatesReported = new Set<string>();

  constructor(private readonly options: ReceiveOptions) {}

  skip(finding: Finding): void {
    this.findings.push(finding);
    this.skipped.push(finding);
  }

  receive(file: string, snapshot: WorkbookSnapshot): void {
    const { report, registry, matcher, periodEnd } = this.options;
    const check = checkWorkbook(
      { ...snapshot, file },
      { report, registry, matcher, ...(periodEnd ? { periodEnd } : {}) },
    );
    this.sheets.push(...check.sheets);
    const blankUnitCells = new Set(
      check.findings.filter((f) => f.rule === 'missing-value').map((f) => `${f.sheet}!${f.cell}`),
    );
    const namedByFile = new Set<string>();
    const own: Finding[] = [];
    let dataRows = 0;
    for (const checked of check.tables) {
      const { table } = checked;
      const sink = new FindingSink(table.sheet, file);
      const keys = columnKeys(table);
      const sheet: SheetIntake = {
        file,
        sheet: table.sheet,
        sink,
        source: (row) => ({ file, sheet: table.sheet, row, keys }),
        unitKey: table.template.unitKey ?? '',
        unitOf: (rowUnit, unitCell, blankKey) => {
          const ref = this.resolve(rowUnit, table.sheet, file, blankKey);
          const at = unitCell && `${table.sheet}!${unitCell.address}`;
          if (ref.from !== undefined && at && blankUnitCells.has(at)) {
            // The engine found the unit cell blank; the sheet or file name says which unit it is.
            namedByFile.add(at);
            sink.add(unitCell, 'unit-alias', { actual: ref.from, expected: ref.name });
          }
          return ref;
        },
      };
      const { id, shape } = table.template;
      if (shape === 'row-per-unit') dataRows += this.receiveRowPerUnit(id, checked.rows, sheet);
      if (shape === 'rows-per-unit') dataRows += this.receiveRowsPerUnit(id, checked.models, sheet);
      own.push(...sink.findings);
    }
    const named = (f: Finding): boolean => f.rule === 'missing-value' && namedByFile.has(`${f.sheet}!${f.cell}`);
    this.findings.push(...check.findings.filter((f) => !named(f)), ...own);
    if (dataRows === 0) {
      const empty = snapshot.sheets.every((s) => s.values.every((r) => r.every((v) => v === null || v === '')));
      this.skip(fileFinding(file, empty ? 'empty' : 'no-data', empty ? emptyMessage : noDataMessage(report)));
    }
  }

  /** One row per unit: a unit's second row is a duplicate, whichever sheet of the file it is on. */
  private receiveRowPerUnit(appendix: AppendixId, rows: CheckedTable['rows'], at: SheetIntake): number {
    for (const checked of rows) {
      const { row, cells } = checked.row;
      const unitCell = cells.get(at.unitKey);
      const ref = at.unitOf(checked.unit, unitCell, `${at.sheet}\u0000${row}`);
      const unit = this.accept(ref, at, row, unitCell, appendix);
      if (!unit) continue;
      const first = unit.rows.get(appendix);
      if (!first) {
        unit.rows.set(appendix, { item: checked, source: at.source(row) });
        continue;
      }
      // A unit its own cell names twice on one sheet is the engine's duplicate-unit already.
      const engineSaidIt = ref.unit !== undefined && ref.from === undefined && first.source.sheet === at.sheet;
      if (engineSaidIt) continue;
      const firstCell = first.item.row.cells.get(at.unitKey)?.address ?? String(first.source.row);
      this.duplicate(
        ref,
        at,
        unitCell,
        `${at.file} › ${first.source.sheet}!${firstCell}`,
        rowKey(at.file, at.sheet, row),
      );
    }
    return rows.length;
  }

  /** Rows above the first named unit form one group, named by the sheet or the file. */
  private receiveRowsPerUnit(appendix: AppendixId, models: readonly ModelRow[], at: SheetIntake): number {
    for (const model of models) {
      const unitCell = model.row.cells.get(at.unitKey);
      const unit = this.accept(at.unitOf(model.unit, unitCell, at.sheet), at, model.row.row, unitCell, appendix);
      if (!unit) continue;
      const list = unit.models.get(appendix) ?? [];
      list.push({ item: model, source: at.source(model.row.row) });
      unit.models.set(appendix, list);
    }
    return models.length;
  }

  /**
   * The unit of a row: its own unit cell (matched or not), else the sheet's or the file's name
   * (`from` says which). A row that nothing names is kept under a blank unit of its own; the
   * engine has reported its blank unit cell.
   */
  private resolve(rowUnit: RowUnit | undefined, sheet: string, file: string, blankKey: string): UnitRef {
    if (rowUnit?.unit) return { key: `unit:${rowUnit.unit.name}`, name: rowUnit.unit.name, unit: rowUnit.unit };
    if (rowUnit) return { key: `name:${foldText(rowUnit.name)}`, name: rowUnit.name };
    const named = unitFromNames(this.options.matcher, sheet, file);
    if (named) return { key: `unit:${named.unit.name}`, name: named.unit.name, unit: named.unit, from: named.from };
    return { key: `blank:${file}\u0000${blankKey}`, name: '' };
  }

  /** The unit to add a row to, or undefined when another file already gave this unit's appendix. */
  private accept(
    ref: UnitRef,
    at: SheetIntake,
    row: number,
    unitCell: Cell | undefined,
    appendix: AppendixId,
  ): ReceivedUnit | undefined {
    this.rowUnits.set(rowKey(at.file, at.sheet, row), ref.key);
    const here = `${at.sheet}!${unitCell?.address ?? String(row)}`;
    const existing = this.units.get(ref.key);
    if (!existing) {
      const unit: ReceivedUnit = {
        key: ref.key,
        name: ref.name,
        fileOf: new Map([[appendix, at.file]]),
        rows: new Map(),
        models: new Map(),
        firstAt: new Map([[appendix, here]]),
        ...(ref.unit ? { unit: ref.unit } : {}),
      };
      this.units.set(ref.key, unit);
      return unit;
    }
    const owner = existing.fileOf.get(appendix);
    if (owner === undefined) {
      existing.fileOf.set(appendix, at.file);
      existing.firstAt.set(appendix, here);
      return existing;
    }
    if (owner === at.file) return existing;
    this.duplicate(
      ref,
      at,
      unitCell,
      `${owner} › ${existing.firstAt.get(appendix)}`,
      `${at.file}\u0000${ref.key}\u0000${appendix}`,
    );
    return undefined;
  }

  /** A duplicate-unit finding on the later row, naming where the unit came first; once per `once`. */
  private duplicate(ref: UnitRef, at: SheetIntake, unitCell: Cell | undefined, first: string, once: string): void {
    if (!unitCell || this.duplicatesReported.has(once)) return;
    this.duplicatesReported.add(once);
    at.sink.add(unitCell, 'duplicate-unit', { actual: ref.name, detail: { first } });
    this.findingUnits.set(at.sink.findings[at.sink.findings.length - 1]!, ref.key);
  }
}

/** Checks every readable input and sorts its rows into units; unreadable files are reported. */
export function receiveWorkbooks(inputs: readonly MergeInput[], options: ReceiveOptions): Reception {
  const sorted = sortInputs(inputs);
  const state = new Intake(options);
  for (const input of sorted) {
    if ('error' in input) state.skip(fileFinding(input.file, input.error.reason, input.error.message));
    else state.receive(input.file, input.snapshot);
  }
  const order = new Map(options.registry.units.map((u, i) => [`unit:${u.name}`, i]));
  const arrival = new Map([...state.units.keys()].map((key, i) => [key, i]));
  const rank = (key: string): number => order.get(key) ?? order.size + arrival.get(key)!;
  const units = [...state.units.values()].sort((a, b) => rank(a.key) - rank(b.key));
  return {
    units,
    findings: state.findings,
    sheets: state.sheets,
    files: sorted.map((i) => i.file),
    skipped: state.skipped,
    unitOf: (finding) =>
      state.findingUnits.get(finding) ?? state.rowUnits.get(rowKey(finding.file ?? '', finding.sheet, finding.row)),
  };
}
