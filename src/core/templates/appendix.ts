/**
 * A report as the engine runs it: its appendices, their columns, the header phrases that
 * recognise each column, the type of value each holds and the relations between them. It is
 * compiled from a report definition (see ../definition), never written in code: the 9T/2024
 * report is one definition among others.
 */

export interface Text {
  readonly vi: string;
  readonly en: string;
}

/** An appendix's id in its definition ("PL2"). */
export type AppendixId = string;

export type Shape = 'submissions' | 'row-per-unit' | 'rows-per-unit';

export type ColumnType = 'stt' | 'unit' | 'count' | 'decimal' | 'percent' | 'flag' | 'text' | 'date';

export interface RequiredWhen {
  readonly column: string;
  /** Required when that column's number is above this. */
  readonly above?: number;
  /** Required when that column is marked yes. */
  readonly flag?: 'yes';
  /** Why, for the note; `{value}` stands for the other column's value. */
  readonly reason?: Text;
}

export interface ColumnDef {
  /** The name relations use: the template's column letter in the built-in report. */
  readonly key: string;
  readonly type: ColumnType;
  readonly title: Text;
  /** What the template and the consolidated report print above the column. */
  readonly heading: string;
  /** A title printed over several neighbouring columns, on a header row of its own. */
  readonly group?: string;
  /** Width in characters, in the template and the consolidated report. */
  readonly width: number;
  /**
   * Header alternatives, folded (see headerKey): an alternative is a list of phrases that must
   * all occur in the header text.
   */
  readonly header: readonly (readonly string[])[];
  readonly meaning?: 'no-data';
  /** Blank on a row that has other data: missing-value. */
  readonly required?: boolean;
  /** Why a required cell is needed, for the note. */
  readonly reason?: Text;
  readonly requiredWhen?: RequiredWhen;
  /** A percent column that is part / total × 100. */
  readonly ratio?: { readonly part: string; readonly total: string };
  /** A count column that must be at least 1 when this flag column is yes, and 0 or blank when no. */
  readonly countFor?: string;
  /** Items carry their own "1.", "2." numbering, which must start at 1 for each unit. */
  readonly numberedItems?: boolean;
}

export interface SumDef {
  readonly parts: readonly string[];
  readonly total: string;
  /** "=": the parts add up to the total; "<=": they may add up to less. */
  readonly op: '=' | '<=';
  readonly label?: Text;
}

export interface AppendixTemplate {
  readonly id: AppendixId;
  readonly title: Text;
  readonly sheetName: string;
  readonly shape: Shape;
  readonly columns: readonly ColumnDef[];
  /** Columns a header must name for a table to be read as this appendix. */
  readonly requiredKeys: readonly string[];
  /** Why the other required cells of a row are needed once one is filled. */
  readonly requiredReason?: Text;
  readonly sums: readonly SumDef[];
  /** The title lines printed above the table. */
  readonly titles: readonly string[];
  readonly sttKey?: string;
  readonly unitKey?: string;
  readonly byKey: ReadonlyMap<string, ColumnDef>;
}

export interface CrossCheck {
  readonly when: { readonly appendix: string; readonly column: string; readonly containsAll: readonly string[] };
  readonly require: { readonly appendix: string; readonly column: string; readonly flag: 'yes' };
  readonly subject?: Text;
}

export interface SummaryDef {
  readonly appendix: string;
  readonly sum: readonly string[];
  readonly ratio: readonly { readonly part: string; readonly total: string }[];
  readonly mean: readonly string[];
  readonly median: readonly string[];
  readonly countYes: readonly string[];
  readonly countFilled: readonly { readonly appendix: string; readonly column: string }[];
  readonly chart?: string;
  readonly labels: Readonly<Record<string, Text>>;
}

export interface DefinitionUnit {
  readonly name: string;
  readonly kind?: string;
  readonly aliases?: readonly string[];
}

export interface Report {
  readonly id: string;
  readonly title: Text;
  /** End of the report period, when the definition fixes it. */
  readonly periodEnd?: Date;
  readonly appendices: readonly AppendixTemplate[];
  readonly crossChecks: readonly CrossCheck[];
  readonly summary?: SummaryDef;
  readonly units?: readonly DefinitionUnit[];
  /** The definition as it was written, to carry inside a template workbook. */
  readonly json: string;
}

export function columnByKey(template: AppendixTemplate, key: string): ColumnDef {
  const column = template.byKey.get(key);
  if (!column) throw new RangeError(`${template.id} has no column ${key}`);
  return column;
}

export function appendixById(report: Report, id: string): AppendixTemplate | undefined {
  return report.appendices.find((a) => a.id === id);
}

/** The appendix of who reported, if the report has one. */
export function submissionsOf(report: Report): AppendixTemplate | undefined {
  return report.appendices.find((a) => a.shape === 'submissions');
}

/** The first appendix with one row per unit: the "data row" Phụ lục 1 speaks of. */
export function dataAppendixOf(report: Report): AppendixTemplate | undefined {
  return report.appendices.find((a) => a.shape === 'row-per-unit');
}

export function isNumberType(type: ColumnType): boolean {
  return type === 'count' || type === 'decimal' || type === 'percent';
}

/** "Phụ lục 1, Phụ lục 2 hoặc Phụ lục 3": the appendices' titles as one phrase, in each language. */
export function titlesPhrase(appendices: readonly AppendixTemplate[]): Text {
  const list = (lang: 'vi' | 'en', or: string): string => {
    const names = appendices.map((a) => a.title[lang]);
    return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${or} ${names[names.length - 1]}`;
  };
  return { vi: list('vi', 'hoặc'), en: list('en', 'or') };
}
