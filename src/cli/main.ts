import { checkWorkbook } from '../core/check';
import { computePlan } from '../core/compute/percentages';
import { annotationPlan } from '../core/report/annotations';
import { countBySeverity } from '../core/report/finding';
import type { XlsxHost } from '../hosts/xlsx/host';
import { readSnapshotBuffer } from '../hosts/xlsx/lean/read';
import type { LoadedWorkbook } from '../hosts/xlsx/read';
import { readInputFile, refuseOverwritingInput, writeOutputFile } from './files';
import type { CliArgs } from './args';
import type { CliIo, CommandRunner } from './io';
import { merge } from './merge';
import { checkOptions } from './options';
import { jsonReport, textReport } from './report';
import { serve } from './serve';
import { template } from './template';
import { printable } from './terminal';

export type { CliIo } from './io';
export { loadRegistry } from './options';
export { runCli } from './run';

/**
 * The one input of validate, compute and clear, once --out is known not to overwrite it by
 * mistake. The snapshot comes from the lean reader; ExcelJS loads the workbook only when
 * `keepWorkbook` says the command writes it.
 */
async function openInput(
  args: CliArgs,
  keepWorkbook = true,
): Promise<{ workbook?: LoadedWorkbook['workbook']; snapshot: LoadedWorkbook['snapshot']; bytes: Buffer }> {
  const input = args.inputs[0]!;
  if (args.out !== undefined) await refuseOverwritingInput(args.out, [input], args.inPlace);
  const bytes = await readInputFile(input);
  const snapshot = readSnapshotBuffer(bytes, input);
  if (!keepWorkbook) return { snapshot, bytes };
  const { loadWorkbookBuffer } = await import('../hosts/xlsx/read');
  return { workbook: await loadWorkbookBuffer(bytes, input), snapshot, bytes };
}

/** Writes to --out the input package with Soát's changes patched in: every other part is the input's. */
async function writeWorkbookOutput(host: XlsxHost, input: Buffer, out: string) {
  const { patchPackage } = await import('../hosts/xlsx/package/patch');
  await writeOutputFile(out, Buffer.from(await patchPackage(input, host.changes)));
}

/** A hand-edited record row is left out, and said so: the fill of that cell cannot be restored. */
function warnBrokenRecord(host: XlsxHost, io: CliIo): void {
  for (const { row, fill } of host.brokenRecordRows) {
    io.stderr(
      `soat: cảnh báo: dòng ${row} của trang _soat ghi màu không đọc được (${printable(JSON.stringify(fill))}), bỏ qua / ` +
        `warning: row ${row} of the _soat sheet holds an unreadable fill, ignored\n`,
    );
  }
}

const validate: CommandRunner = async (args, io) => {
  const input = args.inputs[0]!;
  const options = await checkOptions(args);
  const { workbook, snapshot, bytes } = await openInput(args, args.out !== undefined);
  const result = checkWorkbook({ ...snapshot, file: input }, options);
  if (args.out !== undefined && workbook !== undefined) {
    const host = new (await import('../hosts/xlsx/host')).XlsxHost(workbook, undefined, { marksInModel: false });
    await host.applyPlan(annotationPlan(result.findings, args.lang));
    warnBrokenRecord(host, io);
    await writeWorkbookOutput(host, bytes, args.out);
  }
  io.stdout(
    args.json
      ? `${jsonReport([input], result.sheets, result.findings, args.lang)}\n`
      : `${textReport(result.sheets, result.findings, args.lang)}\n${args.out ? `→ ${printable(args.out)}\n` : ''}`,
  );
  return countBySeverity(result.findings).error > 0 ? 1 : 0;
};

const compute: CommandRunner = async (args, io) => {
  const input = args.inputs[0]!;
  const options = await checkOptions(args);
  const { workbook, snapshot, bytes } = await openInput(args);
  const result = checkWorkbook({ ...snapshot, file: input }, options);
  if (workbook === undefined) throw new Error('compute needs the workbook');
  const computed = computePlan(result, { overwrite: args.overwrite });
  const host = new (await import('../hosts/xlsx/host')).XlsxHost(workbook, undefined, { marksInModel: false });
  await host.applyPlan(computed.plan);
  warnBrokenRecord(host, io);
  await writeWorkbookOutput(host, bytes, args.out!);
  const written = computed.replaced.length;
  const kept = computed.keptMismatches.length;
  if (args.json) {
    io.stdout(
      `${jsonReport([input], result.sheets, result.findings, args.lang, { written: computed.replaced, keptMismatches: computed.keptMismatches })}\n`,
    );
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
  const { workbook, bytes } = await openInput(args);
  if (workbook === undefined) throw new Error('clear needs the workbook');
  const host = new (await import('../hosts/xlsx/host')).XlsxHost(workbook, undefined, { marksInModel: false });
  await host.clear();
  warnBrokenRecord(host, io);
  await writeWorkbookOutput(host, bytes, args.out!);
  io.stdout(
    args.lang === 'vi'
      ? `Đã xóa đánh dấu của Soát.\n→ ${printable(args.out!)}\n`
      : `Soát's marks removed.\n→ ${printable(args.out!)}\n`,
  );
  return 0;
};

export const commands: Record<CliArgs['command'], CommandRunner> = {
  validate,
  compute,
  clear,
  merge,
  template,
  serve,
};
