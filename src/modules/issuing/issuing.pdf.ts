/** 制证批次交接清单: the printed list of one issuing batch (which cases got which certificate, which failed and why). */
import PDFDocument from 'pdfkit';
import { collectPdf, FONT_BOLD, FONT_REGULAR, registerChineseFonts, printedTime } from '../../platform/pdf';
import type { BatchItem } from './issuing.tables';

export interface BatchListInput {
  id: string;
  createdByName: string;
  createdAt: Date;
  regionName: string;
  items: BatchItem[];
}

/** Column x offsets and widths (A4 portrait, 56pt margins). */
const COLUMNS = [
  { title: '序号', width: 36 },
  { title: '办件编号', width: 150 },
  { title: '证照编号', width: 150 },
  { title: '结果', width: 147 },
] as const;

export async function renderBatchList(b: BatchListInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 56, right: 56 },
    info: { Title: `制证批次交接清单 ${b.id}`, Author: '一网 Yiwang' },
  });
  registerChineseFonts(doc);
  const done = collectPdf(doc);
  const left = doc.page.margins.left;
  const ok = b.items.filter((i) => i.ok).length;

  doc.font(FONT_BOLD).fontSize(18).text('制证批次交接清单', { align: 'center' });
  doc.moveDown(0.5).font(FONT_REGULAR).fontSize(10);
  doc.text(`批次号：${b.id}`);
  doc.text(`制证人：${b.createdByName}    区划：${b.regionName}    制证时间：${printedTime(b.createdAt)}`);
  doc.text(`共 ${b.items.length} 件：制证成功 ${ok} 件，未制证 ${b.items.length - ok} 件`);
  doc.moveDown(0.6);

  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = left;
    let bottom = y;
    doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(9);
    cells.forEach((c, i) => {
      const w = COLUMNS[i]!.width;
      doc.text(c, x + 2, y + 3, { width: w - 4 });
      bottom = Math.max(bottom, doc.y);
      x += w;
    });
    const total = COLUMNS.reduce((s, c) => s + c.width, 0);
    doc
      .moveTo(left, bottom + 3)
      .lineTo(left + total, bottom + 3)
      .lineWidth(0.5)
      .strokeColor('#999')
      .stroke();
    doc.x = left;
    doc.y = bottom + 4;
  };
  row(
    COLUMNS.map((c) => c.title),
    true,
  );
  b.items.forEach((i, n) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) {
      doc.addPage();
      row(
        COLUMNS.map((c) => c.title),
        true,
      );
    }
    row([
      String(n + 1),
      i.number ?? i.caseId,
      i.documentNumber ?? '—',
      i.ok ? '已制证' : `未制证：${i.error?.detail ?? ''}`,
    ]);
  });

  doc.moveDown(2).font(FONT_REGULAR).fontSize(10);
  doc.text('制证人签字：____________        领证 / 寄递经办人签字：____________        日期：____________', left);
  doc.end();
  return done;
}
