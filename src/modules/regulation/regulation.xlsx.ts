/** 审批结果推送台账 as an Excel workbook (exceljs): the rows of a push list as shown, persons' names masked. */
import ExcelJS from 'exceljs';

export interface PushLedgerRow {
  caseNumber: string;
  entityName: string;
  creditCode: string | null;
  itemName: string;
  licenceNumber: string | null;
  grantedOn: string;
  regulatorDepartmentName: string | null;
  statusLabel: string;
  overdue: boolean;
  dueOn: string | null;
  receivedByName: string | null;
  resultLabel: string | null;
  resultOn: string | null;
  resultText: string | null;
}

export async function pushLedgerWorkbook(title: string, rows: PushLedgerRow[], now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '一网 政务服务平台';
  wb.created = now;
  const ws = wb.addWorksheet('推送台账');
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, 13);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow([
    '办件编号',
    '市场主体',
    '统一社会信用代码',
    '许可事项',
    '许可证号',
    '准予日期',
    '监管部门',
    '状态',
    '签收期限',
    '签收人',
    '监管结果',
    '监管日期',
    '监管情况',
  ]).font = { bold: true };
  for (const r of rows)
    ws.addRow([
      r.caseNumber,
      r.entityName,
      r.creditCode ?? '',
      r.itemName,
      r.licenceNumber ?? '',
      r.grantedOn,
      r.regulatorDepartmentName ?? '',
      r.overdue ? `${r.statusLabel}（逾期）` : r.statusLabel,
      r.dueOn ?? '',
      r.receivedByName ?? '',
      r.resultLabel ?? '',
      r.resultOn ?? '',
      r.resultText ?? '',
    ]);
  for (const [c, w] of [
    [1, 24],
    [2, 30],
    [3, 22],
    [4, 24],
    [5, 20],
    [7, 26],
    [8, 18],
    [13, 40],
  ] as const)
    ws.getColumn(c).width = w;
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
