/// <reference types="office-js" />
/**
 * `npm run bench`, Excel part: Validate on a generated Phụ lục 2 through Microsoft's own Excel
 * client library (excel-web-16.00.debug.js) answered by an in-memory workbook, as in the tests:
 * how many syncs, and the largest request and answer against Excel on the web's 5 MB.
 */
import { performance } from 'node:perf_hooks';
import { checkWorkbook } from '../src/core/check';
import { annotationPlan } from '../src/core/report/annotations';
import { ExcelHost } from '../src/hosts/excel/host';
import { readWorkbookBuffer } from '../src/hosts/xlsx/read';
import { WorkbookModel } from '../test/support/fake-excel/model';
import { RichApiServer, serveExcel } from '../test/support/rich-api/server';

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export async function benchExcelPayloads(
  rowCounts: readonly number[],
  generate: (rows: number) => Promise<Buffer>,
): Promise<void> {
  process.stdout.write(
    `\nValidate in Excel (Microsoft's client library, ExcelApi 1.10), generated Phụ lục 2; limit 5 MB\n`,
  );
  process.stdout.write(
    `${'rows'.padStart(8)} ${'findings'.padStart(9)} ${'syncs'.padStart(6)} ${'largest request'.padStart(16)} ${'largest answer'.padStart(15)} ${'time'.padStart(9)}\n`,
  );
  for (const rows of rowCounts) {
    const { snapshot } = await readWorkbookBuffer(await generate(rows), 'bench.xlsx');
    const server = new RichApiServer(WorkbookModel.fromSnapshot(snapshot));
    const host = new ExcelHost(serveExcel(server, '1.10').api);
    const start = performance.now();
    const check = checkWorkbook(await host.readSnapshot());
    await host.applyPlan(annotationPlan(check.findings, 'vi'));
    const ms = performance.now() - start;
    const largest = (bytes: readonly number[]): number => Math.max(...bytes);
    process.stdout.write(
      `${String(rows).padStart(8)} ${String(check.findings.length).padStart(9)} ${String(server.requests.length).padStart(6)} ${megabytes(largest(server.requests.map((r) => r.bytes))).padStart(16)} ${megabytes(largest(server.requests.map((r) => r.responseBytes))).padStart(15)} ${(ms / 1000).toFixed(1).padStart(7)} s\n`,
    );
  }
}
