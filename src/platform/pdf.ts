import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * Chinese fonts for pdfkit: Noto Sans SC (SIL OFL) shipped by @embedpdf/fonts-sc.
 * The files are read once per process; pdfkit embeds only the glyphs a document uses.
 */
export const FONT_REGULAR = 'cn';
export const FONT_BOLD = 'cn-bold';

const fontDir = () => path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');

let fonts: { regular: Buffer; bold: Buffer } | undefined;

export function loadChineseFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: fs.readFileSync(path.join(fontDir(), 'NotoSansHans-Regular.otf')),
    bold: fs.readFileSync(path.join(fontDir(), 'NotoSansHans-Bold.otf')),
  };
  return fonts;
}

/** Registers 'cn' (regular) and 'cn-bold' on a pdfkit document. */
export function registerChineseFonts(doc: PDFKit.PDFDocument): void {
  const f = loadChineseFonts();
  doc.registerFont(FONT_REGULAR, f.regular);
  doc.registerFont(FONT_BOLD, f.bold);
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
