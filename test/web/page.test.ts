import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { checkWorkbook } from '../../src/core/check';
import { fillColors } from '../../src/core/plan';
import { checkBytes } from '../../src/hosts/xlsx/commands';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/read';
import { buildTthcWorkbooks, tthcDefinitionPath, tthcRegistryPath } from '../../scripts/tthc-units';
import { root } from '../browser/build';
import { seedWorkbooks } from '../hosts/xlsx/seed';
import { soat } from '../support/cli';
import { changedParts, partsOf, sheetFrame } from '../support/package-parts';
import { allListed, scrollToFinding } from '../browser/listed';
import { describeInBrowser, useWebPage } from './harness';
import { workbookContent } from './workbook-content';

/**
 * The web page in Chromium, driven as a person would: files chosen through its input, buttons
 * clicked, downloads read back with ExcelJS and compared with what `soat` writes from the same files.
 */

let dir = '';

/** The seed workbooks on disk, as a consolidator receives them. */
async function writeSeed(): Promise<string[]> {
  dir = mkdtempSync(join(tmpdir(), 'soat-web-'));
  const names: string[] = [];
  for (const [name, bytes] of await seedWorkbooks()) {
    writeFileSync(join(dir, name), bytes);
    names.push(name);
  }
  // A file that is no workbook: listed with the command line's message, the rest goes on.
  writeFileSync(join(dir, 'unit-hong.xlsx'), 'not a workbook');
  return names;
}

/** `soat …` run from the folder of the files, so that it names them as the page does: by their names. */
async function soatIn(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return await soat(...argv);
  } finally {
    process.chdir(cwd);
  }
}

async function downloaded(page: Page, testId: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).first().click()]);
  return readFileSync((await download.path())!);
}

/** Every finding listed, as "Sheet!A1 rule": the lists are virtualized, so they are read by scrolling. */
async function listed(page: Page): Promise<string[]> {
  return (await allListed(page)).filter((row) => row.cell !== undefined).map((row) => `${row.cell} ${row.rule}`);
}

describeInBrowser('the web page in Chromium, over files chosen in it', () => {
  const web = useWebPage();
  let units: string[] = [];
  beforeAll(async () => {
    units = (await writeSeed()).filter((n) => n.startsWith('unit-'));
  }, 120_000);

  test('Validate lists the findings of the chosen file; a click shows the cell in the preview; the annotated download is the one soat validate --out writes', async () => {
    const { page, errors, foreign } = await web.open();
    expect(await page.getByTestId('privacy').textContent()).toContain('không rời khỏi máy này');

    await page.getByTestId('web-files').setInputFiles(join(dir, 'seed-report.xlsx'));
    await page.getByTestId('validate').click();
    await page.getByTestId('web-findings').waitFor({ timeout: 120_000 });

    const bytes = readFileSync(join(dir, 'seed-report.xlsx'));
    const expected = checkWorkbook((await readWorkbookBuffer(bytes, 'seed-report.xlsx')).snapshot).findings;
    expect((await listed(page)).sort()).toEqual(expected.map((f) => `${f.sheet}!${f.cell} ${f.rule}`).sort());
    expect(await page.getByTestId('web-findings-file').getAttribute('data-file')).toBe('seed-report.xlsx');
    // The summary line counts what the check found, as the pane's does.
    const errorsFound = expected.filter((f) => f.severity === 'error').length;
    expect(await page.getByTestId('count-error').textContent()).toBe(`Lỗi: ${errorsFound}`);
    expect(await page.getByTestId('checked-at').textContent()).toMatch(/^Kiểm tra lúc \d{2}:\d{2}/);

    // The first error of Phụ lục 2, clicked: the preview turns to its sheet and outlines its cell.
    const error = expected.find((f) => f.severity === 'error' && f.sheet === 'Phụ lục 2')!;
    await scrollToFinding(page, `${error.sheet}!${error.cell}`);
    await page.locator(`[data-testid="finding"][data-cell="${error.sheet}!${error.cell}"] button`).first().click();
    const selected = page.getByTestId('preview-selected');
    await selected.waitFor({ timeout: 10_000 });
    expect(await selected.getAttribute('data-cell')).toBe(error.cell);
    expect(await page.getByTestId('preview').getAttribute('data-sheet')).toBe(error.sheet);
    expect(await selected.isVisible()).toBe(true);

    const annotated = await downloaded(page, 'download-annotated');
    const readBack = await readWorkbookBuffer(annotated);
    const sheet = readBack.workbook.getWorksheet(error.sheet)!;
    const cell = sheet.getCell(error.cell);
    expect(cell.fill).toMatchObject({ type: 'pattern', fgColor: { argb: fillColors.error } });
    expect(
      String((cell.note as { texts?: { text: string }[] })?.texts?.map((t) => t.text).join('') ?? cell.note),
    ).toContain('— Soát —');

    expect((await soatIn('validate', 'seed-report.xlsx', '--out', 'cli-annotated.xlsx')).status).toBe(1);
    expect(await workbookContent(annotated)).toEqual(
      await workbookContent(readFileSync(join(dir, 'cli-annotated.xlsx'))),
    );

    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  test('Merge of the unit files chosen in the page: the consolidated download is the one soat merge writes; an unreadable file is listed with its message', async () => {
    const { page, errors, foreign } = await web.open();
    const files = [...units, 'unit-hong.xlsx'].sort();
    await page.getByTestId('web-files').setInputFiles(files.map((n) => join(dir, n)));
    await page.getByTestId('merge').click();
    await page.getByTestId('merge-result').waitFor({ timeout: 240_000 });
    // Each file's bar ends full: the merge read every one.
    const statuses = await page
      .getByTestId('web-file')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-file'), r.getAttribute('data-status')]));
    expect(statuses).toEqual(files.map((n) => [n, 'done']));

    const merged = await downloaded(page, 'download-merged');
    const cli = await soatIn('merge', ...files, '--out', 'cli-merged.xlsx', '--json');
    expect(await workbookContent(merged)).toEqual(await workbookContent(readFileSync(join(dir, 'cli-merged.xlsx'))));

    const unreadable = (
      JSON.parse(cli.stdout) as { findings: { file: string; rule: string; message: string }[] }
    ).findings.find((f) => f.rule === 'unreadable-file')!;
    expect(unreadable.file).toBe('unit-hong.xlsx');
    const shown = page.locator('[data-testid="finding"][data-rule="unreadable-file"]');
    expect(await shown.textContent()).toContain(unreadable.message);

    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  }, 400_000);

  test('Compute, Clear and the template download the files soat compute, soat clear and soat template write', async () => {
    const { page, errors, foreign } = await web.open();
    await page.getByTestId('web-files').setInputFiles(join(dir, 'seed-report.xlsx'));
    await page.getByLabel('Ghi đè tỷ lệ sai').check();
    await page.getByTestId('compute').click();
    await page.getByTestId('download-changed').waitFor({ timeout: 120_000 });
    const computed = await downloaded(page, 'download-changed');
    expect((await soatIn('compute', 'seed-report.xlsx', '--overwrite', '--out', 'cli-computed.xlsx')).status).toBe(0);
    const cliComputed = await workbookContent(readFileSync(join(dir, 'cli-computed.xlsx')));
    expect(await workbookContent(computed)).toEqual(cliComputed);
    // Compute replaced wrong percentages by formulas: the comparison is of a changed file, not of two copies of the input.
    expect(cliComputed).not.toEqual(await workbookContent(readFileSync(join(dir, 'seed-report.xlsx'))));

    // Clear on a file soat annotated: Soát's marks removed as soat clear removes them.
    await soatIn('validate', 'seed-report.xlsx', '--out', 'annotated.xlsx');
    await page.getByTestId('remove-all').click();
    await page.getByTestId('web-files').setInputFiles(join(dir, 'annotated.xlsx'));
    await page.getByTestId('clear').click();
    await page.getByTestId('download-changed').waitFor({ timeout: 120_000 });
    const cleared = await downloaded(page, 'download-changed');
    expect((await soatIn('clear', 'annotated.xlsx', '--out', 'cli-cleared.xlsx')).status).toBe(0);
    expect(await workbookContent(cleared)).toEqual(await workbookContent(readFileSync(join(dir, 'cli-cleared.xlsx'))));

    const template = await downloaded(page, 'template');
    expect((await soatIn('template', '--out', 'cli-template.xlsx')).status).toBe(0);
    expect(await workbookContent(template)).toEqual(
      await workbookContent(readFileSync(join(dir, 'cli-template.xlsx'))),
    );

    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  test('A definition and a unit list loaded in the page are used as --definition and --registry: the second report merges as soat merge does', async () => {
    const definition = join(root, tthcDefinitionPath);
    const registry = join(root, tthcRegistryPath);
    const books = await buildTthcWorkbooks(readFileSync(definition, 'utf8'), readFileSync(registry, 'utf8'));
    mkdirSync(join(dir, 'tthc'), { recursive: true });
    const files = [...books.keys()].sort();
    for (const [name, bytes] of books) writeFileSync(join(dir, 'tthc', name), bytes);

    const { page, errors, foreign } = await web.open();
    await page.getByTestId('definition-input').setInputFiles(definition);
    await page.getByTestId('notice').waitFor({ timeout: 60_000 });
    await page.getByTestId('registry-input').setInputFiles(registry);
    await page.getByText('Đã nạp danh mục').waitFor({ timeout: 60_000 });
    const title = (JSON.parse(readFileSync(definition, 'utf8')) as { title: { vi: string } }).title.vi;
    expect(await page.getByTestId('in-force').textContent()).toContain(`${title} (đã chọn)`);
    expect(await page.getByTestId('in-force').textContent()).toContain('danh mục đã chọn');

    await page.getByTestId('web-files').setInputFiles(files.map((n) => join(dir, 'tthc', n)));
    await page.getByTestId('merge').click();
    await page.getByTestId('merge-result').waitFor({ timeout: 240_000 });
    const merged = await downloaded(page, 'download-merged');
    const cwd = process.cwd();
    process.chdir(join(dir, 'tthc'));
    try {
      await soat(
        'merge',
        ...files,
        '--definition',
        definition,
        '--registry',
        registry,
        '--out',
        join(dir, 'cli-tthc.xlsx'),
      );
    } finally {
      process.chdir(cwd);
    }
    expect(await workbookContent(merged)).toEqual(await workbookContent(readFileSync(join(dir, 'cli-tthc.xlsx'))));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  }, 400_000);

  test('Validate of several files: an unreadable one is listed with the message soat gives and the rest is checked; an accepted suggestion is in the edited copy until Revert', async () => {
    const { page, errors, foreign } = await web.open();
    await page.getByTestId('web-files').setInputFiles([join(dir, 'unit-hong.xlsx'), join(dir, 'seed-report.xlsx')]);
    await page.getByTestId('validate').click();
    await page.getByText('1 tệp:').waitFor({ timeout: 120_000 });
    const cli = await soatIn('validate', 'unit-hong.xlsx');
    const shown = await page
      .locator('[data-testid="web-file"][data-file="unit-hong.xlsx"] [data-testid="web-file-error"]')
      .textContent();
    expect(shown).toMatch(/^unit-hong\.xlsx: /);
    expect([cli.status, cli.stderr.startsWith(`soat: ${shown} / `)]).toEqual([2, true]);
    expect(await page.getByTestId('web-findings-file').getAttribute('data-file')).toBe('seed-report.xlsx');

    const bytes = readFileSync(join(dir, 'seed-report.xlsx'));
    const { findings } = checkWorkbook((await readWorkbookBuffer(bytes, 'seed-report.xlsx')).snapshot);
    const fix = findings.find((f) => f.suggestion !== undefined)!;
    await scrollToFinding(page, `${fix.sheet}!${fix.cell}`);
    await page
      .locator(
        `[data-testid="finding"][data-cell="${fix.sheet}!${fix.cell}"][data-rule="${fix.rule}"] [data-testid="accept"]`,
      )
      .click();
    await page.getByText(`Đã ghi gợi ý vào ${fix.suggestion!.cell}.`).waitFor({ timeout: 120_000 });
    const editedBytes = await downloaded(page, 'download-changed');
    const edited = await readWorkbookBuffer(editedBytes);
    expect(edited.workbook.getWorksheet(fix.sheet)!.getCell(fix.suggestion!.cell).value).toBe(fix.suggestion!.value);
    // The value is patched into the input package: only the sheet that holds the cell changed.
    const changed = changedParts(await partsOf(bytes), await partsOf(editedBytes));
    expect([changed.length, changed.every((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))]).toEqual([1, true]);
    // Validated again after the write: the finding the suggestion answered is gone from the list.
    expect(await listed(page)).not.toContain(`${fix.sheet}!${fix.cell} ${fix.rule}`);

    await page.getByTestId('revert').click();
    await page.getByText('Đã khôi phục 1 ô.').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('download-changed').count()).toBe(0);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  test("A finding confirmed with a reason in the page is listed as confirmed; the downloaded copy carries the line in its note and soat validate reports it confirmed; every other part is the input's", async () => {
    const { page, errors, foreign } = await web.open();
    await page.getByTestId('web-files').setInputFiles(join(dir, 'seed-report.xlsx'));
    await page.getByTestId('validate').click();
    await page.getByTestId('web-findings').waitFor({ timeout: 120_000 });

    const original = readFileSync(join(dir, 'seed-report.xlsx'));
    const { findings } = checkWorkbook((await readWorkbookBuffer(original, 'seed-report.xlsx')).snapshot);
    const target = findings.find((f) => f.severity === 'error' && f.row > 0 && f.cell !== '')!;
    const where = `[data-cell="${target.sheet}!${target.cell}"][data-rule="${target.rule}"]`;
    await scrollToFinding(page, `${target.sheet}!${target.cell}`);
    await page.locator(`[data-testid="finding"]${where} [data-testid="confirm"]`).click();
    await page.getByTestId('confirm-reason').fill('Số đúng theo biên bản đối chiếu');
    await page.getByTestId('confirm-save').click();
    await page.getByText(`Đã ghi xác nhận vào ghi chú ô ${target.sheet}!${target.cell}.`).waitFor({ timeout: 120_000 });
    await page.locator(`[data-testid="confirmed-finding"]${where}`).waitFor({ timeout: 30_000 });
    expect(await listed(page)).not.toContain(`${target.sheet}!${target.cell} ${target.rule}`);

    const confirmed = await downloaded(page, 'download-changed');
    writeFileSync(join(dir, 'web-confirmed.xlsx'), confirmed);
    const note = checkBytes(confirmed, 'web-confirmed.xlsx', {}).snapshot.sheets.find((s) => s.name === target.sheet)!
      .notes?.[target.cell];
    expect(note).toMatch(
      new RegExp(`^Soát: xác nhận ${target.rule}( = [^—]+)? — Số đúng theo biên bản đối chiếu`, 'm'),
    );
    const report = JSON.parse((await soatIn('validate', 'web-confirmed.xlsx', '--json')).stdout) as {
      findings: { sheet: string; cell: string; rule: string; confirmed?: string }[];
    };
    expect(
      report.findings.filter((f) => f.sheet === target.sheet && f.cell === target.cell && f.rule === target.rule),
    ).toEqual([expect.objectContaining({ confirmed: 'Số đúng theo biên bản đối chiếu' })]);
    // Only the notes of that sheet changed: its comments, drawing and their relationships.
    const before = await partsOf(original);
    for (const name of changedParts(before, await partsOf(confirmed)))
      expect([name, /comments|vmlDrawing|_rels|\[Content_Types\]|worksheets\/sheet\d+\.xml$/.test(name)]).toEqual([
        name,
        true,
      ]);
    const sheetsBefore = [...before].filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    const after = await partsOf(confirmed);
    for (const [name, xml] of sheetsBefore)
      expect([name, sheetFrame(after.get(name)!)]).toEqual([name, sheetFrame(xml)]);

    await page.locator(`[data-testid="confirmed-finding"]${where} [data-testid="unconfirm"]`).click();
    await page.getByText(`Đã bỏ xác nhận ở ô ${target.sheet}!${target.cell}.`).waitFor({ timeout: 120_000 });
    expect(await listed(page)).toContain(`${target.sheet}!${target.cell} ${target.rule}`);
    const unconfirmed = await partsOf(await downloaded(page, 'download-changed'));
    expect(changedParts(before, unconfirmed)).toEqual([]);
    expect([...unconfirmed.keys()]).toEqual([...before.keys()]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  test('every seed workbook validated in the page gives the annotated copy soat validate --out writes of it', async () => {
    const { page, errors, foreign } = await web.open();
    const files = ['seed-report.xlsx', ...units];
    await page.getByTestId('web-files').setInputFiles(files.map((n) => join(dir, n)));
    await page.getByTestId('validate').click();
    await page.getByText(`${files.length} tệp:`).waitFor({ timeout: 300_000 });
    for (const name of files) {
      const row = page.locator(`[data-testid="web-file"][data-file="${name}"]`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByTestId('download-annotated').click(),
      ]);
      expect(download.suggestedFilename()).toBe(name.replace(/\.xlsx$/, '.annotated.xlsx'));
      await soatIn('validate', name, '--out', `cli-${name}`);
      const web = await workbookContent(readFileSync((await download.path())!));
      expect([name, web]).toEqual([name, await workbookContent(readFileSync(join(dir, `cli-${name}`)))]);
    }
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  }, 600_000);
});
