import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { FONT_BOLD, FONT_REGULAR, collectPdf, registerChineseFonts } from '../../platform/pdf';
import type { DocumentInput } from './documents.kinds';
import { chineseDate } from './documents.numbering';
import { ARC_H_SCALE, SEAL_COLOR, sealBottomText, sealLayout, type SealLayout } from './documents.seal';
import { composeDocument, type Block } from './documents.wording';

/**
 * Renders a case document as a formal A4 PDF: title, document number, addressee, body, signature
 * block with the office's approval seal (vector), and a QR code to verify the document online.
 * Pure: the same input gives the same layout; nothing is read from the database.
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 60, bottom: 56, left: 76, right: 72 };
const BODY_SIZE = 12.5;
const LINE_GAP = 1.5;
const SEAL_RADIUS = 58; // ≈ 41 mm across, the size of an official seal
const FOOTER_HEIGHT = 78;
const INK = '#111111';
const MUTED = '#555555';

type Doc = PDFKit.PDFDocument;

const contentWidth = () => A4.width - MARGIN.left - MARGIN.right;
const pageBottom = () => A4.height - MARGIN.bottom;

/** Starts a new page unless `height` still fits above the bottom margin. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom()) {
    doc.addPage();
    doc.y = MARGIN.top;
  }
  doc.x = MARGIN.left;
}

function drawTitle(doc: Doc, title: string, number: string, certificate: boolean): void {
  const width = contentWidth();
  doc.x = MARGIN.left;
  if (certificate) {
    doc.y = MARGIN.top + 28;
    doc
      .font(FONT_BOLD)
      .fontSize(30)
      .fillColor('#8b0000')
      .text(title, MARGIN.left, doc.y, { width, align: 'center', characterSpacing: 8 });
    doc.moveDown(0.2).font(FONT_REGULAR).fontSize(10.5).fillColor(MUTED).text(number, { width, align: 'center' });
    doc.moveDown(1.4);
  } else {
    doc
      .font(FONT_BOLD)
      .fontSize(22)
      .fillColor(INK)
      .text(title, MARGIN.left, MARGIN.top + 8, { width, align: 'center', characterSpacing: 2 });
    doc.moveDown(0.3).font(FONT_REGULAR).fontSize(12).fillColor(INK).text(number, { width, align: 'center' });
    doc.moveDown(0.9);
  }
  doc.fillColor(INK);
}

function drawPara(doc: Doc, text: string): void {
  doc.font(FONT_REGULAR).fontSize(BODY_SIZE);
  ensureSpace(doc, doc.currentLineHeight(true) + LINE_GAP);
  doc.text(text, MARGIN.left, doc.y, {
    width: contentWidth(),
    indent: BODY_SIZE * 2,
    lineGap: LINE_GAP,
    align: 'justify',
  });
  doc.moveDown(0.25);
}

/** Numbered items with a hanging indent, continued across pages. */
function drawList(doc: Doc, items: string[]): void {
  const indent = BODY_SIZE * 2;
  const numberWidth = BODY_SIZE * 2;
  const width = contentWidth() - indent - numberWidth;
  doc.font(FONT_REGULAR).fontSize(BODY_SIZE);
  items.forEach((item, i) => {
    ensureSpace(doc, doc.currentLineHeight(true) + LINE_GAP);
    const y = doc.y;
    doc.text(`${i + 1}.`, MARGIN.left + indent, y, { width: numberWidth, lineBreak: false });
    doc.text(item, MARGIN.left + indent + numberWidth, y, { width, lineGap: LINE_GAP });
  });
  doc.x = MARGIN.left;
  doc.moveDown(0.25);
}

/** A two-column table (label | value) with thin rules. */
function drawFields(doc: Doc, rows: { label: string; value: string }[]): void {
  const width = contentWidth();
  const labelWidth = 92;
  const pad = 5;
  const size = BODY_SIZE;
  doc.moveDown(0.3);
  for (const row of rows) {
    doc.font(FONT_REGULAR).fontSize(size);
    const h =
      Math.max(doc.heightOfString(row.value || ' ', { width: width - labelWidth - pad * 2, lineGap: 4 }), size * 1.5) +
      pad * 2;
    ensureSpace(doc, h);
    const y = doc.y;
    doc.save().rect(MARGIN.left, y, labelWidth, h).fillColor('#f3f3f3').fill().restore();
    doc
      .save()
      .lineWidth(0.6)
      .strokeColor('#999999')
      .rect(MARGIN.left, y, width, h)
      .stroke()
      .moveTo(MARGIN.left + labelWidth, y)
      .lineTo(MARGIN.left + labelWidth, y + h)
      .stroke()
      .restore();
    doc
      .font(FONT_BOLD)
      .fontSize(size - 1)
      .fillColor(INK)
      .text(row.label, MARGIN.left + pad, y + pad + 1, {
        width: labelWidth - pad * 2,
        align: 'justify',
        lineBreak: false,
      });
    doc
      .font(FONT_REGULAR)
      .fontSize(size)
      .text(row.value || ' ', MARGIN.left + labelWidth + pad, y + pad, {
        width: width - labelWidth - pad * 2,
        lineGap: 4,
      });
    doc.y = y + h;
  }
  doc.x = MARGIN.left;
  doc.moveDown(0.6);
}

function drawBlock(doc: Doc, b: Block): void {
  if (b.type === 'para') drawPara(doc, b.text);
  else if (b.type === 'list') drawList(doc, b.items);
  else drawFields(doc, b.rows);
}

/** pdfkit ≥ 0.16 scales glyphs horizontally (Tz); @types/pdfkit does not know the option yet. */
const scaled = (percent: number, opts: PDFKit.Mixins.TextOptions = {}) =>
  ({ ...opts, horizontalScaling: percent }) as PDFKit.Mixins.TextOptions;

/** The seal, painted from its geometry in translucent red over the signature. */
export function drawSeal(doc: Doc, s: SealLayout): void {
  const { x, y } = doc;
  doc.save();
  doc.fillOpacity(0.85).strokeOpacity(0.85);
  doc
    .lineWidth(s.ringWidth)
    .strokeColor(SEAL_COLOR)
    .circle(s.cx, s.cy, s.radius - s.ringWidth / 2)
    .stroke();
  doc
    .polygon(...s.star)
    .fillColor(SEAL_COLOR)
    .fill();
  doc.font(FONT_BOLD).fontSize(s.arcFontSize).fillColor(SEAL_COLOR);
  for (const g of s.arc) {
    doc.save();
    doc.rotate(g.rotation, { origin: [g.x, g.y] });
    // Noto Sans SC's em box runs from the line top to one em below it: centre it on the glyph point.
    const w = doc.widthOfString(g.char, scaled(ARC_H_SCALE * 100));
    doc.text(g.char, g.x - w / 2, g.y - s.arcFontSize / 2, scaled(ARC_H_SCALE * 100, { lineBreak: false }));
    doc.restore();
  }
  const b = s.bottom;
  if (b) {
    doc.font(FONT_BOLD).fontSize(b.fontSize).fillColor(SEAL_COLOR);
    const bw = doc.widthOfString(b.text, scaled(90));
    doc.text(b.text, s.cx - bw / 2, b.y - b.fontSize / 2, scaled(90, { lineBreak: false }));
  }
  doc.restore();
  doc.x = x;
  doc.y = y;
}

/** 落款: office and date at the right, the seal centred on them (骑年盖月), clear of the body above. */
function drawSignature(doc: Doc, officeName: string, issuedOn: string): void {
  const size = BODY_SIZE;
  const lineH = size * 1.9;
  doc.font(FONT_REGULAR).fontSize(size);
  const officeW = doc.widthOfString(officeName);
  const dateText = chineseDate(issuedOn);
  const dateW = doc.widthOfString(dateText);
  const blockW = Math.max(officeW, dateW, SEAL_RADIUS * 2);
  const right = A4.width - MARGIN.right - size * 2; // 右空二字
  const centreX = right - blockW / 2;
  ensureSpace(doc, SEAL_RADIUS * 2 + 18 + FOOTER_HEIGHT);
  // The seal's top stays below the body; its centre sits between the office name and the date.
  const cy = doc.y + 12 + SEAL_RADIUS;
  const officeY = cy - lineH / 2 - size / 2;
  const dateY = cy + lineH / 2 - size / 2;
  doc.fillColor(INK).text(officeName, centreX - officeW / 2, officeY, { lineBreak: false });
  doc.text(dateText, centreX - dateW / 2, dateY, { lineBreak: false });
  drawSeal(doc, sealLayout(officeName, centreX, cy, SEAL_RADIUS, sealBottomText(officeName)));
  doc.x = MARGIN.left;
  doc.y = cy + SEAL_RADIUS + 8;
}

/** QR code, document number and where to verify, at the foot of the last page. */
function drawFooter(doc: Doc, input: DocumentInput, qr: Buffer, notes: string[]): void {
  const width = contentWidth();
  const top = pageBottom() - FOOTER_HEIGHT;
  const qrSize = 74;
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor('#bbbbbb')
    .moveTo(MARGIN.left, top)
    .lineTo(MARGIN.left + width, top)
    .stroke()
    .restore();
  doc.image(qr, MARGIN.left, top + 8, { width: qrSize, height: qrSize });
  const tx = MARGIN.left + qrSize + 12;
  const tw = width - qrSize - 12;
  doc.font(FONT_REGULAR).fontSize(8.5).fillColor(MUTED);
  doc.text(`文书编号：${input.number}    办件编号：${input.caseNumber}`, tx, top + 10, { width: tw });
  for (const n of notes) doc.text(n, tx, doc.y + 2, { width: tw });
  doc.text('扫描左侧二维码或访问下列地址，可核验本文书的真实性：', tx, doc.y + 2, { width: tw });
  doc.fillColor('#1f3b73').text(input.verifyUrl, tx, doc.y + 1, { width: tw, link: input.verifyUrl });
  doc.fillColor(INK);
}

function drawPageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  if (range.count < 2) return;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // write inside the margin without starting a page
    doc
      .font(FONT_REGULAR)
      .fontSize(9)
      .fillColor(MUTED)
      .text(`第 ${i + 1} 页  共 ${range.count} 页`, MARGIN.left, A4.height - 50, {
        width: contentWidth(),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

function drawCertificateBorder(doc: Doc): void {
  doc.save();
  doc
    .lineWidth(2.4)
    .strokeColor('#a0522d')
    .rect(30, 30, A4.width - 60, A4.height - 60)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(37, 37, A4.width - 74, A4.height - 74)
    .stroke();
  doc.restore();
}

export async function renderDocument(input: DocumentInput): Promise<Buffer> {
  const text = composeDocument(input);
  const qr = await QRCode.toBuffer(input.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 296 });
  const issued = new Date(`${input.issuedOn}T00:00:00+08:00`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: `${text.title}（${input.number}）`,
      Author: input.officeName,
      Subject: `办件编号 ${input.caseNumber}`,
      Creator: '一网 Yiwang',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  registerChineseFonts(doc);
  const done = collectPdf(doc);
  const certificate = input.kind === 'certificate';
  if (certificate) {
    drawCertificateBorder(doc);
    doc.on('pageAdded', () => drawCertificateBorder(doc));
  }

  drawTitle(doc, text.title, input.number, certificate);
  if (text.salutation) {
    doc
      .font(FONT_REGULAR)
      .fontSize(BODY_SIZE)
      .fillColor(INK)
      .text(text.salutation, MARGIN.left, doc.y, { width: contentWidth(), lineGap: LINE_GAP });
    doc.moveDown(0.2);
  }
  for (const b of text.blocks) drawBlock(doc, b);
  drawSignature(doc, input.officeName, input.issuedOn);
  drawFooter(doc, input, qr, text.notes);
  drawPageNumbers(doc);
  doc.end();
  return done;
}
