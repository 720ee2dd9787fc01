import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { registerChineseFonts } from '../../platform/pdf';
import {
  HANDLING_TYPE_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_SOURCE_LABELS,
  ONLINE_DEPTH_LABELS,
  type ItemDetail,
} from './catalog.schemas';
import { LEVEL_LABELS as LEVEL_NAMES } from '../org/index';

/** The portal page of a guide, e.g. https://zwfw.example.gov.cn/items/<code>. */
export const guideUrl = (baseUrl: string, code: string) =>
  `${baseUrl.replace(/\/+$/, '')}/items/${encodeURIComponent(code)}`;

export function guideQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

const fmtDate = (d: Date) => {
  const p = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(d);
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? '';
  return `${get('year')}年${get('month')}月${get('day')}日`;
};

/** 一次性告知单: everything an applicant needs to bring, on one printable A4 PDF. */
export async function renderNoticePdf(item: ItemDetail, url: string, now: Date): Promise<Buffer> {
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 56, right: 56 },
    info: { Title: `一次性告知单 - ${item.name}`, Author: '一网 Yiwang', Subject: item.code },
  });
  registerChineseFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const heading = (t: string) => {
    doc.moveDown(0.6).font('cn-bold').fontSize(12).fillColor('#1f3b73').text(t).fillColor('black').moveDown(0.2);
  };
  const body = (t: string, opts: PDFKit.Mixins.TextOptions = {}) =>
    doc
      .font('cn')
      .fontSize(10)
      .text(t, { width, lineGap: 2, ...opts });

  // Header with the QR code to the online guide at the right.
  const top = doc.y;
  doc.image(qr, doc.page.width - doc.page.margins.right - 86, top, { width: 86 });
  doc
    .font('cn')
    .fontSize(7)
    .text('扫码查看在线办事指南', doc.page.width - doc.page.margins.right - 90, top + 88, {
      width: 94,
      align: 'center',
    });
  doc
    .font('cn-bold')
    .fontSize(20)
    .text('一次性告知单', doc.page.margins.left, top, { width: width - 100 });
  doc
    .moveDown(0.3)
    .font('cn-bold')
    .fontSize(14)
    .text(item.name, { width: width - 100 });
  doc
    .font('cn')
    .fontSize(9)
    .fillColor('#444')
    .text(`事项编码：${item.code}    版本：第 ${item.version} 版`, { width: width - 100 })
    .text(`事项类型：${item.typeLabel}    办件类型：${HANDLING_TYPE_LABELS[item.handlingType]}`, { width: width - 100 })
    .text(`实施主体：${item.departmentName ?? item.implementingBody.name}（${item.implementingBody.nature}）`, {
      width: width - 100,
    })
    .fillColor('black');
  doc.y = Math.max(doc.y, top + 104);
  doc.x = doc.page.margins.left;

  heading('一、受理条件');
  if (item.acceptanceConditions.length) item.acceptanceConditions.forEach((c, i) => body(`${i + 1}. ${c}`));
  else body('无特别条件。');

  heading('二、申请材料');
  item.materials.forEach((m, i) => {
    const marks = [
      m.required ? '必交' : '非必交',
      MATERIAL_FORM_LABELS[m.form],
      m.copies > 0 ? `${m.copies} 份` : null,
      m.paperSize ?? null,
      MATERIAL_SOURCE_LABELS[m.source],
      m.toleranceAllowed ? '可容缺' : null,
    ].filter(Boolean);
    doc
      .font('cn-bold')
      .fontSize(10)
      .text(`${i + 1}. ${m.name}`, { width, continued: false });
    body(`   【${marks.join(' · ')}】${m.notes ? ` ${m.notes}` : ''}`);
  });
  if (!item.materials.length) body('无需提交材料。');
  if (item.materials.some((m) => m.source === 'elicence'))
    body('注：标注“电子证照库调取”的材料无需提交纸质件，由窗口在电子证照库中调取。');
  if (item.materials.some((m) => m.toleranceAllowed))
    body('注：标注“可容缺”的材料在受理时暂缺的，可签署书面承诺后先行受理，并在承诺期限内补齐。');

  heading('三、收费标准');
  if (!item.fees.charged) body('本事项不收费。');
  else item.fees.items.forEach((fee) => body(`${fee.name}：${fee.amount}（依据：${fee.basis}）`));

  heading('四、办理时限');
  body(
    `法定办结时限：${item.statutoryLimit.days} 个工作日${item.statutoryLimit.note ? `（${item.statutoryLimit.note}）` : ''}`,
  );
  body(
    `承诺办结时限：${item.promisedLimit.days === 0 ? '即时办结' : `${item.promisedLimit.days} 个工作日`}${item.promisedLimit.note ? `（${item.promisedLimit.note}）` : ''}`,
  );
  if (item.specialProcedures.length)
    body(
      `特别程序（不计入办理时限）：${item.specialProcedures.map((s) => `${s.name} 不超过 ${s.maxDays} 个工作日`).join('；')}`,
    );
  body(
    `到办事现场次数：${item.visits} 次    网上办理深度：${ONLINE_DEPTH_LABELS[item.onlineDepth] ?? item.onlineDepth}`,
  );
  body(
    `决定层级：${LEVEL_NAMES[item.decideLevel]}    可受理层级：${item.acceptLevels.map((l) => LEVEL_NAMES[l]).join('、')}${item.acceptAnywhere ? '    支持同城通办' : ''}`,
  );
  body(`办理结果：${item.result.name}${item.expressDelivery ? '（可免费快递送达）' : ''}`);

  heading('五、办理地点及咨询');
  body(`办理地点：${item.hall.name}，${item.hall.address}`);
  body(`办公时间：${item.hall.hours}`);
  body(
    `咨询电话：${item.contacts.consultPhone}    监督投诉电话：${item.contacts.complaintPhone}（或拨打 12345 市民热线）`,
  );
  body(`在线办事指南：${url}`);

  doc.moveDown(1.2).font('cn').fontSize(9).fillColor('#444');
  doc.text('本告知单所列材料为办理本事项的全部材料，窗口工作人员不得要求提交清单以外的材料。', { width });
  doc.text(`生成日期：${fmtDate(now)}`, { width, align: 'right' });
  doc.end();
  return done;
}
