/**
 * Progress of a measure: the departments report 报送进展 and complete it 办结; supervisors urge 催办,
 * record accountability 问责 and mark it overdue 逾期 (also a job), each telling the lead departments.
 */
import { inRegionScope, type Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { conflict, forbidden, notFound, unprocessable } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { todayInShanghai } from '../calendar/index';
import { assertFilesOwnedBy } from '../files/index';
import { listDepartmentStaff } from '../identity/index';
import { notify } from '../notify/index';
import * as repo from './tasks.repository';
import type { MeasureRow, ProblemRow } from './tasks.repository';
import { assertSupervises, measureAccess } from './tasks.policy';
import { isOverdue } from './tasks.rules';
import { leadDepartments, overdueNotice, urgedNotice, type NoticeText } from './tasks.notice-text';
import type { MeasureDetail, ReportBody } from './tasks.schemas';
import { scopeOf, type Ctx } from './tasks.context';
import { measureDetail } from './tasks.read';

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
    if (final) after = await repo.updateMeasure(tx, id, { status: 'done', done_at: ctx.now });
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
      accountability_at: ctx.now,
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
export async function sweepOverdueMeasures(db: Db, today: string): Promise<number> {
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
export async function markMeasureOverdue(db: Db, ctx: Ctx, id: string): Promise<MeasureDetail> {
  const { actor } = ctx;
  const today = todayInShanghai(ctx.now);
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
