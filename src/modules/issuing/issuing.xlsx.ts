/** 免费寄递统计表 as an Excel workbook (exceljs). */
import ExcelJS from 'exceljs';
import type { StatsView } from './issuing.schemas';

const GROUP_LABELS = { carrier: '快递公司', department: '部门', region: '区划' } as const;

export async function statsWorkbook(s: StatsView, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '一网 政务服务平台';
  wb.created = now;
  const ws = wb.addWorksheet('寄递统计');
  ws.addRow([
    `统一制发证快递送达统计（按${GROUP_LABELS[s.groupBy]}）  统计期：${s.from ?? '开始'} 至 ${s.to ?? '今日'}`,
  ]);
  ws.mergeCells(1, 1, 1, 8);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow([
    '代码',
    GROUP_LABELS[s.groupBy],
    '运单数',
    '免费寄递数',
    '已签收数',
    '邮费合计（元）',
    '准予至签收平均天数',
  ]).font = { bold: true };
  const line = (r: StatsView['total']) => [
    r.key === 'total' ? '' : r.key,
    r.label,
    r.count,
    r.freeCount,
    r.deliveredCount,
    r.totalFeeCents / 100,
    r.avgDaysGrantToReceipt ?? '—',
  ];
  for (const r of s.rows) ws.addRow(line(r));
  ws.addRow(line(s.total)).font = { bold: true };
  ws.getColumn(6).numFmt = '0.00';
  ws.getColumn(2).width = 30;
  for (let c = 3; c <= 7; c++) ws.getColumn(c).width = 16;
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
