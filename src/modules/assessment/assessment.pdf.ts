/** 每周通报: the weekly bulletin as a PDF (A4, Chinese font) — ranking, red cards, overdue cases, bad ratings, overdue 督办 measures. */
import PDFDocument from 'pdfkit';
import {
  collectPdf,
  FONT_BOLD,
  FONT_REGULAR,
  registerChineseFonts,
  printedTime,
  pdfTable,
  type PdfColumn,
} from '../../platform/pdf';
import { auditCheckpointLine } from '../../platform/audit.checkpoints';

export interface BulletinInput {
  title: string;
  regionName: string;
  from: string;
  to: string;
  generatedAt: Date;
  ranking: {
    rank: number;
    label: string;
    score: number;
    deductions: number;
    bonuses: number;
    redCards: number;
    overdueCases: number;
    badRatings: number;
  }[];
  redCards: {
    caseNumber: string;
    itemName: string;
    ruleName: string;
    department: string;
    raisedOn: string;
    state: string;
  }[];
  overdueCases: { department: string; completed: number; overdue: number }[];
  badRatings: { ratedOn: string; caseNumber: string; itemName: string; department: string; level: string }[];
  overdueMeasures: { problem: string; content: string; department: string; deadline: string; urged: number }[];
}

export async function renderBulletin(b: BulletinInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    info: { Title: b.title, Author: '一网 Yiwang' },
  });
  registerChineseFonts(doc);
  const done = collectPdf(doc);
  const left = doc.page.margins.left;
  const bottomLimit = () => doc.page.height - doc.page.margins.bottom - 30;

  const table = (columns: PdfColumn[], rows: string[][], empty: string) => pdfTable(doc, columns, rows, empty);
  const section = (n: string, title: string) => {
    if (doc.y > bottomLimit() - 60) doc.addPage();
    doc.moveDown(0.8).font(FONT_BOLD).fontSize(13).text(`${n}、${title}`, left);
    doc.moveDown(0.3);
  };

  doc.font(FONT_BOLD).fontSize(20).fillColor('#c00').text(b.title, { align: 'center' }).fillColor('#000');
  doc
    .moveDown(0.4)
    .font(FONT_REGULAR)
    .fontSize(11)
    .text(`通报范围：${b.regionName}    通报期间：${b.from} 至 ${b.to}`, { align: 'center' });
  doc
    .fontSize(9)
    .fillColor('#555')
    .text(`生成时间：${printedTime(b.generatedAt)}    得分按本周事实与现行考核计分规则计算`, { align: 'center' })
    .text(auditCheckpointLine(), { align: 'center' })
    .fillColor('#000');
  doc.moveDown(0.6);
  doc
    .font(FONT_REGULAR)
    .fontSize(10)
    .text(
      `本周共有 ${b.ranking.length} 个部门参与排名，确认红牌 ${b.redCards.filter((r) => r.state === '已确认').length} 张（新发红牌 ${b.redCards.length} 张），超期办结 ${b.overdueCases.reduce((s, r) => s + r.overdue, 0)} 件，有效差评 ${b.badRatings.length} 件，督办事项逾期 ${b.overdueMeasures.length} 项。`,
      left,
    );

  section('一', '部门效能排名');
  table(
    [
      { title: '排名', width: 34 },
      { title: '部门', width: 185 },
      { title: '得分', width: 48 },
      { title: '扣分', width: 44 },
      { title: '加分', width: 44 },
      { title: '红牌', width: 40 },
      { title: '超期', width: 50 },
      { title: '差评', width: 50 },
    ],
    b.ranking.map((r) => [
      String(r.rank),
      r.label,
      r.score.toFixed(1),
      r.deductions.toFixed(1),
      r.bonuses.toFixed(1),
      String(r.redCards),
      String(r.overdueCases),
      String(r.badRatings),
    ]),
    '本周没有参与排名的部门。',
  );

  section('二', '红牌');
  table(
    [
      { title: '办件编号', width: 115 },
      { title: '事项', width: 110 },
      { title: '预警规则', width: 90 },
      { title: '责任部门', width: 90 },
      { title: '发出日期', width: 55 },
      { title: '状态', width: 35 },
    ],
    b.redCards.map((r) => [r.caseNumber, r.itemName, r.ruleName, r.department, r.raisedOn, r.state]),
    '本周没有新发红牌。',
  );

  section('三', '超期办件');
  table(
    [
      { title: '部门', width: 295 },
      { title: '本周办结', width: 100 },
      { title: '超期办结', width: 100 },
    ],
    b.overdueCases.map((r) => [r.department, String(r.completed), String(r.overdue)]),
    '本周没有超过承诺时限办结的办件。',
  );

  section('四', '差评');
  table(
    [
      { title: '评价日期', width: 65 },
      { title: '办件编号', width: 120 },
      { title: '事项', width: 140 },
      { title: '责任部门', width: 100 },
      { title: '评价', width: 70 },
    ],
    b.badRatings.map((r) => [r.ratedOn, r.caseNumber, r.itemName, r.department, r.level]),
    '本周没有有效差评。',
  );

  section('五', '督查督办逾期事项');
  table(
    [
      { title: '问题', width: 130 },
      { title: '整改措施', width: 170 },
      { title: '牵头部门', width: 95 },
      { title: '完成时限', width: 60 },
      { title: '催办', width: 40 },
    ],
    b.overdueMeasures.map((m) => [m.problem, m.content, m.department, m.deadline, String(m.urged)]),
    '截至本周末没有逾期未完成的督办事项。',
  );

  doc.end();
  return done;
}
