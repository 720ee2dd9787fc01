/** 事项清单对应检查表 as an Excel workbook (exceljs). */
import ExcelJS from 'exceljs';
import type { AlignmentReport } from './reports.schemas';

export async function alignmentWorkbook(r: AlignmentReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '一网 政务服务平台';
  wb.created = r.generatedAt;
  const ws = wb.addWorksheet('事项清单对应检查');
  ws.addRow([
    `四级事项清单对应检查  区划：${r.region.name}（${r.region.code}）  检查事项 ${r.itemCount} 项，发现问题 ${r.findingCount} 条`,
  ]);
  ws.mergeCells(1, 1, 1, 7);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(['层级', '事项编码', '事项名称', '事项类型', '问题类型', '严重程度', '说明']).font = { bold: true };
  for (const l of r.levels) {
    for (const f of l.findings)
      ws.addRow([
        l.levelName,
        f.itemCode,
        f.itemName,
        f.typeLabel,
        f.ruleTitle,
        f.severity === 'error' ? '错误' : '提示',
        f.message,
      ]);
  }
  ws.addRow([]);
  for (const rule of r.rules) ws.addRow([rule.title, rule.description]);
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 30;
  ws.getColumn(4).width = 12;
  ws.getColumn(5).width = 22;
  ws.getColumn(6).width = 10;
  ws.getColumn(7).width = 80;
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
