import { parseAddress } from '../../core/address';
import type { ChartDraft, DraftCell, SheetDraft, WorkbookDraft } from '../../core/merge/output';
import { PackageParts } from './package/parts';
import { withWorksheetChild } from './worksheet-order';

/**
 * Native Excel charts for a draft. ExcelJS writes no charts, so they are added to the package it
 * wrote: a chart part (c:barChart whose series point at the sheet's cells, with cached values so
 * that a viewer shows them before any recalculation), a drawing that anchors it to cells, the
 * relationships between sheet, drawing and chart, and their content types.
 */

const ns = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const relType = { chart: `${ns.r}/chart`, drawing: `${ns.r}/drawing` };
const contentType = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
};
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The cells of a one-column or one-row range, in order. */
function rangeCells(sheet: SheetDraft, range: string): (DraftCell | null)[] {
  const [from, to = from] = range.split(':') as [string, string?];
  const a = parseAddress(from);
  const b = parseAddress(to);
  const cells: (DraftCell | null)[] = [];
  for (let r = a.row; r <= b.row; r++) {
    for (let c = a.col; c <= b.col; c++) cells.push(sheet.rows[r - 1]?.[c - 1] ?? null);
  }
  return cells;
}

/** 'Tổng hợp'!$A$5:$A$9 */
function absoluteRef(sheet: string, range: string): string {
  const absolute = range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  return escapeXml(`'${sheet.replace(/'/g, "''")}'!${absolute}`);
}

function cachedText(cell: DraftCell | null): string {
  if (!cell) return '';
  if (cell.text !== undefined) return cell.text;
  const n = cell.number ?? cell.result;
  return n === undefined ? '' : String(n);
}

function cachedNumber(cell: DraftCell | null): number | undefined {
  if (!cell) return undefined;
  if (cell.number !== undefined) return cell.number;
  return typeof cell.result === 'number' ? cell.result : undefined;
}

function richText(text: string, size: number, bold: boolean): string {
  return `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`;
}

/** Horizontal bars: long unit names read well down the side, first unit on top. */
export function chartXml(chart: ChartDraft, sheet: SheetDraft): string {
  const categories = rangeCells(sheet, chart.categories).map(cachedText);
  const values = rangeCells(sheet, chart.values).map(cachedNumber);
  const strPoints = categories.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeXml(t)}</c:v></c:pt>`).join('');
  const numPoints = values.map((v, i) => (v === undefined ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  const bounds = chart.valueAxis ? `<c:max val="${chart.valueAxis.max}"/><c:min val="${chart.valueAxis.min}"/>` : '';
  return (
    `${xmlHead}<c:chartSpace xmlns:c="${ns.c}" xmlns:a="${ns.a}" xmlns:r="${ns.r}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx>${richText(chart.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(chart.seriesName)}</c:v></c:tx>` +
    '<c:spPr><a:solidFill><a:srgbClr val="2E75B6"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>' +
    '<c:dLbls><c:numFmt formatCode="0.0" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>' +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>' +
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
    `<c:cat><c:strRef><c:f>${absoluteRef(sheet.name, chart.categories)}</c:f><c:strCache><c:ptCount val="${categories.length}"/>${strPoints}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${absoluteRef(sheet.name, chart.values)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${numPoints}</c:numCache></c:numRef></c:val>` +
    '</c:ser><c:gapWidth val="50"/><c:axId val="500100"/><c:axId val="500200"/></c:barChart>' +
    '<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>' +
    '<c:crossAx val="500200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>` +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="500100"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

function anchorXml(chart: ChartDraft, id: number, relId: string): string {
  const { row, col } = parseAddress(chart.anchor.cell);
  const marker = (c: number, r: number): string =>
    `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(col - 1, row - 1)}</xdr:from>` +
    `<xdr:to>${marker(col - 1 + chart.anchor.columns, row - 1 + chart.anchor.rows)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${escapeXml(`Chart ${id}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${ns.c}"><c:chart xmlns:c="${ns.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
}

/** Sheet name → its part ("xl/worksheets/sheet4.xml"), read from the workbook and its rels. */
async function sheetParts(zip: PackageParts): Promise<Map<string, string>> {
  const workbook = (await zip.text('xl/workbook.xml')) ?? '';
  const rels = (await zip.text('xl/_rels/workbook.xml.rels')) ?? '';
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = /\bId="([^"]*)"/.exec(tag)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    const id = /\br:id="([^"]*)"/.exec(tag)?.[1];
    const part = id && targets.get(id);
    if (name !== undefined && part) parts.set(unescapeXml(name), part);
  }
  return parts;
}

function nextFree(zip: PackageParts, prefix: string, after: number): number {
  let n = after + 1;
  while (zip.has(`${prefix}${n}.xml`)) n++;
  return n;
}

function withDrawing(sheetXml: string, relId: string): string {
  return withWorksheetChild(sheetXml, 'drawing', `<drawing r:id="${relId}"/>`);
}

/** Adds the draft's charts to the .xlsx bytes ExcelJS wrote. */
export async function addCharts(bytes: Uint8Array, draft: WorkbookDraft): Promise<Buffer> {
  if (!draft.sheets.some((s) => (s.charts?.length ?? 0) > 0)) return Buffer.from(bytes);
  const zip = await PackageParts.load(bytes);
  await addChartsTo(zip, draft);
  return Buffer.from(await zip.toBytes());
}

/** Adds the draft's charts to the package ExcelJS wrote, already open. */
export async function addChartsTo(zip: PackageParts, draft: WorkbookDraft): Promise<void> {
  const charted = draft.sheets.filter((s) => (s.charts?.length ?? 0) > 0);
  if (charted.length === 0) return;
  const parts = await sheetParts(zip);
  const overrides: string[] = [];
  let chartNo = 0;
  let drawingNo = 0;
  for (const sheet of charted) {
    const part = parts.get(sheet.name);
    if (!part) continue;
    drawingNo = nextFree(zip, 'xl/drawings/drawing', drawingNo);
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    for (const [i, chart] of (sheet.charts ?? []).entries()) {
      chartNo = nextFree(zip, 'xl/charts/chart', chartNo);
      await zip.set(`xl/charts/chart${chartNo}.xml`, chartXml(chart, sheet));
      drawingRels.push(relationship(`rId${i + 1}`, relType.chart, `../charts/chart${chartNo}.xml`));
      anchors.push(anchorXml(chart, i + 1, `rId${i + 1}`));
      overrides.push(`<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${contentType.chart}"/>`);
    }
    await zip.set(
      `xl/drawings/drawing${drawingNo}.xml`,
      `${xmlHead}<xdr:wsDr xmlns:xdr="${ns.xdr}" xmlns:a="${ns.a}" xmlns:r="${ns.r}">${anchors.join('')}</xdr:wsDr>`,
    );
    await zip.set(
      `xl/drawings/_rels/drawing${drawingNo}.xml.rels`,
      `${xmlHead}<Relationships xmlns="${ns.rels}">${drawingRels.join('')}</Relationships>`,
    );
    overrides.push(`<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="${contentType.drawing}"/>`);

    const relsPath = part.replace(/([^/]+)$/, '_rels/$1.rels');
    const rels = (await zip.text(relsPath)) ?? `${xmlHead}<Relationships xmlns="${ns.rels}"></Relationships>`;
    const taken = new Set((rels.match(/\bId="([^"]*)"/g) ?? []).map((m) => m.slice(4, -1)));
    let n = 1;
    while (taken.has(`rId${n}`)) n++;
    const relId = `rId${n}`;
    await zip.set(
      relsPath,
      rels.replace(
        '</Relationships>',
        `${relationship(relId, relType.drawing, `../drawings/drawing${drawingNo}.xml`)}</Relationships>`,
      ),
    );
    await zip.set(part, withDrawing((await zip.text(part))!, relId));
  }
  const types = (await zip.text('[Content_Types].xml')) ?? '';
  await zip.set('[Content_Types].xml', types.replace('</Types>', `${overrides.join('')}</Types>`));
}
