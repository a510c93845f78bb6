import { parseArgs } from 'node:util';
import type { Lang } from '../core/report/finding';

/** Wrong arguments or unusable input: exit status 2 with one line on stderr. */
export class UsageError extends Error {}

export type Command = 'validate' | 'compute' | 'merge' | 'template' | 'clear' | 'serve';

export interface CliArgs {
  readonly command: Command;
  readonly inputs: readonly string[];
  readonly out?: string;
  readonly json: boolean;
  readonly registry?: string;
  readonly definition?: string;
  readonly periodEnd?: Date;
  readonly lang: Lang;
  readonly overwrite: boolean;
  /** --out may be an input file (validate, compute, clear: --out defaults to it). */
  readonly inPlace: boolean;
  /** serve: the local port of the web page. */
  readonly port?: number;
}

export const usage = `Cách dùng / Usage:
  soat validate FILE.xlsx [--out ANNOTATED.xlsx | --in-place] [--json] [--registry UNITS.xlsx|.csv] [--period-end YYYY-MM-DD] [--lang vi|en]
  soat compute FILE.xlsx (--out FILE2.xlsx | --in-place) [--overwrite] [--json]
  soat clear FILE.xlsx (--out CLEAN.xlsx | --in-place)
  soat merge FILE_OR_DIR... --out CONSOLIDATED.xlsx [--json] [--registry …] [--period-end …]
  soat template --out UNIT_TEMPLATE.xlsx [--definition REPORT.json] [--registry …]
  soat serve [--port N]   (trang web trên máy này / the web page on this computer; npm run build:web)
Mọi lệnh nhận --definition REPORT.json (mẫu báo cáo) / every command takes --definition REPORT.json.`;

const commands: readonly Command[] = ['validate', 'compute', 'merge', 'template', 'clear', 'serve'];

export function parseCli(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        json: { type: 'boolean', default: false },
        registry: { type: 'string' },
        definition: { type: 'string' },
        'period-end': { type: 'string' },
        lang: { type: 'string', default: 'vi' },
        overwrite: { type: 'boolean', default: false },
        'in-place': { type: 'boolean', default: false },
        clear: { type: 'boolean', default: false },
        port: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [name, ...inputs] = positionals;
  if (name === undefined || !commands.includes(name as Command)) {
    throw new UsageError(
      name === undefined ? 'thiếu lệnh (missing command)' : `lệnh không rõ (unknown command): ${name}`,
    );
  }
  const command: Command = values.clear && name === 'validate' ? 'clear' : (name as Command);
  if (values.lang !== 'vi' && values.lang !== 'en')
    throw new UsageError(`--lang phải là vi hoặc en (must be vi or en): ${values.lang}`);
  if (command === 'serve') return serveArgs(inputs, values.port, values.lang);
  if (command !== 'template' && inputs.length === 0)
    throw new UsageError(`${command}: thiếu tệp đầu vào (missing input file)`);
  if (['validate', 'compute', 'clear'].includes(command) && inputs.length > 1) {
    throw new UsageError(`${command}: chỉ nhận một tệp (takes one file)`);
  }
  const inPlace = values['in-place'];
  if (inPlace && (command === 'merge' || command === 'template') && values.out === undefined) {
    throw new UsageError(`${command}: cần --out (needs --out)`);
  }
  const out = values.out ?? (inPlace ? inputs[0] : undefined);
  if (['compute', 'merge', 'template', 'clear'].includes(command) && out === undefined) {
    throw new UsageError(`${command}: cần --out (needs --out)`);
  }
  return {
    command,
    inputs,
    ...(out === undefined ? {} : { out }),
    json: values.json,
    ...(values.registry === undefined ? {} : { registry: values.registry }),
    ...(values.definition === undefined ? {} : { definition: values.definition }),
    ...(values['period-end'] === undefined ? {} : { periodEnd: parseDay(values['period-end']) }),
    lang: values.lang,
    overwrite: values.overwrite,
    inPlace,
  };
}

function serveArgs(inputs: readonly string[], port: string | undefined, lang: Lang): CliArgs {
  if (inputs.length > 0) throw new UsageError(`serve: không nhận tệp (takes no file): ${inputs.join(' ')}`);
  const number = port === undefined ? undefined : Number(port);
  if (number !== undefined && !(Number.isInteger(number) && number >= 0 && number <= 65535)) {
    throw new UsageError(`--port cần một số từ 0 đến 65535 (needs a number from 0 to 65535): ${port}`);
  }
  return {
    command: 'serve',
    inputs: [],
    json: false,
    lang,
    overwrite: false,
    inPlace: false,
    ...(number === undefined ? {} : { port: number }),
  };
}

function parseDay(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.getUTCDate() !== Number(match![3])) {
    throw new UsageError(`--period-end cần dạng YYYY-MM-DD (needs YYYY-MM-DD): ${text}`);
  }
  return date;
}
