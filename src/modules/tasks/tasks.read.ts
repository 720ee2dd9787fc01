/** The views of problems and measures (one mapper each), and reading them: the list, its export, one problem, an attachment. */
import type { Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { PageRequest } from '../../platform/paging';
import { inSubtree } from '../../platform/scope';
import { getFileMetas, readFile, type FileMeta } from '../files/index';
import * as repo from './tasks.repository';
import type { MeasureRow, ProblemRow, ReportRow, UrgingRow } from './tasks.repository';
import { involves } from './tasks.policy';
import type {
  MeasureDetail,
  MeasureView,
  ProblemDetail,
  ProblemView,
  TaskFilter,
  TaskListQuery,
} from './tasks.schemas';
import { scopeOf, type Scope } from './tasks.context';

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

const urgingView = (u: UrgingRow) => ({ id: u.id, byName: u.by_name, at: iso(u.at)!, note: u.note });

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

/** One measure with its reports and urgings. */
export async function measureDetail(db: Db, m: MeasureRow): Promise<MeasureDetail> {
  return (await measureHistory(db, [m.id]))(m);
}

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

const criteria = (scope: Scope, f: TaskFilter): repo.MeasureCriteria => ({
  scopeDepartment: scope.kind === 'department' ? scope.code : undefined,
  department: f.departmentCode,
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
  if (!p || !inSubtree(p.region_code, scope.prefix)) throw notFound('督查问题');
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
