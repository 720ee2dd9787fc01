import { inRegionScope, type Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { badRequest, conflict, fieldError, forbidden, notFound, unprocessable } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { inSubtree } from '../../platform/scope';
import { todayInShanghai } from '../calendar/index';
import { getDepartment, getDepartmentsByKind, type DepartmentKind } from '../org/index';
import { assertFilesOwnedBy, getFileMetas, readFile, type FileMeta } from '../files/index';
import { listDepartmentStaff } from '../identity/index';
import { notify } from '../notify/index';
import * as repo from './tasks.repository';
import { assertAssigns, assertImports, assertSupervises, involves, measureAccess, taskReach } from './tasks.policy';
import type { MeasureRow, ProblemRow, ReportRow, UrgingRow } from './tasks.repository';
import { isOverdue, mapDepartmentText, parseDeadline, type NamedDepartment } from './tasks.rules';
import { leadDepartments, overdueNotice, urgedNotice, type NoticeText } from './tasks.notice-text';
import type {
  CreateTaskBody,
  ImportPreview,
  ImportResult,
  MeasureDetail,
  MeasureView,
  ProblemDetail,
  ProblemView,
  ReportBody,
  TaskFilter,
  TaskListQuery,
} from './tasks.schemas';
import { DEMO_PROBLEMS, DEMO_SOURCE } from './tasks.demo-data';
import type { PageRequest } from '../../platform/paging';

export interface Ctx {
  actor: Actor;
  ip?: string;
}

const CITY = '211100';
/** The demo city and its counties, whose departments a 牵头单位 name may name. */
const PANJIN_REGIONS = ['211100', '211102', '211103', '211104', '211122'];
const KINDS: DepartmentKind[] = [
  'department',
  'approval_bureau',
  'approval_office',
  'supervision',
  'service_center',
  'hotline',
];

/** Every active department of the city and its counties, for mapping unit names to codes. */
export async function knownDepartments(db: Db | Tx): Promise<NamedDepartment[]> {
  const lists = await Promise.all(PANJIN_REGIONS.flatMap((r) => KINDS.map((k) => getDepartmentsByKind(db, r, k))));
  return lists.flat().map((d) => ({ code: d.code, name: d.name, shortName: d.shortName }));
}

// ---------- views ----------

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function measureView(m: MeasureRow): MeasureView {
  return {
    id: m.id,
    problemId: m.problem_id,
    number: m.number,
    content: m.content,
    leadUnits: m.lead_department_name,
    leadDepartmentCode: m.lead_department_code,
    coLeadDepartmentCodes: m.co_lead_department_codes,
    assistingUnits: m.assisting_department_names,
    assistingDepartmentCodes: m.assisting_department_codes,
    unmatchedUnits: m.unmatched_department_names,
    deadlineText: m.deadline_text,
    deadline: m.deadline,
    longTerm: m.long_term,
    status: m.status,
    overdueOn: m.overdue_on,
    doneAt: iso(m.done_at),
    urgeCount: m.urge_count,
    accountability:
      m.accountability_note && m.accountability_at
        ? { note: m.accountability_note, byName: m.accountability_by_name, at: iso(m.accountability_at)! }
        : null,
  };
}

const reportView = (r: ReportRow, files: Map<string, FileMeta>) => ({
  id: r.id,
  reportedByName: r.reported_by_name,
  departmentCode: r.department_code,
  reportedAt: iso(r.reported_at)!,
  content: r.content,
  fileIds: r.file_ids,
  files: r.file_ids.flatMap((id) => {
    const f = files.get(id);
    return f ? [{ id: f.id, name: f.name, size: f.size, mediaType: f.mediaType }] : [];
  }),
  final: r.final,
});

/** Reports and urgings of measures, with the attachments' names, grouped by measure. */
async function measureHistory(db: Db | Tx, measureIds: string[]) {
  const [reports, urgings] = await Promise.all([repo.reportsOf(db, measureIds), repo.urgingsOf(db, measureIds)]);
  const files = new Map(
    (
      await getFileMetas(
        db,
        reports.flatMap((r) => r.file_ids),
      )
    ).map((f) => [f.id, f]),
  );
  return (m: MeasureRow): MeasureDetail => ({
    ...measureView(m),
    reports: reports.filter((r) => r.measure_id === m.id).map((r) => reportView(r, files)),
    urgings: urgings.filter((u) => u.measure_id === m.id).map(urgingView),
  });
}
const urgingView = (u: UrgingRow) => ({ id: u.id, byName: u.by_name, at: iso(u.at)!, note: u.note });

const problemBase = (p: ProblemRow) => ({
  id: p.id,
  number: p.number,
  category: p.category,
  title: p.title,
  description: p.description,
  source: p.source,
  regionCode: p.region_code,
  createdAt: iso(p.created_at)!,
});

// ---------- scope ----------

/** Who sees what: supervisors and admins the problems of their region; department staff the measures their department leads or assists. */
type Scope = { kind: 'region'; prefix: string } | { kind: 'department'; code: string; prefix: string };

async function scopeOf(db: Db | Tx, actor: Actor): Promise<Scope> {
  const reach = taskReach(actor);
  if (reach === 'region') return { kind: 'region', prefix: actor.scope.regionPrefix };
  if (reach === 'department') {
    const dept = await getDepartment(db, actor.scope.departmentId!);
    if (dept) return { kind: 'department', code: dept.code, prefix: '' };
  }
  throw forbidden('仅督查人员和承担整改任务的部门人员可查看督查督办任务');
}

const criteria = (scope: Scope, f: TaskFilter): repo.MeasureCriteria => ({
  scopeDepartment: scope.kind === 'department' ? scope.code : undefined,
  department: f.department,
  status: f.status,
  overdue: f.overdue,
  longTerm: f.longTerm,
  q: f.q,
});

/**
 * Problems with the measures the actor may see and the filter selects, in problem order — filtered and
 * paged in SQL (`page` null: every match, for the export).
 */
async function selectTasks(
  db: Db | Tx,
  actor: Actor,
  f: TaskFilter,
  page: PageRequest | null,
): Promise<{ total: number; tasks: { problem: ProblemRow; measures: MeasureRow[] }[] }> {
  const scope = await scopeOf(db, actor);
  const c = criteria(scope, f);
  const { total, items } = await repo.pageProblems(db, scope.prefix, c, page);
  const ids = items.map((p) => p.id);
  const measures = repo.hasMeasureCriteria(c)
    ? await repo.matchingMeasuresOf(db, ids, c)
    : await repo.measuresOf(db, ids);
  const byProblem = new Map<string, MeasureRow[]>();
  for (const m of measures) byProblem.set(m.problem_id, [...(byProblem.get(m.problem_id) ?? []), m]);
  return { total, tasks: items.map((p) => ({ problem: p, measures: byProblem.get(p.id) ?? [] })) };
}

export async function listTasks(db: Db, actor: Actor, query: TaskListQuery) {
  const { total, tasks } = await selectTasks(db, actor, query, { page: query.page, pageSize: query.pageSize });
  const items: ProblemView[] = tasks.map((t) => ({ ...problemBase(t.problem), measures: t.measures.map(measureView) }));
  return { total, page: query.page, pageSize: query.pageSize, items };
}

export async function exportTasks(db: Db, actor: Actor, f: TaskFilter) {
  return (await selectTasks(db, actor, f, null)).tasks;
}

export async function getTask(db: Db, actor: Actor, problemId: string): Promise<ProblemDetail> {
  const scope = await scopeOf(db, actor);
  const p = await repo.getProblem(db, problemId);
  if (!p || !p.region_code.startsWith(scope.prefix)) throw notFound('督查问题');
  let measures = await repo.measuresOf(db, [p.id]);
  if (scope.kind === 'department') {
    measures = measures.filter((m) => involves(m, scope.code));
    if (!measures.length) throw notFound('督查问题');
  }
  const detail = await measureHistory(
    db,
    measures.map((m) => m.id),
  );
  return { ...problemBase(p), measures: measures.map(detail) };
}

// ---------- writes ----------

async function validDepartmentCode(db: Db | Tx, code: string, field: string): Promise<string> {
  const d = await getDepartment(db, code);
  if (!d || d.code !== code) throw fieldError(field, `部门 ${code} 不存在`);
  return d.name;
}

export async function createTask(db: Db, ctx: Ctx, body: CreateTaskBody): Promise<ProblemDetail> {
  const { actor } = ctx;
  assertAssigns(actor);
  const names: string[] = [];
  for (const [i, m] of body.measures.entries()) {
    names.push(await validDepartmentCode(db, m.leadDepartmentCode, `measures.${i}.leadDepartmentCode`));
    for (const [j, c] of m.assistingDepartmentCodes.entries())
      await validDepartmentCode(db, c, `measures.${i}.assistingDepartmentCodes.${j}`);
  }
  const id = await db.transaction().execute(async (tx) => {
    const regionCode = actor.scope.regionCode;
    const problem = await repo.insertProblem(tx, {
      number: await repo.nextProblemNumber(tx, regionCode),
      category: body.category ?? null,
      title: body.title,
      description: body.description,
      source: body.source,
      region_code: regionCode,
      created_by: actor.id,
    });
    const measures = await repo.insertMeasures(
      tx,
      body.measures.map((m, i) => ({
        problem_id: problem.id,
        number: i + 1,
        content: m.content,
        lead_department_code: m.leadDepartmentCode,
        lead_department_name: names[i]!,
        co_lead_department_codes: [],
        assisting_department_codes: [...new Set(m.assistingDepartmentCodes)],
        assisting_department_names: '',
        unmatched_department_names: [],
        deadline_text: m.longTerm ? '长期' : m.deadline!,
        deadline: m.longTerm ? null : m.deadline!,
        long_term: m.longTerm,
      })),
    );
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'tasks.problem.create',
      entityType: 'supervision_problem',
      entityId: problem.id,
      after: { problem, measures },
    });
    return problem.id;
  });
  return getTask(db, actor, id);
}

/** The measure the actor may act on as a department (lead only when `leadOnly`), locked. */
async function measureForDepartment(
  tx: Tx,
  actor: Actor,
  id: string,
  leadOnly: boolean,
): Promise<{ m: MeasureRow; code: string }> {
  const scope = await scopeOf(tx, actor);
  const m = await repo.getMeasure(tx, id, true);
  if (!m) throw notFound('整改措施');
  if (scope.kind !== 'department') {
    const p = await repo.getProblem(tx, m.problem_id);
    if (!p || !inRegionScope(actor, p.region_code)) throw notFound('整改措施');
    throw forbidden('仅牵头或配合部门人员可报送整改进展');
  }
  const access = measureAccess(m, scope.code, leadOnly);
  if (access === 'hidden') throw notFound('整改措施');
  if (access === 'not-lead') throw forbidden('仅牵头部门可办结整改措施');
  return { m, code: scope.code };
}

/** A measure within a supervisor's region, locked, with its problem. */
async function measureForSupervisor(tx: Tx, actor: Actor, id: string): Promise<{ m: MeasureRow; p: ProblemRow }> {
  assertSupervises(actor);
  const m = await repo.getMeasure(tx, id, true);
  const p = m && (await repo.getProblem(tx, m.problem_id));
  if (!m || !p || !inRegionScope(actor, p.region_code)) throw notFound('整改措施');
  return { m, p };
}

const measureFacts = (m: MeasureRow, p: ProblemRow) => ({
  problemNumber: p.number,
  problemTitle: p.title,
  measureNumber: m.number,
  content: m.content,
  deadlineText: m.deadline_text,
});

/** Tells the staff of the measure's lead (and co-lead) departments, each person once; returns how many. */
async function notifyLeads(
  tx: Tx,
  m: MeasureRow,
  kind: string,
  text: NoticeText,
  actor: Actor | null,
  ip?: string,
): Promise<number> {
  const codes = leadDepartments({
    leadDepartmentCode: m.lead_department_code,
    coLeadDepartmentCodes: m.co_lead_department_codes,
  });
  const staff = (await Promise.all(codes.map((department) => listDepartmentStaff(tx, { department })))).flat();
  const to = [...new Set(staff.map((s) => s.id))].filter((id) => id !== actor?.id);
  for (const userId of to)
    await notify(tx, { userId, kind, ...text, actor: actor && { id: actor.id, username: actor.username }, ip });
  return to.length;
}

export async function report(db: Db, ctx: Ctx, id: string, body: ReportBody, final = false): Promise<MeasureDetail> {
  const { actor } = ctx;
  const m = await db.transaction().execute(async (tx) => {
    const { m: before, code } = await measureForDepartment(tx, actor, id, final);
    if (before.status === 'done') throw conflict('该整改措施已办结，不能再报送进展', 'measure_done');
    await assertFilesOwnedBy(tx, actor.id, body.fileIds);
    const r = await repo.insertReport(tx, {
      measure_id: id,
      reported_by: actor.id,
      reported_by_name: actor.name,
      department_code: code,
      content: body.content,
      file_ids: body.fileIds,
      final,
    });
    let after = before;
    if (final) after = await repo.updateMeasure(tx, id, { status: 'done', done_at: new Date() });
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: final ? 'tasks.measure.complete' : 'tasks.measure.report',
      entityType: 'supervision_measure',
      entityId: id,
      before: final ? { status: before.status } : undefined,
      after: final ? { status: after.status, report: r } : { report: r },
    });
    return after;
  });
  return measureDetail(db, m);
}

async function measureDetail(db: Db, m: MeasureRow): Promise<MeasureDetail> {
  return (await measureHistory(db, [m.id]))(m);
}

export async function urge(db: Db, ctx: Ctx, id: string, note: string): Promise<MeasureDetail> {
  const { actor } = ctx;
  const m = await db.transaction().execute(async (tx) => {
    const { m: before, p } = await measureForSupervisor(tx, actor, id);
    if (before.status === 'done') throw conflict('该整改措施已办结，无需催办', 'measure_done');
    const u = await repo.insertUrging(tx, { measure_id: id, by: actor.id, by_name: actor.name, note });
    const after = await repo.updateMeasure(tx, id, { urge_count: before.urge_count + 1 });
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'tasks.measure.urge',
      entityType: 'supervision_measure',
      entityId: id,
      after: { urging: u },
    });
    await notifyLeads(
      tx,
      after,
      'tasks.measure.urged',
      urgedNotice(measureFacts(after, p), `督查人员${actor.name}`, note),
      actor,
      ctx.ip,
    );
    return after;
  });
  return measureDetail(db, m);
}

export async function recordAccountability(db: Db, ctx: Ctx, id: string, note: string): Promise<MeasureDetail> {
  const { actor } = ctx;
  const m = await db.transaction().execute(async (tx) => {
    const { m: before } = await measureForSupervisor(tx, actor, id);
    const after = await repo.updateMeasure(tx, id, {
      accountability_note: note,
      accountability_by: actor.id,
      accountability_by_name: actor.name,
      accountability_at: new Date(),
    });
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'tasks.measure.accountability',
      entityType: 'supervision_measure',
      entityId: id,
      before: { note: before.accountability_note },
      after: { note },
    });
    return after;
  });
  return measureDetail(db, m);
}

/** Tells the lead departments of measures just marked overdue (each measure is marked, and told, once). */
async function notifyOverdue(
  tx: Tx,
  marked: MeasureRow[],
  today: string,
  actor: Actor | null,
  ip?: string,
): Promise<void> {
  const problems = new Map(
    (await repo.getProblems(tx, [...new Set(marked.map((m) => m.problem_id))])).map((p) => [p.id, p]),
  );
  for (const m of marked)
    await notifyLeads(
      tx,
      m,
      'tasks.measure.overdue',
      overdueNotice(measureFacts(m, problems.get(m.problem_id)!), today),
      actor,
      ip,
    );
}

/**
 * Marks open measures past their deadline overdue 逾期 and tells their lead departments, in one
 * transaction (idempotent: only open measures are marked; a module job every 10 minutes).
 */
export async function sweepOverdueMeasures(db: Db, today: string = todayInShanghai()): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const marked = await repo.markOverdue(tx, today);
    if (marked.length) {
      await recordAudit(tx, {
        actor: null,
        action: 'tasks.measure.overdue',
        entityType: 'supervision_measure',
        entityId: null,
        after: { today, ids: marked.map((m) => m.id) },
      });
      await notifyOverdue(tx, marked, today, null);
    }
    return marked.length;
  });
}

/** A supervisor marks one measure overdue now (without waiting for the job): only an open one past its deadline. */
export async function markMeasureOverdue(
  db: Db,
  ctx: Ctx,
  id: string,
  today: string = todayInShanghai(),
): Promise<MeasureDetail> {
  const { actor } = ctx;
  const m = await db.transaction().execute(async (tx) => {
    const { m: before } = await measureForSupervisor(tx, actor, id);
    if (before.status !== 'open')
      throw conflict(before.status === 'done' ? '该整改措施已办结' : '该整改措施已标记逾期', 'measure_state');
    if (!isOverdue({ status: before.status, deadline: before.deadline, longTerm: before.long_term }, today))
      throw unprocessable(
        before.long_term || !before.deadline
          ? '该整改措施没有具体完成时限，不能标记逾期'
          : `尚未超过完成时限（${before.deadline}）`,
        [],
        'not_overdue',
      );
    const after = await repo.updateMeasure(tx, id, { status: 'overdue', overdue_on: today });
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'tasks.measure.mark_overdue',
      entityType: 'supervision_measure',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, overdueOn: today },
    });
    await notifyOverdue(tx, [after], today, actor, ctx.ip);
    return after;
  });
  return measureDetail(db, m);
}

/** An attachment of a report on a measure the actor may see (supervisors in region, involved departments). */
export async function reportFile(db: Db, actor: Actor, measureId: string, fileId: string) {
  const scope = await scopeOf(db, actor);
  const m = await repo.getMeasure(db, measureId);
  const p = m && (await repo.getProblem(db, m.problem_id));
  if (!m || !p || !inSubtree(p.region_code, scope.prefix) || (scope.kind === 'department' && !involves(m, scope.code)))
    throw notFound('整改措施');
  const reports = await repo.reportsOf(db, [m.id]);
  if (!reports.some((r) => r.file_ids.includes(fileId))) throw notFound('附件');
  const f = await readFile(db, fileId);
  if (!f) throw notFound('附件');
  return f;
}

// ---------- import / demo ----------

/** One row of a task breakdown table 任务分解表, as read from a sheet. */
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

interface PlannedMeasure {
  content: string;
  lead: string;
  assisting: string;
  deadlineText: string;
  deadline: string | null;
  longTerm: boolean;
  row: number;
}

export interface RowError {
  row: number;
  column: string;
  field: string;
  message: string;
}

/** Validates rows and groups the good ones by problem, listing every bad row (for a preview). */
export function checkImport(rows: BreakdownRow[]): {
  plan: { title: string; measures: PlannedMeasure[] }[];
  errors: RowError[];
} {
  const errors: RowError[] = [];
  const out: { title: string; measures: PlannedMeasure[] }[] = [];
  let current: { title: string; measures: PlannedMeasure[] } | undefined;
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

/** Validates rows (all or nothing) and groups them by problem; throws 400 listing every bad row. */
export function planImport(rows: BreakdownRow[]): { title: string; measures: PlannedMeasure[] }[] {
  const { plan, errors } = checkImport(rows);
  if (errors.length)
    throw badRequest(
      errors.map((e) => e.message).join('；'),
      errors.map((e) => ({ field: e.field, message: e.message })),
      'import_invalid',
    );
  return plan;
}

/** What an import would store — problems, measures and their departments as mapped — and every bad row; stores nothing. */
export async function previewBreakdown(db: Db, actor: Actor, rows: BreakdownRow[]): Promise<ImportPreview> {
  assertImports(actor);
  const { plan, errors } = checkImport(rows);
  const departments = await knownDepartments(db);
  const problems = plan.map((p) => ({
    title: p.title,
    measures: p.measures.map((m) => {
      const lead = mapDepartmentText(m.lead, departments);
      const assisting = mapDepartmentText(m.assisting, departments);
      return {
        row: m.row,
        content: m.content,
        leadUnits: m.lead,
        leadDepartmentCodes: lead.codes,
        assistingUnits: m.assisting,
        assistingDepartmentCodes: assisting.codes.filter((c) => !lead.codes.includes(c)),
        unmatchedUnits: [...new Set([...lead.unmatched, ...assisting.unmatched])],
        deadlineText: m.deadlineText,
        deadline: m.deadline,
        longTerm: m.longTerm,
      };
    }),
  }));
  return { rows: rows.length, measures: problems.reduce((n, p) => n + p.measures.length, 0), problems, errors };
}

async function storePlanned(
  tx: Tx,
  actor: Actor | null,
  regionCode: string,
  source: string,
  problems: { title: string; category?: string; description?: string; measures: PlannedMeasure[] }[],
  departments: NamedDepartment[],
) {
  const unmatchedUnits: { row: number; name: string }[] = [];
  const problemIds: string[] = [];
  let number = await repo.nextProblemNumber(tx, regionCode);
  let count = 0;
  for (const p of problems) {
    const problem = await repo.insertProblem(tx, {
      number: number++,
      category: p.category ?? null,
      title: p.title,
      description: p.description ?? '',
      source,
      region_code: regionCode,
      created_by: actor?.id ?? null,
    });
    problemIds.push(problem.id);
    const rows = p.measures.map((m, i) => {
      const lead = mapDepartmentText(m.lead, departments);
      const assisting = mapDepartmentText(m.assisting, departments);
      const unmatched = [...new Set([...lead.unmatched, ...assisting.unmatched])];
      for (const name of unmatched) unmatchedUnits.push({ row: m.row, name });
      return {
        problem_id: problem.id,
        number: i + 1,
        content: m.content,
        lead_department_code: lead.codes[0] ?? null,
        lead_department_name: m.lead,
        co_lead_department_codes: lead.codes.slice(1),
        assisting_department_codes: assisting.codes.filter((c) => !lead.codes.includes(c)),
        assisting_department_names: m.assisting,
        unmatched_department_names: unmatched,
        deadline_text: m.deadlineText,
        deadline: m.deadline,
        long_term: m.longTerm,
      };
    });
    const measures = await repo.insertMeasures(tx, rows);
    count += measures.length;
    await recordAudit(tx, {
      actor,
      action: actor ? 'tasks.problem.import' : 'tasks.problem.demo',
      entityType: 'supervision_problem',
      entityId: problem.id,
      after: { problem, measures },
    });
  }
  return { problems: problemIds.length, measures: count, unmatchedUnits, problemIds };
}

export async function importBreakdown(
  db: Db,
  ctx: Ctx,
  rows: BreakdownRow[],
  fileName: string | undefined,
): Promise<ImportResult> {
  const { actor } = ctx;
  assertImports(actor);
  const plan = planImport(rows);
  const departments = await knownDepartments(db);
  return db
    .transaction()
    .execute((tx) =>
      storePlanned(
        tx,
        actor,
        actor.scope.regionCode,
        `任务分解表导入${fileName ? `：${fileName}` : ''}`,
        plan,
        departments,
      ),
    );
}

/** Demo: seed 004's 21 problems and 37 measures for the city. */
export async function seedTasksDemo(db: Db): Promise<void> {
  const departments = await knownDepartments(db);
  await db.transaction().execute(async (tx) => {
    await storePlanned(
      tx,
      null,
      CITY,
      DEMO_SOURCE,
      DEMO_PROBLEMS.map((p) => ({
        title: p.title,
        category: p.category,
        description: p.description,
        measures: p.measures.map((m) => {
          const d = parseDeadline(m.deadline) ?? { deadline: null, longTerm: false };
          return {
            content: m.content,
            lead: m.lead,
            assisting: '',
            deadlineText: m.deadline,
            deadline: d.deadline,
            longTerm: d.longTerm,
            row: 0,
          };
        }),
      })),
      departments,
    );
  });
}
