import { mergeUnitWorkbooks } from '../core/merge/merge';
import type { MergeInput } from '../core/merge/inputs';
import { countBySeverity } from '../core/report/finding';
import { refuseOverwritingInput, writeOutputFile } from './files';
import type { CommandRunner } from './io';
import { expandInputs, readMergeInput } from './inputs';
import { checkOptions } from './options';
import { progressBar } from './progress';
import { writeJsonReport, writeTextReport } from './report';
import { printable } from './terminal';

/**
 * `soat merge FILE_OR_DIR... --out CONSOLIDATED.xlsx`: every unit file read (a bad one is
 * reported, never fatal), merged, written with its four sheets and chart, and reported.
 */
export const merge: CommandRunner = async (args, io) => {
  const out = args.out!;
  await refuseOverwritingInput(out, args.inputs, args.inPlace);
  const options = await checkOptions(args);
  const files = await expandInputs(args.inputs, out);
  const progress = progressBar(io, files.length, io.isTTY && !args.json);
  const inputs: MergeInput[] = [];
  for (const file of files) {
    progress.step(file);
    inputs.push(await readMergeInput(file));
  }
  progress.done();
  const result = mergeUnitWorkbooks(inputs, { ...options, lang: args.lang });
  const { draftToXlsx } = await import('../hosts/xlsx/draft');
  const { nativeWriting } = await import('../hosts/xlsx/native-writing');
  await writeOutputFile(out, await draftToXlsx(result.draft, nativeWriting));
  const skipped = new Set(result.findings.filter((f) => f.rule === 'unreadable-file').map((f) => f.file)).size;
  const received = result.units?.received.length ?? 0;
  if (args.json) {
    writeJsonReport(io.stdout, result.files, result.sheets, result.findings, args.lang, { output: out });
    io.stdout('\n');
  } else {
    const line =
      args.lang === 'vi'
        ? `Đã tổng hợp ${received} đơn vị từ ${files.length - skipped} tệp; ${skipped} tệp bị bỏ qua.`
        : `Merged ${received} units from ${files.length - skipped} files; ${skipped} files skipped.`;
    writeTextReport(io.stdout, result.sheets, result.findings, args.lang);
    io.stdout(`\n${line}\n→ ${printable(out)}\n`);
  }
  return countBySeverity(result.findings).error > 0 ? 1 : 0;
};
