/**
 * The JSON Schema an editor validates a report definition with agrees with the reader: it accepts
 * the shipped definitions, and a definition the reader refuses for its shape is refused by both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDefinition } from '../../src/core/definition';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv2020 = require('ajv/dist/2020').default as new (options: object) => {
  compile(
    schema: object,
  ): ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string }[] | null };
};

const root = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schema', 'report-definition.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strictTypes: true, strictTuples: true }).compile(schema);

type Definition = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function shipped(name: string): Definition {
  return JSON.parse(readFileSync(join(root, 'definitions', name), 'utf8')) as Definition;
}

const names = ['hp-kh197-9t2024.json', 'hp-tthc-q3-2025.json'];

test.each(names)('the schema accepts %s', (name) => {
  expect(validate(shipped(name))).toBe(true);
  expect(validate.errors ?? null).toBeNull();
});

test('every shipped definition points at the schema', () => {
  for (const name of names) expect(shipped(name)['$schema']).toBe('../schema/report-definition.schema.json');
});

/** Changes to the Q3/2025 definition, whose KQ appendix is appendices[1] and column 5 its ratio. */
const broken: [string, (d: Definition) => void, string][] = [
  [
    'a typo in a column key',
    (d) => (d.appendices[1].columns[5].ration = { part: 'DUNG_HAN', total: 'TONG_SO' }),
    '/appendices/1/columns/5',
  ],
  ['a wrong format version', (d) => (d.soat = 2), '/soat'],
  ['an unknown type', (d) => (d.appendices[1].columns[2].type = 'number'), '/appendices/1/columns/2/type'],
  ['a ratio on a count column', (d) => (d.appendices[1].columns[5].type = 'count'), '/appendices/1/columns/5/type'],
  [
    'countFor on a flag column',
    (d) => (d.appendices[1].columns[7].countFor = 'MOT_CUA'),
    '/appendices/1/columns/7/type',
  ],
  ['a key with a space', (d) => (d.appendices[1].columns[2].key = 'TONG SO'), '/appendices/1/columns/2/key'],
  ['a text without vi', (d) => (d.title = { en: 'Q3' }), '/title'],
  ['an unknown sum op', (d) => (d.appendices[1].sums[0].op = '<'), '/appendices/1/sums/0/op'],
  [
    'requiredWhen with above and flag',
    (d) => (d.appendices[1].columns[6].requiredWhen.flag = 'yes'),
    '/appendices/1/columns/6/requiredWhen',
  ],
  ['a sheet name with a slash', (d) => (d.appendices[0].sheet = 'Q3/2025'), '/appendices/0/sheet'],
  ['an unknown summary key', (d) => (d.summary.total = ['TONG_SO']), '/summary'],
  ['no appendices', (d) => (d.appendices = []), '/appendices'],
];

test.each(broken)('the schema and the reader both refuse %s', (_, change, path) => {
  const definition = shipped('hp-tthc-q3-2025.json');
  change(definition);
  expect(validate(definition)).toBe(false);
  expect(validate.errors?.map((e) => e.instancePath)).toContain(path);
  expect(() => readDefinition(definition, 'q3.json')).toThrow('Mẫu báo cáo q3.json');
});

test('text as a plain string, "<=" and requiredWhen on a flag are accepted by both', () => {
  const definition = shipped('hp-tthc-q3-2025.json');
  definition.title = 'Quý III/2025';
  definition.appendices[1].sums[0].op = '<=';
  definition.appendices[1].columns[8].requiredWhen = { column: 'MOT_CUA', flag: 'yes' };
  expect(validate(definition)).toBe(true);
  expect(readDefinition(definition, 'q3.json').title).toEqual({ vi: 'Quý III/2025', en: 'Quý III/2025' });
});

/** Every object of the schema that refuses unknown keys, as its sorted list of keys. */
function closedObjects(node: unknown, found = new Set<string>()): Set<string> {
  if (typeof node !== 'object' || node === null) return found;
  const o = node as Record<string, unknown>;
  if (o['additionalProperties'] === false && typeof o['properties'] === 'object')
    found.add(
      Object.keys(o['properties'] as object)
        .sort()
        .join(' '),
    );
  for (const value of Object.values(o)) closedObjects(value, found);
  return found;
}

test('the schema closes exactly the objects the reader closes, with the same keys', () => {
  const reader = readFileSync(join(root, 'src', 'core', 'definition', 'read.ts'), 'utf8');
  const lists = [...reader.matchAll(/\.only\(\[([^\]]*)\]\)/g)].map((m) =>
    [...m[1]!.matchAll(/'([^']+)'/g)]
      .map((k) => k[1]!)
      .sort()
      .join(' '),
  );
  expect(lists.length).toBeGreaterThan(10);
  expect([...closedObjects(schema)].sort()).toEqual([...new Set(lists)].sort());
});
