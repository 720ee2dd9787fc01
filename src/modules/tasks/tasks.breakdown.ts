/** Pure rules of a task breakdown table 任务分解表: which rows are good, grouped by problem, and what is wrong with the others. */
import { parseDeadline } from './tasks.rules';

/** One row of a task breakdown table, as read from a sheet. */
export interface BreakdownRow {
  /** 1-based row number in the sheet, for messages. */
  row: number;
  number: string;
  problem: string;
  measure: string;
  lead: string;
  assisting: string;
  deadline: string | Date | null;
}

/** A measure as it will be stored, its units still as written. */
export interface PlannedMeasure {
  content: string;
  lead: string;
  assisting: string;
  deadlineText: string;
  deadline: string | null;
  longTerm: boolean;
  row: number;
}

export interface PlannedProblem {
  title: string;
  measures: PlannedMeasure[];
}

export interface RowError {
  row: number;
  column: string;
  field: string;
  message: string;
}

/**
 * Validates rows and groups the good ones by problem, listing every bad row (for a preview). A row without
 * a problem continues the one above it; a problem named again further down gathers its measures in one.
 */
export function checkImport(rows: BreakdownRow[]): { plan: PlannedProblem[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const out: PlannedProblem[] = [];
  let current: PlannedProblem | undefined;
  for (const r of rows) {
    const err = (col: string, msg: string) =>
      errors.push({ row: r.row, column: col, field: `rows.${r.row}.${col}`, message: `第 ${r.row} 行：${msg}` });
    const problem = r.problem.trim();
    if (problem && problem !== current?.title) {
      current = out.find((p) => p.title === problem) ?? { title: problem, measures: [] };
      if (!out.includes(current)) out.push(current);
    }
    if (!current) err('问题', '问题不能为空');
    if (problem.length > 500) err('问题', '问题最多 500 字');
    if (!r.measure.trim()) err('整改措施', '整改措施不能为空');
    else if (r.measure.length > 5000) err('整改措施', '整改措施最多 5000 字');
    if (!r.lead.trim()) err('牵头单位', '牵头单位不能为空');
    else if (r.lead.length > 500) err('牵头单位', '牵头单位最多 500 字');
    if (r.assisting.length > 500) err('配合单位', '配合单位最多 500 字');
    const text = r.deadline instanceof Date ? r.deadline.toISOString().slice(0, 10) : (r.deadline ?? '').trim();
    const d = parseDeadline(r.deadline);
    if (!text) err('完成时限', '完成时限不能为空');
    else if (!d) err('完成时限', `完成时限“${text}”无法识别（应为日期如 2017-06-30、“2017年6月末前”或“长期”）`);
    if (current && d && r.measure.trim() && r.lead.trim())
      current.measures.push({
        content: r.measure.trim(),
        lead: r.lead.trim(),
        assisting: r.assisting.trim(),
        deadlineText: text,
        deadline: d.deadline,
        longTerm: d.longTerm,
        row: r.row,
      });
  }
  if (!rows.length) errors.push({ row: 0, column: '', field: 'file', message: '表格中没有数据行' });
  return { plan: out, errors };
}
