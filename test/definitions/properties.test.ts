/**
 * Properties of the engine over generated definitions: a row-per-unit appendix with random count
 * columns, a sum of parts to a total, ratios of parts to the total, flags with their counts and
 * required-when relations, read through the definition reader, and grids built to match.
 */
import fc from 'fast-check';
import { columnLetter } from '../../src/core/address';
import { checkWorkbook } from '../../src/core/check';
import { readDefinition } from '../../src/core/definition';
import { ruleIds } from '../../src/core/report/catalogue';
import { renderMessage } from '../../src/core/report/messages';
import type { CellValue } from '../../src/core/snapshot';
import type { Report } from '../../src/core/templates/appendix';
import { defaultRegistry } from '../../src/core/units/registry';
import { sheet, workbook } from '../support/grids';

/** What a generated column stands for; relations are built from the roles. */
type Role =
  | { kind: 'stt' }
  | { kind: 'unit' }
  | { kind: 'total' }
  | { kind: 'part'; part: number }
  /** `asFraction`: the grid stores 0.654 under a % format, as Excel does for a typed 65.4%. */
  | { kind: 'ratio'; part: number; decimals: number; asFraction: boolean }
  | { kind: 'extra' }
  | { kind: 'flag'; flag: number }
  | { kind: 'count'; flag: number }
  | { kind: 'days' };

interface Column {
  readonly key: string;
  readonly role: Role;
  /** The header text the grid writes, which the definition's header alternatives recognise. */
  readonly heading: string;
}

interface Generated {
  readonly report: Report;
  /** In sheet order. */
  readonly columns: readonly Column[];
  readonly parts: number;
  readonly op: '=' | '<=';
  /** A counterexample shows the definition as written, not the compiled report. */
  readonly [fc.toStringMethod]: () => string;
}

const plainKey = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,5}$/).filter((k) => k !== 'TT' && k !== 'DV');

const definitionArb: fc.Arbitrary<Generated> = fc
  .record({
    parts: fc.integer({ min: 1, max: 3 }),
    op: fc.constantFrom<'=' | '<='>('=', '<='),
    ratioDecimals: fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }), {
      minLength: 3,
      maxLength: 3,
    }),
    ratioFractions: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    extras: fc.integer({ min: 0, max: 2 }),
    flags: fc.integer({ min: 1, max: 2 }),
    days: fc.boolean(),
    countRequiredWhenFlag: fc.boolean(),
    phraseLists: fc.boolean(),
  })
  .chain((plan) => {
    const roles: Role[] = [{ kind: 'stt' }, { kind: 'unit' }, { kind: 'total' }];
    for (let part = 0; part < plan.parts; part++) roles.push({ kind: 'part', part });
    // At least the first part has its ratio, so that every definition has one to break.
    for (let part = 0; part < plan.parts; part++) {
      const decimals = plan.ratioDecimals[part] ?? (part === 0 ? 1 : undefined);
      if (decimals !== undefined) roles.push({ kind: 'ratio', part, decimals, asFraction: plan.ratioFractions[part]! });
    }
    for (let i = 0; i < plan.extras; i++) roles.push({ kind: 'extra' });
    for (let flag = 0; flag < plan.flags; flag++) roles.push({ kind: 'flag', flag }, { kind: 'count', flag });
    if (plan.days) roles.push({ kind: 'days' });
    const named = roles.length - 2;
    return fc
      .tuple(
        fc.uniqueArray(plainKey, { minLength: named, maxLength: named }),
        fc.shuffledSubarray(
          roles.map((_, i) => i),
          { minLength: roles.length, maxLength: roles.length },
        ),
      )
      .map(([keys, order]) => build(plan, roles, keys, order));
  });

function build(
  plan: { parts: number; op: '=' | '<='; countRequiredWhenFlag: boolean; phraseLists: boolean },
  roles: readonly Role[],
  keys: readonly string[],
  order: readonly number[],
): Generated {
  const columns: Column[] = roles.map((role, i) => {
    if (role.kind === 'stt') return { key: 'TT', role, heading: 'STT' };
    if (role.kind === 'unit') return { key: 'DV', role, heading: 'Tên đơn vị' };
    return { key: keys[i - 2]!, role, heading: `Chỉ tiêu số ${i - 1}` };
  });
  const keyOf = (test: (r: Role) => boolean): string => columns.find((c) => test(c.role))!.key;
  const total = keyOf((r) => r.kind === 'total');
  const partKey = (part: number) => keyOf((r) => r.kind === 'part' && r.part === part);
  const flagKey = (flag: number) => keyOf((r) => r.kind === 'flag' && r.flag === flag);
  const json = {
    soat: 1,
    id: 'generated',
    title: { vi: 'Báo cáo thử', en: 'Generated report' },
    appendices: [
      {
        id: 'BANG',
        title: 'Bảng số liệu',
        sheet: 'Số liệu',
        shape: 'row-per-unit',
        columns: order.map((i) => {
          const { key, role, heading } = columns[i]!;
          const header =
            plan.phraseLists && role.kind !== 'stt' && role.kind !== 'unit' ? [heading.split(' số ')] : [heading];
          const base = { key, header, title: { vi: heading, en: `Figure ${key}` } };
          switch (role.kind) {
            case 'stt':
              return { ...base, type: 'stt' };
            case 'unit':
              return { ...base, type: 'unit' };
            case 'total':
            case 'part':
            case 'extra':
              return { ...base, type: 'count' };
            case 'ratio':
              return { ...base, type: 'percent', ratio: { part: partKey(role.part), total } };
            case 'flag':
              return { ...base, type: 'flag' };
            case 'count':
              return {
                ...base,
                type: 'count',
                countFor: flagKey(role.flag),
                ...(plan.countRequiredWhenFlag ? { requiredWhen: { column: flagKey(role.flag), flag: 'yes' } } : {}),
              };
            case 'days':
              return { ...base, type: 'decimal', requiredWhen: { column: partKey(0), above: 0 } };
          }
        }),
        sums: [{ parts: Array.from({ length: plan.parts }, (_, p) => partKey(p)), total, op: plan.op }],
        required: ['DV', total, ...Array.from({ length: plan.parts }, (_, p) => partKey(p))],
      },
    ],
  };
  return {
    report: readDefinition(json, 'generated.json'),
    columns: order.map((i) => columns[i]!),
    parts: plan.parts,
    op: plan.op,
    [fc.toStringMethod]: () => JSON.stringify(json),
  };
}

/** The values of one unit's row by column key, every relation holding. */
type Row = Map<string, CellValue>;

const yesMarks = ['x', 'X', 'có'] as const;
const noMarks = [0, null, '0'] as const;

function cleanRowArb(def: Generated): fc.Arbitrary<Omit<Row, 'TT' | 'DV'>> {
  return fc
    .record({
      parts: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: def.parts, maxLength: def.parts }),
      slack: fc.integer({ min: 0, max: 50 }),
      extras: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 2 }),
      flags: fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 20 }), fc.nat(2)), {
        minLength: 2,
        maxLength: 2,
      }),
      days: fc.integer({ min: 1, max: 300 }),
      daysWhenNoPart: fc.boolean(),
      nothingReceived: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    })
    .map((r) => {
      const parts: number[] = r.nothingReceived ? r.parts.map(() => 0) : [...r.parts];
      let slack = def.op === '<=' && !r.nothingReceived ? r.slack : 0;
      // A total of 0 only on purpose: then no ratio can be given, and a blank ratio is right.
      if (parts.every((p) => p <= 0) && slack === 0 && !r.nothingReceived) {
        if (def.op === '<=') slack = 1;
        else parts[0] = 1;
      }
      const total = parts.reduce((a, b) => a + b, 0) + slack;
      const row: Row = new Map();
      let extra = 0;
      for (const { key, role } of def.columns) {
        switch (role.kind) {
          case 'total':
            row.set(key, total);
            break;
          case 'part':
            row.set(key, parts[role.part]!);
            break;
          case 'ratio':
            row.set(key, total === 0 ? null : Number(((parts[role.part]! / total) * 100).toFixed(role.decimals)));
            break;
          case 'extra':
            row.set(key, r.extras[extra++]!);
            break;
          case 'flag': {
            const [yes, , mark] = r.flags[role.flag]!;
            row.set(key, yes ? yesMarks[mark]! : noMarks[mark]!);
            break;
          }
          case 'count': {
            const [yes, count, mark] = r.flags[role.flag]!;
            row.set(key, yes ? count : mark === 1 ? null : 0);
            break;
          }
          case 'days':
            row.set(key, parts[0]! > 0 || r.daysWhenNoPart ? r.days / 10 : null);
            break;
        }
      }
      return row;
    });
}

interface Case {
  readonly def: Generated;
  readonly rows: readonly Row[];
}

const units = defaultRegistry.units.map((u) => u.name);

const caseArb: fc.Arbitrary<Case> = definitionArb.chain((def) =>
  fc
    .tuple(fc.shuffledSubarray(units, { minLength: 1, maxLength: 8 }), fc.array(cleanRowArb(def), { maxLength: 8 }))
    .filter(([names, rows]) => rows.length >= names.length)
    .map(([names, rows]) => ({
      def,
      rows: names.map((name, i) => new Map([['TT', i + 1], ['DV', name], ...rows[i]!]) as Row),
    })),
);

/** Ratios kept as fractions are written as Excel keeps a typed percentage: 0.654 under "0.0%". */
function asStored(column: Column, value: CellValue): { value: CellValue; format?: string } {
  const { role } = column;
  if (role.kind !== 'ratio' || !role.asFraction || typeof value !== 'number') return { value };
  return { value: value / 100, format: role.decimals === 0 ? '0%' : `0.${'0'.repeat(role.decimals)}%` };
}

function check(def: Generated, rows: readonly Row[], formats: (string | undefined)[][] = []) {
  const stored = rows.map((row) => def.columns.map((c) => asStored(c, row.get(c.key) ?? null)));
  const values = [def.columns.map((c) => c.heading), ...stored.map((row) => row.map((s) => s.value))];
  const numberFormats = [[], ...stored.map((row, i) => row.map((s, c) => formats[i]?.[c] ?? s.format))];
  const snapshot = workbook(sheet('Số liệu', values, { numberFormats }));
  return checkWorkbook(snapshot, { report: def.report, registry: defaultRegistry });
}

function errorsAndWarnings(def: Generated, rows: readonly Row[]): [string, string, string][] {
  return check(def, rows)
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => [f.cell, f.rule, f.severity]);
}

/** The address of a column's cell on the i-th data row (the header is row 1). */
function cellOf(def: Generated, key: string, i: number): string {
  return `${columnLetter(def.columns.findIndex((c) => c.key === key) + 1)}${i + 2}`;
}

const runs = { numRuns: 50 };

test('a grid built consistent with its definition has no error or warning', () => {
  fc.assert(
    fc.property(caseArb, ({ def, rows }) => {
      const result = check(def, rows);
      expect(result.sheets).toEqual([{ sheet: 'Số liệu', appendix: 'BANG', headerRows: [1], dataRows: rows.length }]);
      expect(errorsAndWarnings(def, rows)).toEqual([]);
    }),
    runs,
  );
});

type Break = 'part' | 'ratio' | 'flag';

test('breaking one relation on one row yields that relation rule on that cell, and nothing else', () => {
  fc.assert(
    fc.property(
      caseArb,
      fc.constantFrom<Break>('part', 'ratio', 'flag'),
      fc.nat(),
      fc.nat(),
      fc.integer({ min: 0, max: 100 }),
      ({ def, rows }, kind, rowPick, columnPick, by) => {
        const i = rowPick % rows.length;
        const row = new Map(rows[i]!);
        const keyOf = (test: (r: Role) => boolean): string[] =>
          def.columns.filter((c) => test(c.role)).map((c) => c.key);
        const total = row.get(keyOf((r) => r.kind === 'total')[0]!) as number;
        let cell: string;
        let rule: string;
        if (kind === 'part') {
          const parts = def.columns.filter((c) => c.role.kind === 'part');
          const part = parts[columnPick % parts.length]!;
          row.set(part.key, total + 1 + by);
          // The first part above 0 requires the days, if the definition has them.
          for (const days of keyOf((r) => r.kind === 'days')) if (row.get(days) === null) row.set(days, 1.5);
          cell = cellOf(def, part.key, i);
          rule = 'part-exceeds-total';
        } else if (kind === 'ratio') {
          fc.pre(total > 0); // with a total of 0 no ratio is wrong, only undefined
          const ratios = keyOf((r) => r.kind === 'ratio');
          const key = ratios[columnPick % ratios.length]!;
          const role = def.columns.find((c) => c.key === key)!.role as Extract<Role, { kind: 'ratio' }>;
          const part = row.get(keyOf((r) => r.kind === 'part' && r.part === role.part)[0]!) as number;
          const exact = (part / total) * 100;
          // Two points or more from the typed value is at least one point from the exact ratio.
          const shift = 2 + (by % 10);
          row.set(key, exact < 50 ? (row.get(key) as number) + shift : (row.get(key) as number) - shift);
          cell = cellOf(def, key, i);
          rule = 'ratio-mismatch';
        } else {
          const flags = def.columns.filter((c) => c.role.kind === 'flag');
          const flag = flags[columnPick % flags.length]!;
          const n = (flag.role as Extract<Role, { kind: 'flag' }>).flag;
          const count = keyOf((r) => r.kind === 'count' && r.flag === n)[0]!;
          row.set(flag.key, 'x');
          row.set(count, 0);
          cell = cellOf(def, count, i);
          rule = 'flag-count-mismatch';
        }
        const broken = rows.map((r, j) => (j === i ? row : r));
        expect(errorsAndWarnings(def, broken)).toEqual([[cell, rule, 'error']]);
      },
    ),
    runs,
  );
});

const garbage: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('2-3', '1,5', '12%', 'x', 'có', '1.000.000', '#DIV/0!', '  ', '-0', '1e400', 'Tên đơn vị'),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER * 1000, 5e-324, Infinity, NaN),
  fc.constantFrom({ error: '#REF!' }, { error: '#N/A' }, { error: '#VALUE!' }),
  fc.boolean(),
  fc.date({ noInvalidDate: true }),
  fc.constant(null),
);

const numberRoles = new Set<Role['kind']>(['total', 'part', 'ratio', 'extra', 'count', 'days']);

const formats = fc.constantFrom(undefined, 'General', '0.0%', '0%', '#,##0', '0.00', '@', 'dd/mm/yyyy');

test('the engine never throws, also on garbage cells, and every finding it makes is on the grid and can be told', () => {
  fc.assert(
    fc.property(
      caseArb,
      fc.array(fc.tuple(fc.nat(), fc.nat(), garbage, formats), { minLength: 1, maxLength: 30 }),
      ({ def, rows }, spoils) => {
        const spoilt = rows.map((r) => new Map(r));
        const formats: (string | undefined)[][] = rows.map(() => def.columns.map(() => undefined));
        for (const [r, c, value, format] of spoils) {
          const column = def.columns[c % def.columns.length]!;
          spoilt[r % rows.length]!.set(column.key, value);
          formats[r % rows.length]![c % def.columns.length] = format;
        }
        const { findings } = check(def, spoilt, formats);
        for (const f of findings) {
          expect(ruleIds).toContain(f.rule);
          expect(['error', 'warning', 'info']).toContain(f.severity);
          expect(f.row).toBeGreaterThanOrEqual(2);
          expect(f.row).toBeLessThanOrEqual(rows.length + 1);
          expect(def.columns.map((_, c) => columnLetter(c + 1))).toContain(f.column);
          expect(renderMessage(f, 'vi')).not.toBe('');
          expect(renderMessage(f, 'en')).not.toBe('');
        }
        // An error value in a number column is reported as such, never passed over.
        for (const [i, row] of spoilt.entries()) {
          for (const column of def.columns) {
            const value = row.get(column.key);
            if (
              !numberRoles.has(column.role.kind) ||
              typeof value !== 'object' ||
              value === null ||
              value instanceof Date
            )
              continue;
            expect(findings.map((f) => [f.cell, f.rule])).toContainEqual([cellOf(def, column.key, i), 'formula-error']);
          }
        }
      },
    ),
    runs,
  );
});
