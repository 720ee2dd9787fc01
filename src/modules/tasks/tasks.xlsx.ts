/** The task breakdown table 任务分解表 in Excel: reading an upload, writing an export (exceljs). */
import ExcelJS from 'exceljs';
import { badRequest, fieldError } from '../../platform/errors';
import type { BreakdownRow } from './tasks.breakdown';
import type { MeasureRow, ProblemRow } from './tasks.repository';

export const COLUMNS = ['序号', '问题', '整改措施', '牵头单位', '配合单位', '完成时限'] as const;
const REQUIRED = ['问题', '整改措施', '牵头单位', '完成时限'] as const;

const STATUS_LABELS: Record<string, string> = { open: '整改中', done: '已办结', overdue: '已逾期' };

function cellText(cell: ExcelJS.Cell): string | Date {
  const v = cell.value;
  if (v instanceof Date) return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in v && v.result instanceof Date) return v.result;
  return cell.text.trim();
}

/** Reads the first sheet: a header row naming the columns (within the first 10 rows), then one measure per row. */
export async function readBreakdown(content: Buffer): Promise<BreakdownRow[]> {
  if (content.length < 4 || content[0] !== 0x50 || content[1] !== 0x4b)
    throw fieldError('file', '请上传 .xlsx 格式的任务分解表', 'not_xlsx');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw fieldError('file', '无法读取 Excel 文件，请确认是 .xlsx 格式', 'not_xlsx');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fieldError('file', '工作簿中没有工作表', 'not_xlsx');
  let headerRow = 0;
  const col: Partial<Record<(typeof COLUMNS)[number], number>> = {};
  for (let r = 1; r <= Math.min(10, ws.rowCount) && !headerRow; r++) {
    const row = ws.getRow(r);
    const found: typeof col = {};
    row.eachCell((cell, c) => {
      const t = cell.text.replace(/\s/g, '');
      const name = COLUMNS.find(
        (n) => t === n || (n === '牵头单位' && t === '牵头部门') || (n === '配合单位' && t === '配合部门'),
      );
      if (name) found[name] = c;
    });
    if (found['整改措施']) {
      headerRow = r;
      Object.assign(col, found);
    }
  }
  const missing = REQUIRED.filter((n) => !col[n]);
  if (!headerRow || missing.length)
    throw badRequest(
      `表头缺少列：${(headerRow ? missing : REQUIRED).join('、')}（应为 ${COLUMNS.join('/')}）`,
      [{ field: 'file', message: '表头不完整' }],
      'import_header',
    );
  const rows: BreakdownRow[] = [];
  const get = (row: ExcelJS.Row, n: (typeof COLUMNS)[number]) => (col[n] ? cellText(row.getCell(col[n])) : '');
  const str = (v: string | Date) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values = COLUMNS.map((n) => str(get(row, n)));
    if (values.every((v) => !v)) continue;
    rows.push({
      row: r,
      number: str(get(row, '序号')),
      problem: str(get(row, '问题')),
      measure: str(get(row, '整改措施')),
      lead: str(get(row, '牵头单位')),
      assisting: str(get(row, '配合单位')),
      deadline: get(row, '完成时限') || null,
    });
  }
  return rows;
}

/** The tasks as a breakdown table (re-importable), with status columns appended. */
export async function tasksWorkbook(
  tasks: { problem: ProblemRow; measures: MeasureRow[] }[],
  now: Date,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '一网 政务服务平台';
  wb.created = now;
  const ws = wb.addWorksheet('任务分解表');
  ws.addRow([...COLUMNS, '状态', '逾期日期', '办结时间', '催办次数', '问责意见']).font = { bold: true };
  for (const { problem, measures } of tasks) {
    if (!measures.length) ws.addRow([`${problem.number}`, problem.title, '', '', '', '']);
    for (const m of measures)
      ws.addRow([
        `${problem.number}.${m.number}`,
        problem.title,
        m.content,
        m.lead_department_name,
        m.assisting_department_names,
        m.deadline_text || (m.long_term ? '长期' : (m.deadline ?? '')),
        STATUS_LABELS[m.status] ?? m.status,
        m.overdue_on ?? '',
        m.done_at ? new Date(m.done_at).toISOString().slice(0, 19).replace('T', ' ') : '',
        m.urge_count,
        m.accountability_note ?? '',
      ]);
  }
  ws.getColumn(2).width = 50;
  ws.getColumn(3).width = 60;
  ws.getColumn(4).width = 30;
  ws.getColumn(6).width = 20;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
