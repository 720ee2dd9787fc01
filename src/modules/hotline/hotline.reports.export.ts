/** A hot-topic report as a PDF (A4, Chinese font) and as an Excel workbook. */
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { collectPdf, FONT_BOLD, FONT_REGULAR, pdfTable, printedTime, registerChineseFonts } from '../../platform/pdf';
import type { Report, Topic } from './hotline.reports.schemas';

const TITLE = '12345 市民热线热点分析报告';

const PERCENT = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });
/** A rate given in per cent (one decimal), as text. */
const pctText = (x: number | null) => (x === null ? '—' : PERCENT.format(x / 100));
const changeText = (t: Topic) => (t.change > 0 ? `↑ ${t.change}` : t.change < 0 ? `↓ ${-t.change}` : '—');
const shareOf = (n: number, total: number) => (total ? PERCENT.format(n / total) : '—');

/** The report's sections as tables: one source for the PDF and the workbook. */
function sections(r: Report) {
  const counted = (rows: { name: string; count: number }[]) =>
    rows.map((x) => [x.name, String(x.count), shareOf(x.count, r.total)]);
  const topicRows = (ts: Topic[]) =>
    ts.map((t, i) => [
      String(i + 1),
      t.word,
      String(t.count),
      pctText(t.share),
      String(t.previousCount),
      changeText(t),
    ]);
  const topicHead = ['序号', '热点词', '工单数', '占比', '上期工单数', '占比变化（百分点）'];
  return [
    { title: '每日登记量', head: ['日期', '登记量'], rows: r.byDay.map((d) => [d.day, String(d.count)]) },
    { title: '诉求类型', head: ['类型', '工单数', '占比'], rows: counted(r.byType) },
    { title: '诉求分类（一级）', head: ['分类', '工单数', '占比'], rows: counted(r.byCategory) },
    { title: '县区分布', head: ['县区', '工单数', '占比'], rows: counted(r.byRegion) },
    { title: '热点词', head: topicHead, rows: topicRows(r.topics) },
    { title: '上升热点', head: topicHead, rows: topicRows(r.rising) },
    {
      title: '承办单位绩效',
      head: ['承办单位', '工单数', '直接答复', '签收率', '按时办结率', '解决率', '满意率', '重办率'],
      rows: r.units.map((u) => [
        u.name,
        String(u.total),
        String(u.answeredAtOnce),
        pctText(u.signRate),
        pctText(u.onTimeRate),
        pctText(u.solvedRate),
        pctText(u.satisfiedRate),
        pctText(u.reopenRate),
      ]),
    },
  ];
}

const summary = (r: Report) =>
  `本期登记工单 ${r.total} 件（上期 ${r.previousTotal} 件），直接答复 ${r.answeredAtOnce} 件，直接答复率 ${pctText(r.answeredAtOnceRate)}。`;

/** Column widths (A4 less margins: 495 pt) by the number of columns of a section. */
const WIDTHS: Record<number, number[]> = {
  2: [200, 120],
  3: [240, 120, 120],
  6: [40, 135, 70, 70, 80, 100],
  8: [135, 45, 55, 50, 60, 50, 50, 50],
};

export async function reportPdf(r: Report, scopeName: string, now: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    info: { Title: `${TITLE} ${r.label}`, Author: '一网 Yiwang' },
  });
  registerChineseFonts(doc);
  const done = collectPdf(doc);
  const left = doc.page.margins.left;
  doc.font(FONT_BOLD).fontSize(20).fillColor('#c00').text(TITLE, { align: 'center' }).fillColor('#000');
  doc
    .moveDown(0.4)
    .font(FONT_REGULAR)
    .fontSize(11)
    .text(`${r.label}    统计范围：${scopeName}    统计期间：${r.from} 至 ${r.to}`, { align: 'center' });
  doc
    .fontSize(9)
    .fillColor('#555')
    .text(`生成时间：${printedTime(now)}`, { align: 'center' })
    .fillColor('#000');
  doc.moveDown(0.8).font(FONT_REGULAR).fontSize(11).text(summary(r), left);
  sections(r).forEach((s, i) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
    doc.moveDown(0.8).font(FONT_BOLD).fontSize(13).text(`${'一二三四五六七八九'[i]}、${s.title}`, left);
    doc.moveDown(0.3);
    const widths = WIDTHS[s.head.length]!;
    pdfTable(
      doc,
      s.head.map((title, c) => ({ title, width: widths[c]!, align: c === 0 ? 'left' : 'right' })),
      s.rows,
      '本期无数据。',
    );
  });
  doc.end();
  return done;
}

export async function reportXlsx(r: Report, scopeName: string, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '一网 政务服务平台';
  wb.created = now;
  wb.title = `${TITLE} ${r.label}`;
  const overview = wb.addWorksheet('概况');
  overview.addRow([`${TITLE}  ${r.label}`]).font = { bold: true, size: 14 };
  overview.addRow([`统计范围：${scopeName}`]);
  overview.addRow([`统计期间：${r.from} 至 ${r.to}（上期 ${r.previousFrom} 至 ${r.previousTo}）`]);
  overview.addRow([summary(r)]);
  overview.getColumn(1).width = 80;
  for (const s of sections(r)) {
    const ws = wb.addWorksheet(s.title);
    ws.addRow(s.head).font = { bold: true };
    // Counts go out as numbers, so that they add up in the sheet.
    for (const row of s.rows) ws.addRow(row.map((c) => (/^\d+$/.test(c) ? Number(c) : c)));
    ws.columns.forEach((c, i) => (c.width = i === 0 || s.head[i] === '热点词' ? 28 : 14));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
