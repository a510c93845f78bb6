import { countBySeverity } from '../core/report/finding';
import { clearBytes, computeBytes, validateBytes } from '../hosts/xlsx/commands';
import type { Written } from '../hosts/xlsx/commands';
import { readInputFile, refuseOverwritingInput, writeOutputFile } from './files';
import type { CliArgs } from './args';
import type { CliIo, CommandRunner } from './io';
import { checkOptions } from './options';
import { writeJsonReport, writeTextReport } from './report';
import { printable } from './terminal';

export type { CliIo } from './io';
export { loadRegistry } from './options';
export { runCli } from './run';

/** The bytes of the one input of validate, compute and clear, once --out is known not to overwrite it by mistake. */
async function openInput(args: CliArgs): Promise<Buffer> {
  const input = args.inputs[0]!;
  if (args.out !== undefined) await refuseOverwritingInput(args.out, [input], args.inPlace);
  return readInputFile(input);
}

/** Writes the patched copy to --out; a hand-edited record row is left out, and said so. */
async function writeOutput({ bytes, brokenRecordRows }: Written, out: string, io: CliIo): Promise<void> {
  for (const { row, fill } of brokenRecordRows) {
    io.stderr(
      `soat: cảnh báo: dòng ${row} của trang _soat ghi màu không đọc được (${printable(JSON.stringify(fill))}), bỏ qua / ` +
        `warning: row ${row} of the _soat sheet holds an unreadable fill, ignored\n`,
    );
  }
  await writeOutputFile(out, bytes);
}

const validate: CommandRunner = async (args, io) => {
  const input = args.inputs[0]!;
  const options = await checkOptions(args);
  const bytes = await openInput(args);
  const { result, annotated } = await validateBytes(bytes, input, options, {
    lang: args.lang,
    annotate: args.out !== undefined,
  });
  if (args.out !== undefined && annotated !== undefined) await writeOutput(annotated, args.out, io);
  if (args.json) {
    writeJsonReport(io.stdout, [input], result.sheets, result.findings, args.lang);
    io.stdout('\n');
  } else {
    writeTextReport(io.stdout, result.sheets, result.findings, args.lang);
    io.stdout(`\n${args.out ? `→ ${printable(args.out)}\n` : ''}`);
  }
  return countBySeverity(result.findings).error > 0 ? 1 : 0;
};

const compute: CommandRunner = async (args, io) => {
  const input = args.inputs[0]!;
  const options = await checkOptions(args);
  const { result, computed, written: copy } = await computeBytes(await openInput(args), input, options, args.overwrite);
  await writeOutput(copy, args.out!, io);
  const written = computed.replaced.length;
  const kept = computed.keptMismatches.length;
  if (args.json) {
    const extra = { written: computed.replaced, keptMismatches: computed.keptMismatches };
    writeJsonReport(io.stdout, [input], result.sheets, result.findings, args.lang, extra);
    io.stdout('\n');
  } else {
    io.stdout(
      args.lang === 'vi'
        ? `Đã ghi công thức tỷ lệ vào ${written} ô; giữ nguyên ${kept} ô tỷ lệ không khớp${kept ? ' (dùng --overwrite để ghi đè)' : ''}.\n→ ${printable(args.out!)}\n`
        : `Wrote percentage formulas into ${written} cells; left ${kept} mismatched percentages${kept ? ' (use --overwrite to replace them)' : ''}.\n→ ${printable(args.out!)}\n`,
    );
  }
  return 0;
};

const clear: CommandRunner = async (args, io) => {
  await writeOutput(await clearBytes(await openInput(args), args.inputs[0]!), args.out!, io);
  io.stdout(
    args.lang === 'vi'
      ? `Đã xóa đánh dấu của Soát.\n→ ${printable(args.out!)}\n`
      : `Soát's marks removed.\n→ ${printable(args.out!)}\n`,
  );
  return 0;
};

/** A command whose modules load when it runs: checking one file never loads the merge or the web server. */
const later =
  (load: () => Promise<CommandRunner>): CommandRunner =>
  async (args, io) =>
    (await load())(args, io);

export const commands: Record<CliArgs['command'], CommandRunner> = {
  validate,
  compute,
  clear,
  merge: later(async () => (await import('./merge')).merge),
  template: later(async () => (await import('./template')).template),
  serve: later(async () => (await import('./serve')).serve),
};
