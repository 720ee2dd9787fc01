/** 双随机、一公开: random inspection plans, their recorded draw, results per target and publication. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db';
import { hasRole, inRegionScope, type Actor } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import { fieldError, forbidden, notFound, unprocessable, staleVersion } from '../../platform/errors';
import { maskName } from '../../platform/mask';
import { getDepartment, getRegion } from '../org/index';
import { todayInShanghai } from '../calendar/index';
import { notify } from '../notify/index';
import { drawInspection, type DrawInput } from './regulation.draw';
import * as repo from './regulation.repository';
import { INSPECTION_RESULT_LABELS, PLAN_STATUS_LABELS } from './regulation.schemas';
import { assertStaff, isAdminFor, isStaffOf } from './regulation.policy';
import type { DrawCandidates, DrawnInspector, InspectionResult } from './regulation.tables';
import type { Ctx } from './regulation.service';

const PLAN = '抽查计划';

const summary = (p: repo.PlanRow) => ({
  id: p.id,
  departmentId: p.department_id,
  departmentName: p.department_name,
  regionCode: p.region_code,
  name: p.name,
  targetRegionCode: p.target_region_code,
  itemCodes: p.item_codes,
  targetCount: p.target_count,
  inspectorsPerTarget: p.inspectors_per_target,
  status: p.status,
  statusLabel: PLAN_STATUS_LABELS[p.status],
  seed: p.seed,
  drawnAt: p.drawn_at,
  drawnByName: p.drawn_by_name,
  publishedAt: p.published_at,
  createdByName: p.created_by_name,
  createdAt: p.created_at,
  version: p.version,
});

const targetView = (t: repo.TargetRow) => ({
  id: t.id,
  seq: t.seq,
  entityId: t.entity_id,
  entityName: t.entity_kind === 'person' ? maskName(t.entity_name)! : t.entity_name,
  creditCode: t.credit_code,
  itemName: t.item_name,
  regionCode: t.region_code,
  inspectors: t.inspectors,
  result: t.result,
  resultLabel: t.result ? INSPECTION_RESULT_LABELS[t.result] : null,
  resultText: t.result_text,
  resultOn: t.result_on,
});

/** Plans are worked by the regulator department's staff; an admin works every plan of their region. */
const mayWork = (actor: Actor, p: Pick<repo.PlanRow, 'department_id' | 'region_code'>) =>
  isStaffOf(actor, p.department_id) || isAdminFor(actor, p.region_code);

async function workablePlan(db: Db, actor: Actor, id: string) {
  const p = await repo.getPlan(db, id);
  if (!p || !mayWork(actor, p)) throw notFound(PLAN);
  return p;
}

export async function listPlans(
  db: Db,
  actor: Actor,
  query: { status?: string; q?: string; page: number; pageSize: number },
) {
  assertStaff(actor);
  const scope = hasRole(actor, 'admin')
    ? { regionPrefix: actor.scope.regionPrefix }
    : actor.scope.departmentId
      ? { departmentId: actor.scope.departmentId }
      : null;
  if (!scope) throw forbidden('您未归属监管部门');
  const r = await repo.listPlans(db, {
    ...scope,
    page: query.page,
    pageSize: query.pageSize,
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { q: query.q } : {}),
  });
  return { total: r.total, page: query.page, pageSize: query.pageSize, items: r.items.map(summary) };
}

export async function getPlan(db: Db, actor: Actor, id: string) {
  const p = await workablePlan(db, actor, id);
  return { ...summary(p), targets: (await repo.planTargets(db, id)).map(targetView) };
}

export async function createPlan(
  db: Db,
  ctx: Ctx,
  body: {
    name: string;
    departmentCode?: string;
    targetRegionCode: string;
    itemCodes: string[];
    targetCount: number;
    inspectorsPerTarget: number;
  },
) {
  const { actor } = ctx;
  assertStaff(actor);
  const isAdmin = hasRole(actor, 'admin');
  const deptRef = isAdmin ? body.departmentCode : (actor.scope.departmentId ?? undefined);
  if (!deptRef)
    throw isAdmin ? fieldError('departmentCode', '请选择实施抽查的监管部门') : forbidden('您未归属监管部门');
  const dept = await getDepartment(db, deptRef);
  if (!dept || !dept.active || !inRegionScope(actor, dept.regionCode))
    throw fieldError('departmentCode', '监管部门不存在或不在您的管辖范围内');
  const region = await getRegion(db, body.targetRegionCode);
  if (!region || !inRegionScope(actor, region.code))
    throw fieldError('targetRegionCode', '抽查区域不存在或不在您的管辖范围内');
  return db.transaction().execute(async (tx) => {
    const row = await repo.insertPlan(tx, {
      department_id: dept.id,
      department_name: dept.name,
      region_code: dept.regionCode,
      name: body.name,
      target_region_code: region.code,
      item_codes: [...new Set(body.itemCodes)],
      target_count: body.targetCount,
      inspectors_per_target: body.inspectorsPerTarget,
      created_by_name: actor.name,
    });
    await recordAudit(tx, {
      actor,
      action: 'regulation.plan.create',
      entityType: 'regulation_plan',
      entityId: row.id,
      after: summary(row),
      ip: ctx.ip,
    });
    return { ...summary(row), targets: [] };
  });
}

/** The recorded inputs and the picks of a drawn plan re-run: whether the same draw comes out. */
export async function verifyDraw(db: Db, actor: Actor, id: string) {
  const p = await workablePlan(db, actor, id);
  if (!p.seed || !p.candidates) throw unprocessable('该计划尚未抽取');
  const targets = await repo.planTargets(db, id);
  const again = drawInspection(drawInputOf(p, p.seed, p.candidates));
  const recorded = targets.map((t) => ({ targetId: t.entity_id, inspectorIds: t.inspectors.map((i) => i.accountId) }));
  return {
    seed: p.seed,
    reproducible: again.ok && JSON.stringify(again.picks) === JSON.stringify(recorded),
    targets: targets.length,
  };
}

const drawInputOf = (p: repo.PlanRow, seed: string, c: DrawCandidates): DrawInput => ({
  seed,
  targets: c.targets,
  inspectors: c.inspectors,
  lastInspectors: c.lastInspectors,
  targetCount: p.target_count,
  perTarget: p.inspectors_per_target,
});

/**
 * 抽取: a fresh random seed, the candidate lists as they stand, the pure draw; seed, lists and picks are
 * recorded together and never change afterwards. The drawn inspectors are told in-app.
 */
export async function drawPlan(db: Db, ctx: Ctx, id: string, body: { version: number }) {
  const { actor } = ctx;
  const p = await workablePlan(db, actor, id);
  if (p.status !== 'draft') throw unprocessable('该计划已抽取，抽取结果不可更改');
  const region = await getRegion(db, p.target_region_code);
  if (!region) throw unprocessable('抽查区域已不存在');
  const entities = await repo.candidateEntities(db, p.department_id, region.scopePrefix, p.item_codes);
  const roster = await repo.activeInspectors(db, p.department_id);
  const candidates: DrawCandidates = {
    targets: entities.map((e) => ({ id: e.id, name: e.name, regionCode: e.region_code, creditCode: e.credit_code })),
    inspectors: roster.map((i) => ({
      id: i.account_id,
      residenceRegionCode: i.residence_region_code,
      conflicts: i.conflicts,
    })),
    lastInspectors: await repo.lastInspectorsOf(
      db,
      entities.map((e) => e.id),
    ),
  };
  const seed = randomBytes(16).toString('hex');
  const outcome = drawInspection(drawInputOf(p, seed, candidates));
  if (!outcome.ok) {
    if (outcome.reason === 'too_few_targets')
      throw unprocessable(
        `名录库中符合条件的检查对象只有 ${outcome.available} 个，少于计划抽取的 ${p.target_count} 个`,
      );
    const name = entities.find((e) => e.id === outcome.targetId)?.name ?? '';
    throw unprocessable(
      `检查对象「${name}」回避后可选的执法检查人员只有 ${outcome.eligible} 名，少于每个对象 ${p.inspectors_per_target} 名`,
    );
  }
  const byEntity = new Map(entities.map((e) => [e.id, e]));
  const byAccount = new Map(roster.map((i) => [i.account_id, i]));
  return db.transaction().execute(async (tx) => {
    const row = await repo.updatePlan(tx, id, body.version, {
      status: 'drawn',
      seed,
      candidates: JSON.stringify(candidates),
      drawn_at: ctx.now,
      drawn_by_name: actor.name,
    });
    if (!row) throw staleVersion('计划');
    const rows = outcome.picks.map((pick, i) => {
      const e = byEntity.get(pick.targetId)!;
      const inspectors: DrawnInspector[] = pick.inspectorIds.map((a) => ({
        accountId: a,
        name: byAccount.get(a)!.name,
        certificateNumber: byAccount.get(a)!.certificate_number,
      }));
      return {
        plan_id: id,
        seq: i + 1,
        entity_id: e.id,
        entity_name: e.name,
        entity_kind: e.entity_kind,
        credit_code: e.credit_code,
        item_name: e.item_name,
        region_code: e.region_code,
        inspectors: JSON.stringify(inspectors),
      };
    });
    await repo.insertTargets(tx, rows);
    for (const a of new Set(outcome.picks.flatMap((pk) => pk.inspectorIds)))
      await notify(tx, {
        userId: a,
        kind: 'regulation.plan.drawn',
        title: '双随机抽查任务',
        body: `您已被随机抽取为「${p.name}」的执法检查人员，请在工作台查看检查对象。`,
        actor: { id: actor.id, username: actor.username },
        ip: ctx.ip,
      });
    await recordAudit(tx, {
      actor,
      action: 'regulation.plan.draw',
      entityType: 'regulation_plan',
      entityId: id,
      after: { seed, picks: outcome.picks },
      ip: ctx.ip,
    });
    return { ...summary(row), targets: (await repo.planTargets(tx, id)).map(targetView) };
  });
}

export async function recordTargetResult(
  db: Db,
  ctx: Ctx,
  id: string,
  targetId: string,
  body: { result: InspectionResult; text: string; resultOn: string },
) {
  const { actor } = ctx;
  const p = await workablePlan(db, actor, id);
  const t = (await repo.planTargets(db, id)).find((x) => x.id === targetId);
  if (!t) throw notFound('检查对象');
  if (p.status === 'published') throw unprocessable('抽查结果已公示，不能再修改');
  if (body.resultOn > todayInShanghai(ctx.now)) throw fieldError('resultOn', '检查日期不能晚于今天');
  if (p.drawn_at && body.resultOn < p.drawn_at.toISOString().slice(0, 10))
    throw fieldError('resultOn', '检查日期不能早于抽取日期');
  return db.transaction().execute(async (tx) => {
    const row = await repo.updateTarget(tx, targetId, {
      result: body.result,
      result_text: body.text || null,
      result_on: body.resultOn,
      recorded_by_name: actor.name,
      recorded_at: ctx.now,
    });
    await recordAudit(tx, {
      actor,
      action: 'regulation.plan.result',
      entityType: 'regulation_plan_target',
      entityId: targetId,
      before: { result: t.result, text: t.result_text, resultOn: t.result_on },
      after: { result: row.result, text: row.result_text, resultOn: row.result_on },
      ip: ctx.ip,
    });
    return targetView(row);
  });
}

/** 一公开: a drawn plan whose every target has its result is published on the portal. */
export async function publishPlan(db: Db, ctx: Ctx, id: string, body: { version: number }) {
  const { actor } = ctx;
  const p = await workablePlan(db, actor, id);
  if (p.status === 'draft') throw unprocessable('请先抽取检查对象和执法检查人员');
  if (p.status === 'published') throw unprocessable('该计划已公示');
  const targets = await repo.planTargets(db, id);
  const missing = targets.filter((t) => !t.result).length;
  if (missing) throw unprocessable(`还有 ${missing} 个检查对象未录入检查结果，全部录入后才能公示`);
  return db.transaction().execute(async (tx) => {
    const row = await repo.updatePlan(tx, id, body.version, { status: 'published', published_at: ctx.now });
    if (!row) throw staleVersion('计划');
    await recordAudit(tx, {
      actor,
      action: 'regulation.plan.publish',
      entityType: 'regulation_plan',
      entityId: id,
      before: { status: p.status },
      after: { status: row.status },
      ip: ctx.ip,
    });
    return { ...summary(row), targets: targets.map(targetView) };
  });
}

/* ---------------------------------------------------------------- public portal 抽查结果公示 */

const publicSummary = (p: repo.PlanRow, problems: number) => ({
  id: p.id,
  name: p.name,
  departmentName: p.department_name,
  targetCount: p.target_count,
  problems,
  seed: p.seed!,
  drawnAt: p.drawn_at!,
  publishedAt: p.published_at!,
});

export async function listPublishedPlans(db: Db, query: { q?: string; page: number; pageSize: number }) {
  const r = await repo.listPlans(db, {
    status: 'published',
    page: query.page,
    pageSize: query.pageSize,
    ...(query.q ? { q: query.q } : {}),
  });
  const problems = await repo.problemCounts(
    db,
    r.items.map((p) => p.id),
  );
  return {
    total: r.total,
    page: query.page,
    pageSize: query.pageSize,
    items: r.items.map((p) => publicSummary(p, problems.get(p.id) ?? 0)),
  };
}

/** A published plan with its results; inspectors' and natural persons' names masked. */
export async function getPublishedPlan(db: Db, id: string) {
  const p = await repo.getPlan(db, id);
  if (!p || p.status !== 'published') throw notFound(PLAN);
  const targets = await repo.planTargets(db, id);
  return {
    ...publicSummary(p, targets.filter((t) => t.result === 'problem').length),
    targets: targets.map((t) => ({
      seq: t.seq,
      entityName: t.entity_kind === 'person' ? maskName(t.entity_name)! : t.entity_name,
      creditCode: t.credit_code,
      itemName: t.item_name,
      regionCode: t.region_code,
      inspectors: t.inspectors.map((i) => maskName(i.name)!),
      // Published plans have a result for every target (publishPlan checks).
      result: INSPECTION_RESULT_LABELS[t.result!],
      resultCode: t.result!,
      resultText: t.result_text,
      resultOn: t.result_on,
    })),
  };
}
