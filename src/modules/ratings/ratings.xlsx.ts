/** The published summary as an Excel workbook 好差评统计表 (exceljs). */
import ExcelJS from 'exceljs';
import type { Summary } from './ratings.schemas';
import type { ExportPeriod } from './ratings.period';

const pct = (x: number | null) => (x === null ? '—' : x);

export async function summaryWorkbook(s: Summary, period: ExportPeriod, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '一网 政务服务平台';
  wb.created = now;
  wb.title = `政务服务“好差评”统计 ${period.label}`;
  const ws = wb.addWorksheet('好差评统计');
  ws.addRow([`政务服务“好差评”统计（按部门）  统计期：${period.label}`]);
  ws.mergeCells(1, 1, 1, 12);
  ws.getRow(1).font = { bold: true, size: 14 };
  const header = [
    '部门代码',
    '部门',
    '评价总数',
    '申诉成立（不计入）',
    '计入统计',
    '非常满意',
    '满意',
    '基本满意',
    '不满意',
    '非常不满意',
    '好评率',
    '差评率',
  ];
  ws.addRow(header).font = { bold: true };
  const lineRow = (code: string, name: string, l: Summary['total']) => [
    code,
    name,
    // a count is a number, 0 when there is none
    l.total ?? 0,
    l.excluded ?? 0,
    l.counted ?? 0,
    l.counts[5] ?? 0,
    l.counts[4] ?? 0,
    l.counts[3] ?? 0,
    l.counts[2] ?? 0,
    l.counts[1] ?? 0,
    pct(l.satisfactionRate),
    pct(l.badRate),
  ];
  for (const it of s.items) ws.addRow(lineRow(it.departmentCode, it.departmentName ?? '', it));
  ws.addRow(lineRow('', '合计', s.total)).font = { bold: true };
  ws.addRow([]);
  ws.addRow([s.definition]);
  ws.getColumn(11).numFmt = '0.00%';
  ws.getColumn(12).numFmt = '0.00%';
  ws.getColumn(2).width = 36;
  ws.getColumn(1).width = 16;
  for (let c = 3; c <= 12; c++) ws.getColumn(c).width = 12;
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
