import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * Chinese fonts for pdfkit: Noto Sans SC (SIL OFL) shipped by @embedpdf/fonts-sc.
 * The files are read once per process; pdfkit embeds only the glyphs a document uses.
 */
export const FONT_REGULAR = 'cn';
export const FONT_BOLD = 'cn-bold';

const fontDir = () =>
  path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');

let fonts: { regular: Buffer; bold: Buffer } | undefined;

export function loadChineseFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: fs.readFileSync(path.join(fontDir(), 'NotoSansHans-Regular.otf')),
    bold: fs.readFileSync(path.join(fontDir(), 'NotoSansHans-Bold.otf')),
  };
  return fonts;
}

/**
 * The fonts parsed once per process: parsing a CJK font's tables costs about as much as the rest of a
 * document. pdfkit takes a parsed font as it is and still embeds a fresh subset in every document.
 */
let parsed: { regular: fontkit.Font; bold: fontkit.Font } | undefined;

/** Fonts unused for this long are let go (tens of MB with their parsed tables): documents come in bursts. */
const FONT_IDLE_MS = 120_000;
let idle: NodeJS.Timeout | undefined;

function parsedChineseFonts() {
  const f = loadChineseFonts();
  parsed ??= { regular: fontkit.create(f.regular), bold: fontkit.create(f.bold) };
  if (idle) idle.refresh();
  else {
    idle = setTimeout(() => {
      parsed = undefined;
      fonts = undefined;
      idle = undefined;
    }, FONT_IDLE_MS);
    idle.unref();
  }
  return parsed;
}

/** Registers 'cn' (regular) and 'cn-bold' on a pdfkit document. */
export function registerChineseFonts(doc: PDFKit.PDFDocument): void {
  const f = parsedChineseFonts();
  // pdfkit's type lists only raw sources; at run time it also accepts a parsed fontkit font.
  doc.registerFont(FONT_REGULAR, f.regular as unknown as Buffer);
  doc.registerFont(FONT_BOLD, f.bold as unknown as Buffer);
}

/** Collects a pdfkit document's output; call before `doc.end()`. */
export function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

const PRINTED_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant as printed on a document: Beijing time to the minute (2026/12/07 09:30). */
export const printedTime = (d: Date): string => PRINTED_TIME.format(d);

export interface PdfColumn {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * A ruled table from the document's left margin at its current line: a bold header row, repeated on each new
 * page, then the rows; `empty` is written instead when there are none.
 */
export function pdfTable(doc: PDFKit.PDFDocument, columns: PdfColumn[], rows: string[][], empty: string): void {
  const left = doc.page.margins.left;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const bottomLimit = () => doc.page.height - doc.page.margins.bottom - 30;
  const line = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = left;
    let bottom = y;
    doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(9);
    cells.forEach((c, i) => {
      const col = columns[i]!;
      doc.text(c, x + 2, y + 3, { width: col.width - 4, align: bold ? 'left' : (col.align ?? 'left') });
      bottom = Math.max(bottom, doc.y);
      x += col.width;
    });
    doc
      .moveTo(left, bottom + 3)
      .lineTo(left + total, bottom + 3)
      .lineWidth(0.5)
      .strokeColor('#999')
      .stroke();
    doc.x = left;
    doc.y = bottom + 4;
  };
  if (!rows.length) {
    doc.font(FONT_REGULAR).fontSize(10).fillColor('#555').text(empty, left).fillColor('#000');
    return;
  }
  const header = columns.map((c) => c.title);
  line(header, true);
  for (const r of rows) {
    if (doc.y > bottomLimit()) {
      doc.addPage();
      line(header, true);
    }
    line(r, false);
  }
}
