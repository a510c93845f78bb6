import { headerKey } from '../templates/header';
import type {
  AppendixTemplate,
  ColumnDef,
  ColumnType,
  CrossCheck,
  DefinitionUnit,
  Report,
  RequiredWhen,
  Shape,
  SumDef,
  SummaryDef,
  Text,
} from '../templates/appendix';
import { isNumberType } from '../templates/appendix';
import { DefinitionError } from './errors';

/**
 * Reads a report definition (the JSON format of SPEC.md § Report definitions) into the report the
 * engine runs, checking every field on the way: a definition that is itself wrong is refused
 * with the field that is wrong, before any workbook is read.
 */

type Json = unknown;
type Obj = Readonly<Record<string, Json>>;

const shapes: readonly Shape[] = ['submissions', 'row-per-unit', 'rows-per-unit'];
const types: readonly ColumnType[] = ['stt', 'unit', 'count', 'decimal', 'percent', 'flag', 'text', 'date'];
const keyPattern = /^[A-Za-z0-9_]+$/;
/** Excel refuses these in sheet names, and names over 31 characters. */
const badSheetName = /[[\]:*?/\\]/;

const typeWords: Record<ColumnType, string> = {
  stt: 'số thứ tự',
  unit: 'tên đơn vị',
  count: 'số đếm',
  decimal: 'số thập phân',
  percent: 'tỷ lệ %',
  flag: 'đánh dấu',
  text: 'chữ',
  date: 'ngày tháng',
};

/** Default widths in characters, by type, for columns that give none. */
const defaultWidths: Record<ColumnType, number> = {
  stt: 6,
  unit: 32,
  count: 12,
  decimal: 12,
  percent: 12,
  flag: 11,
  text: 48,
  date: 14,
};

class Fields {
  constructor(
    readonly source: string,
    readonly path: string,
    readonly value: Obj,
  ) {}

  fail(field: string, vi: string, en: string): never {
    throw new DefinitionError(this.source, join(this.path, field), vi, en);
  }

  /** Refuses a key the format does not know: most often a typo that would silently do nothing. */
  only(allowed: readonly string[]): void {
    for (const key of Object.keys(this.value)) {
      if (!allowed.includes(key))
        this.fail(key, `trường "${key}" không có trong định dạng`, `"${key}" is not a field of the format`);
    }
  }

  has(field: string): boolean {
    return this.value[field] !== undefined;
  }

  string(field: string): string {
    const v = this.value[field];
    if (typeof v !== 'string' || v.trim() === '')
      this.fail(field, 'cần một chuỗi chữ không rỗng', 'a non-empty string is needed');
    return v.trim();
  }

  optionalString(field: string): string | undefined {
    return this.has(field) ? this.string(field) : undefined;
  }

  key(field: string): string {
    const v = this.string(field);
    if (!keyPattern.test(v))
      this.fail(
        field,
        `"${v}" không phải là khóa hợp lệ (chữ, số, _)`,
        `"${v}" is not a valid key (letters, digits, _)`,
      );
    return v;
  }

  number(field: string): number {
    const v = this.value[field];
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(field, 'cần một số', 'a number is needed');
    return v;
  }

  boolean(field: string): boolean {
    const v = this.value[field];
    if (typeof v !== 'boolean') this.fail(field, 'cần true hoặc false', 'true or false is needed');
    return v;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const v = this.value[field];
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      const list = allowed.map((a) => `"${a}"`).join(', ');
      this.fail(field, `cần một trong ${list}`, `one of ${list} is needed`);
    }
    return v as T;
  }

  text(field: string): Text {
    const v = this.value[field];
    if (typeof v === 'string' && v.trim() !== '') return { vi: v.trim(), en: v.trim() };
    const t = this.object(field);
    t.only(['vi', 'en']);
    const vi = t.string('vi');
    return { vi, en: t.optionalString('en') ?? vi };
  }

  optionalText(field: string): Text | undefined {
    return this.has(field) ? this.text(field) : undefined;
  }

  object(field: string): Fields {
    const v = this.value[field];
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      this.fail(field, 'cần một đối tượng { … }', 'an object { … } is needed');
    return new Fields(this.source, join(this.path, field), v as Obj);
  }

  array(field: string, nonEmpty = true): Json[] {
    const v = this.value[field];
    if (!Array.isArray(v) || (nonEmpty && v.length === 0))
      this.fail(field, 'cần một danh sách [ … ] không rỗng', 'a non-empty list [ … ] is needed');
    return v;
  }

  /** Each element of a list of objects, with its own path. */
  objects(field: string, nonEmpty = true): Fields[] {
    return this.array(field, nonEmpty).map((item, i) => {
      const path = `${join(this.path, field)}[${i}]`;
      if (typeof item !== 'object' || item === null || Array.isArray(item))
        throw new DefinitionError(this.source, path, 'cần một đối tượng { … }', 'an object { … } is needed');
      return new Fields(this.source, path, item as Obj);
    });
  }

  strings(field: string, nonEmpty = true): string[] {
    return this.array(field, nonEmpty).map((item, i) => {
      if (typeof item !== 'string' || item.trim() === '')
        this.fail(`${field}[${i}]`, 'cần một chuỗi chữ không rỗng', 'a non-empty string is needed');
      return item.trim();
    });
  }
}

function join(path: string, field: string): string {
  if (path === '') return field;
  return field.startsWith('[') ? `${path}${field}` : `${path}.${field}`;
}

/** Parses and checks a definition's text; `source` names it in errors (a path, or "built-in"). */
export function parseDefinition(text: string, source: string): Report {
  let json: Json;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new DefinitionError(source, '', `không phải JSON hợp lệ (${why})`, `not valid JSON (${why})`);
  }
  return readDefinition(json, source, text);
}

export function readDefinition(json: Json, source: string, text = JSON.stringify(json)): Report {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new DefinitionError(source, '', 'cần một đối tượng JSON { … }', 'a JSON object { … } is needed');
  const root = new Fields(source, '', json as Obj);
  root.only([
    '$schema',
    'soat',
    'id',
    'title',
    'description',
    'periodEnd',
    'appendices',
    'crossChecks',
    'summary',
    'units',
  ]);
  if (root.value['soat'] !== 1)
    root.fail('soat', 'phiên bản định dạng phải là 1 ("soat": 1)', 'the format version must be 1 ("soat": 1)');
  const appendices = readAppendices(root);
  const byId = new Map(appendices.map((a) => [a.id, a]));
  const report: Report = {
    id: root.string('id'),
    title: root.text('title'),
    appendices,
    crossChecks: root.has('crossChecks') ? root.objects('crossChecks', false).map((c) => readCrossCheck(c, byId)) : [],
    json: text,
    ...(root.has('periodEnd') ? { periodEnd: readDay(root, 'periodEnd') } : {}),
    ...(root.has('summary') ? { summary: readSummary(root.object('summary'), byId) } : {}),
    ...(root.has('units') ? { units: readUnits(root) } : {}),
  };
  return report;
}

function readDay(f: Fields, field: string): Date {
  const v = f.string(field);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.getUTCMonth() !== Number(m![2]) - 1)
    f.fail(field, `"${v}" không phải ngày dạng YYYY-MM-DD`, `"${v}" is not a YYYY-MM-DD date`);
  return date;
}

function readAppendices(root: Fields): AppendixTemplate[] {
  const seen = new Set<string>();
  const sheets = new Set<string>();
  return root.objects('appendices').map((a) => {
    const appendix = readAppendix(a);
    if (seen.has(appendix.id))
      a.fail('id', `phụ lục "${appendix.id}" đã có`, `appendix "${appendix.id}" is defined twice`);
    if (sheets.has(appendix.sheetName))
      a.fail('sheet', `trang tính "${appendix.sheetName}" đã dùng`, `sheet "${appendix.sheetName}" is used twice`);
    seen.add(appendix.id);
    sheets.add(appendix.sheetName);
    return appendix;
  });
}

function readAppendix(a: Fields): AppendixTemplate {
  a.only(['id', 'title', 'sheet', 'titles', 'shape', 'columns', 'sums', 'required', 'requiredReason', 'description']);
  const id = a.key('id');
  const title = a.text('title');
  const sheetName = a.string('sheet');
  if (sheetName.length > 31 || badSheetName.test(sheetName) || sheetName.startsWith('_'))
    a.fail(
      'sheet',
      `"${sheetName}" không dùng được làm tên trang tính (tối đa 31 ký tự, không có [ ] : * ? / \\, không bắt đầu bằng _)`,
      `"${sheetName}" cannot name a sheet (31 characters at most, no [ ] : * ? / \\, not starting with _)`,
    );
  const shape = a.oneOf('shape', shapes);
  const specs = a.objects('columns');
  const keys = new Set<string>();
  for (const [i, c] of specs.entries()) {
    const key = c.key('key');
    if (keys.has(key)) a.fail(`columns[${i}].key`, `cột "${key}" đã có`, `column "${key}" is defined twice`);
    keys.add(key);
  }
  const typeOf = new Map(specs.map((c) => [c.string('key'), c.oneOf('type', types)]));
  const columns = specs.map((c) => readColumn(c, shape, typeOf));
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const ofType = (type: ColumnType) => columns.filter((c) => c.type === type);
  const units = ofType('unit');
  if (units.length !== 1)
    a.fail('columns', 'phụ lục cần đúng một cột "unit" (tên đơn vị)', 'an appendix needs exactly one "unit" column');
  if (ofType('stt').length > 1) a.fail('columns', 'chỉ được một cột "stt"', 'at most one "stt" column');
  const sums = a.has('sums') ? a.objects('sums', false).map((s) => readSum(s, typeOf)) : [];
  const requiredKeys = a.has('required')
    ? a.strings('required').map((k, i) => known(a, `required[${i}]`, k, typeOf))
    : columns.filter((c) => c.type !== 'stt').map((c) => c.key);
  if (!requiredKeys.includes(units[0]!.key)) requiredKeys.unshift(units[0]!.key);
  const template: AppendixTemplate = {
    id,
    title,
    sheetName,
    shape,
    columns,
    requiredKeys,
    sums,
    titles: a.has('titles') ? a.strings('titles', false) : [title.vi.toLocaleUpperCase('vi')],
    unitKey: units[0]!.key,
    byKey,
    ...(ofType('stt')[0] ? { sttKey: ofType('stt')[0]!.key } : {}),
    ...(a.has('requiredReason') ? { requiredReason: a.text('requiredReason') } : {}),
  };
  refuseCycles(a, template);
  return template;
}

/** A key that names a column of the same appendix. */
function known(f: Fields, field: string, key: string, typeOf: ReadonlyMap<string, ColumnType>): string {
  if (!typeOf.has(key)) f.fail(field, `không có cột "${key}" trong phụ lục này`, `no column "${key}" in this appendix`);
  return key;
}

/** A key that names a column of one of the given types. */
function typed(
  f: Fields,
  field: string,
  key: string,
  typeOf: ReadonlyMap<string, ColumnType>,
  allowed: (type: ColumnType) => boolean,
  what: { vi: string; en: string },
): string {
  known(f, field, key, typeOf);
  const type = typeOf.get(key)!;
  if (!allowed(type))
    f.fail(
      field,
      `cột "${key}" là cột ${typeWords[type]}, ở đây cần ${what.vi}`,
      `column "${key}" is of type "${type}"; ${what.en} is needed here`,
    );
  return key;
}

const numeric = { vi: 'cột số (count, decimal, percent)', en: 'a number column (count, decimal, percent)' };
const countable = { vi: 'cột số đếm hoặc số thập phân', en: 'a count or decimal column' };
const flagColumn = { vi: 'cột đánh dấu (flag)', en: 'a flag column' };

function readColumn(c: Fields, shape: Shape, typeOf: ReadonlyMap<string, ColumnType>): ColumnDef {
  c.only([
    'key',
    'type',
    'header',
    'title',
    'heading',
    'group',
    'width',
    'meaning',
    'required',
    'reason',
    'requiredWhen',
    'ratio',
    'countFor',
    'numberedItems',
    'description',
  ]);
  const key = c.string('key');
  const type = typeOf.get(key)!;
  const header = readHeader(c);
  const heading = c.optionalString('heading');
  const title = c.optionalText('title') ?? { vi: heading ?? firstAlternative(c), en: heading ?? firstAlternative(c) };
  const column: { -readonly [K in keyof ColumnDef]: ColumnDef[K] } = {
    key,
    type,
    title,
    heading: heading ?? title.vi,
    header,
    width: defaultWidths[type],
  };
  const group = c.optionalString('group');
  if (group !== undefined) column.group = group;
  if (c.has('width')) {
    const width = c.number('width');
    if (width <= 0 || width > 255) c.fail('width', 'độ rộng phải từ 1 đến 255', 'the width must be from 1 to 255');
    column.width = width;
  }
  if (c.has('meaning')) {
    column.meaning = c.oneOf('meaning', ['no-data'] as const);
    if (type !== 'flag' || shape !== 'submissions')
      c.fail(
        'meaning',
        '"no-data" chỉ dùng cho cột đánh dấu của phụ lục "submissions"',
        '"no-data" is only for a flag column of a "submissions" appendix',
      );
  }
  if (c.has('required')) column.required = c.boolean('required');
  if (c.has('reason')) column.reason = c.text('reason');
  if (c.has('requiredWhen')) column.requiredWhen = readRequiredWhen(c.object('requiredWhen'), key, typeOf);
  if (c.has('ratio')) {
    if (type !== 'percent')
      c.fail(
        'ratio',
        `cột tỷ lệ phải có type "percent", không phải "${type}"`,
        `a ratio column must be of type "percent", not "${type}"`,
      );
    const r = c.object('ratio');
    r.only(['part', 'total']);
    const part = typed(r, 'part', r.string('part'), typeOf, (t) => t === 'count' || t === 'decimal', countable);
    const total = typed(r, 'total', r.string('total'), typeOf, (t) => t === 'count' || t === 'decimal', countable);
    if (part === total) r.fail('total', 'phần và tổng là cùng một cột', 'the part and the total are the same column');
    column.ratio = { part, total };
  }
  if (c.has('countFor')) {
    if (type !== 'count')
      c.fail(
        'countFor',
        `"countFor" chỉ dùng cho cột số đếm, không phải "${type}"`,
        `"countFor" is only for a count column, not "${type}"`,
      );
    column.countFor = typed(c, 'countFor', c.string('countFor'), typeOf, (t) => t === 'flag', flagColumn);
  }
  if (c.has('numberedItems')) {
    column.numberedItems = c.boolean('numberedItems');
    if (column.numberedItems && type !== 'text')
      c.fail(
        'numberedItems',
        '"numberedItems" chỉ dùng cho cột chữ (text)',
        '"numberedItems" is only for a text column',
      );
  }
  return column;
}

function firstAlternative(c: Fields): string {
  const first = (c.value['header'] as Json[])[0];
  return Array.isArray(first) ? first.join(' ') : String(first);
}

function readHeader(c: Fields): string[][] {
  return c.array('header').map((alternative, i) => {
    const phrases = Array.isArray(alternative) ? alternative : [alternative];
    if (phrases.length === 0) c.fail(`header[${i}]`, 'danh sách cụm từ rỗng', 'an empty list of phrases');
    return phrases.map((phrase, j) => {
      const field = Array.isArray(alternative) ? `header[${i}][${j}]` : `header[${i}]`;
      const folded = typeof phrase === 'string' ? headerKey(phrase) : '';
      if (folded === '') c.fail(field, 'cần một cụm từ có chữ hoặc số', 'a phrase with letters or digits is needed');
      return folded;
    });
  });
}

function readRequiredWhen(r: Fields, self: string, typeOf: ReadonlyMap<string, ColumnType>): RequiredWhen {
  r.only(['column', 'above', 'flag', 'reason']);
  const column = known(r, 'column', r.string('column'), typeOf);
  if (column === self) r.fail('column', 'một cột không thể phụ thuộc chính nó', 'a column cannot depend on itself');
  if (r.has('above') === r.has('flag'))
    r.fail('', 'cần đúng một trong "above" hoặc "flag"', 'exactly one of "above" or "flag" is needed');
  const reason = r.optionalText('reason');
  const base = reason ? { column, reason } : { column };
  if (r.has('above')) {
    typed(r, 'column', column, typeOf, isNumberType, numeric);
    return { ...base, above: r.number('above') };
  }
  typed(r, 'column', column, typeOf, (t) => t === 'flag', flagColumn);
  return { ...base, flag: r.oneOf('flag', ['yes'] as const) };
}

function readSum(s: Fields, typeOf: ReadonlyMap<string, ColumnType>): SumDef {
  s.only(['parts', 'total', 'op', 'label']);
  const number = (t: ColumnType) => t === 'count' || t === 'decimal';
  const parts = s.strings('parts').map((k, i) => typed(s, `parts[${i}]`, k, typeOf, number, countable));
  const total = typed(s, 'total', s.string('total'), typeOf, number, countable);
  if (parts.includes(total))
    s.fail('total', 'tổng không thể là một phần của chính nó', 'the total cannot be one of its parts');
  const op = s.has('op') ? s.oneOf('op', ['=', '<='] as const) : '=';
  const label = s.optionalText('label');
  return label ? { parts, total, op, label } : { parts, total, op };
}

/** Derived columns (ratios, sum totals) must not depend on themselves through others. */
function refuseCycles(a: Fields, template: AppendixTemplate): void {
  const from = new Map<string, string[]>();
  const edge = (to: string, sources: readonly string[]) => from.set(to, [...(from.get(to) ?? []), ...sources]);
  for (const c of template.columns) if (c.ratio) edge(c.key, [c.ratio.part, c.ratio.total]);
  for (const s of template.sums) edge(s.total, s.parts);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (key: string, trail: string[]): void => {
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'open') {
      const loop = [...trail.slice(trail.indexOf(key)), key].join(' → ');
      a.fail('sums', `các quan hệ tạo thành vòng lặp: ${loop}`, `the relations form a cycle: ${loop}`);
    }
    state.set(key, 'open');
    for (const next of from.get(key) ?? []) visit(next, [...trail, key]);
    state.set(key, 'done');
  };
  for (const key of from.keys()) visit(key, []);
}

function readCrossCheck(c: Fields, byId: ReadonlyMap<string, AppendixTemplate>): CrossCheck {
  c.only(['when', 'require', 'subject']);
  const w = c.object('when');
  w.only(['appendix', 'column', 'containsAll']);
  const whenAppendix = appendixField(w, byId);
  const whenColumn = columnField(w, whenAppendix, (t) => t === 'text', { vi: 'cột chữ (text)', en: 'a text column' });
  const r = c.object('require');
  r.only(['appendix', 'column', 'flag']);
  const requireAppendix = appendixField(r, byId);
  if (requireAppendix.shape !== 'row-per-unit')
    r.fail('appendix', 'phải là phụ lục một dòng mỗi đơn vị (row-per-unit)', 'must be a row-per-unit appendix');
  const requireColumn = columnField(r, requireAppendix, (t) => t === 'flag', flagColumn);
  const subject = c.optionalText('subject');
  return {
    when: { appendix: whenAppendix.id, column: whenColumn, containsAll: w.strings('containsAll') },
    require: { appendix: requireAppendix.id, column: requireColumn, flag: r.oneOf('flag', ['yes'] as const) },
    ...(subject ? { subject } : {}),
  };
}

function appendixField(f: Fields, byId: ReadonlyMap<string, AppendixTemplate>, field = 'appendix'): AppendixTemplate {
  const id = f.string(field);
  const appendix = byId.get(id);
  if (!appendix) f.fail(field, `không có phụ lục "${id}"`, `no appendix "${id}"`);
  return appendix;
}

function columnField(
  f: Fields,
  appendix: AppendixTemplate,
  allowed: (type: ColumnType) => boolean,
  what: { vi: string; en: string },
  field = 'column',
  key = f.string(field),
): string {
  return typed(f, field, key, new Map(appendix.columns.map((c) => [c.key, c.type])), allowed, what);
}

function readSummary(s: Fields, byId: ReadonlyMap<string, AppendixTemplate>): SummaryDef {
  s.only(['appendix', 'sum', 'ratio', 'mean', 'median', 'countYes', 'countFilled', 'chart', 'labels']);
  const appendix = appendixField(s, byId);
  if (appendix.shape !== 'row-per-unit')
    s.fail('appendix', 'phải là phụ lục một dòng mỗi đơn vị (row-per-unit)', 'must be a row-per-unit appendix');
  const list = (field: string, allowed: (t: ColumnType) => boolean, what: Text): string[] =>
    s.has(field)
      ? s.strings(field, false).map((k, i) => columnField(s, appendix, allowed, what, `${field}[${i}]`, k))
      : [];
  const number = (t: ColumnType) => isNumberType(t);
  const labels: Record<string, Text> = {};
  if (s.has('labels')) {
    const l = s.object('labels');
    for (const key of Object.keys(l.value)) labels[key] = l.text(key);
  }
  const chart = s.optionalString('chart');
  return {
    appendix: appendix.id,
    sum: list('sum', number, numeric),
    ratio: s.has('ratio')
      ? s.objects('ratio', false).map((r) => {
          r.only(['part', 'total']);
          return {
            part: columnField(r, appendix, number, numeric, 'part'),
            total: columnField(r, appendix, number, numeric, 'total'),
          };
        })
      : [],
    mean: list('mean', number, numeric),
    median: list('median', number, numeric),
    countYes: list('countYes', (t) => t === 'flag', flagColumn),
    countFilled: s.has('countFilled')
      ? s.objects('countFilled', false).map((c) => {
          c.only(['appendix', 'column']);
          const from = appendixField(c, byId);
          return { appendix: from.id, column: columnField(c, from, () => true, numeric) };
        })
      : [],
    labels,
    ...(chart === undefined ? {} : { chart: columnField(s, appendix, number, numeric, 'chart', chart) }),
  };
}

function readUnits(root: Fields): DefinitionUnit[] {
  return root.objects('units', false).map((u) => {
    u.only(['name', 'kind', 'aliases']);
    const kind = u.optionalString('kind');
    return {
      name: u.string('name'),
      ...(kind === undefined ? {} : { kind }),
      ...(u.has('aliases') ? { aliases: u.strings('aliases', false) } : {}),
    };
  });
}
