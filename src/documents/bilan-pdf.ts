import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Block, DocumentModel, Item } from './progress-document-model.js';

/** DejaVu from an npm package: every French character and ☐ ☒ − print on a server without system fonts. */
const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = 'DejaVu';
const BOLD = 'DejaVu-Bold';
const GREY = '#555555';
const MARGIN = 50;

type Pdf = InstanceType<typeof PDFDocument>;

/** A4 PDF of a summary or a bilan, with page numbers; pure JS (pdfkit). */
export async function renderPdf(model: DocumentModel): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: model.title, Creator: 'Relais' } });
  doc.registerFont(REGULAR, join(fontDir, 'DejaVuSans.ttf'));
  doc.registerFont(BOLD, join(fontDir, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  doc.font(BOLD).fontSize(17).text(model.title);
  doc.font(REGULAR).fontSize(10).fillColor(GREY).text(model.subtitle).moveDown(0.4);
  doc.fillColor('black').text(model.intro).moveDown(0.6);
  for (const section of model.sections) {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    doc.moveDown(0.5).font(BOLD).fontSize(13).fillColor('#1f4e79').text(section.heading, MARGIN).fillColor('black').moveDown(0.3);
    for (const block of section.blocks) drawBlock(doc, block);
  }
  doc.moveDown(1).font(REGULAR).fontSize(8).fillColor(GREY).text(model.footer, MARGIN);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(8).fillColor(GREY)
      .text(`${model.title} — ${i + 1} / ${range.count}`, MARGIN, doc.page.height - 35, { width: doc.page.width - 2 * MARGIN, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

const width = (doc: Pdf): number => doc.page.width - 2 * MARGIN;

function drawItem(doc: Pdf, item: Item, depth: number): void {
  const indent = MARGIN + 12 * depth;
  doc.font(REGULAR).fontSize(10).fillColor('black').text(`•  ${item.text}`, indent, undefined, { width: width(doc) - 12 * depth });
  if (item.source !== undefined) doc.fontSize(8).fillColor(GREY).text(item.source, indent + 12, undefined, { width: width(doc) - 12 * depth - 12 });
  doc.fillColor('black').moveDown(0.15);
  for (const child of item.children ?? []) drawItem(doc, child, depth + 1);
}

function drawTable(doc: Pdf, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const total = width(doc);
  const columns = header.length === 3 ? [0.3, 0.25, 0.45].map((f) => f * total) : header.map(() => total / header.length);
  const drawRow = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? BOLD : REGULAR).fontSize(9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: columns[i]! - 6 }))) + 6;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.text(cell, x + 3, top + 3, { width: columns[i]! - 6 });
      x += columns[i]!;
    });
    doc.moveTo(MARGIN, top + height).lineTo(MARGIN + total, top + height).lineWidth(0.5).strokeColor('#bbbbbb').stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  drawRow(header, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.5);
}

function drawBlock(doc: Pdf, block: Block): void {
  switch (block.kind) {
    case 'paragraph':
      doc.font(REGULAR).fontSize(block.emphasis ? 8 : 10).fillColor(block.emphasis ? GREY : 'black').text(block.text, MARGIN).fillColor('black').moveDown(0.4);
      return;
    case 'items':
      for (const item of block.items) drawItem(doc, item, 0);
      doc.moveDown(0.3);
      return;
    case 'table':
      drawTable(doc, block.header, block.rows);
      return;
    case 'image': {
      const w = width(doc);
      const h = w / 2;
      if (doc.y + h > doc.page.height - MARGIN) doc.addPage();
      doc.image(Buffer.from(block.png), MARGIN, doc.y, { width: w, height: h });
      doc.y += h + 4;
      doc.font(REGULAR).fontSize(8).fillColor(GREY).text(block.caption, MARGIN, undefined, { width: w, align: 'center' }).fillColor('black').moveDown(0.6);
      return;
    }
    case 'form':
      for (const field of block.fields) {
        if (doc.y > doc.page.height - MARGIN - 50) doc.addPage();
        doc.font(BOLD).fontSize(10).text(field.label, MARGIN);
        if (field.value === null) {
          const y = doc.y + 22;
          doc.moveTo(MARGIN, y).lineTo(MARGIN + width(doc), y).lineWidth(0.5).strokeColor('#888888').stroke();
          doc.y = y + 8;
        } else {
          doc.font(REGULAR).text(field.value, MARGIN).moveDown(0.5);
        }
      }
      return;
  }
}
