/** 审管联动: item → regulator configuration, pushes and their confirmation / results, chasing, directory and roster. */
import type { Db } from '../../platform/db';
import { inRegionScope, type Actor } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import { conflict, fieldError, forbidden, notFound, unprocessable, staleVersion } from '../../platform/errors';
import { maskName } from '../../platform/mask';
import { getPublishedItem } from '../catalog/index';
import { departmentCodesFor, getDepartment, getRegion } from '../org/index';
import { actorForUsername } from '../identity/index';
import { isWorkday, todayInShanghai } from '../calendar/index';
import { notify } from '../notify/index';
import { isOverdue, shouldRemind } from './regulation.chase';
import { confirmDueOn } from './regulation.grants';
import * as repo from './regulation.repository';
import { PUSH_STATUS_LABELS, SUPERVISION_RESULT_LABELS } from './regulation.schemas';
import { isAdminFor, isApprovingSide, isStaffOf, assertAdmin, assertStaff } from './regulation.policy';
import type { SupervisionResult } from './regulation.tables';

export interface Ctx {
  actor: Actor;
  ip: string | null;
  /** The instant of the request. */
  now: Date;
}

const PUSH = '推送记录';
const ASSIGNMENT = '监管事项配置';
const INSPECTOR = '执法检查人员';

/* ---------------------------------------------------------------- assignments 监管事项配置 */

const assignmentView = (r: repo.AssignmentRow) => ({
  id: r.id,
  itemCode: r.item_code,
  itemName: r.item_name,
  regionCode: r.region_code,
  departmentId: r.department_id,
  departmentCode: r.department_code,
  departmentName: r.department_name,
  version: r.version,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

export async function listAssignments(db: Db, actor: Actor, query: { q?: string; page: number; pageSize: number }) {
  assertStaff(actor);
  const r = await repo.listAssignments(db, { regionPrefix: actor.scope.regionPrefix, ...query });
  return { ...r, page: query.page, pageSize: query.pageSize, items: r.items.map(assignmentView) };
}

/** A regulator department the admin may name: exists, active, inside their region. */
async function regulatorDepartment(db: Db, actor: Actor, code: string) {
  const d = await getDepartment(db, code);
  if (!d || !d.active || !inRegionScope(actor, d.regionCode))
    throw fieldError('departmentCode', '监管部门不存在或不在您的管辖范围内');
  return d;
}

export async function createAssignment(
  db: Db,
  ctx: Ctx,
  body: { itemCode: string; regionCode: string; departmentCode: string },
) {
  const { actor } = ctx;
  assertAdmin(actor);
  const item = await getPublishedItem(db, body.itemCode);
  if (!item) throw fieldError('itemCode', '事项不存在或未发布');
  const region = await getRegion(db, body.regionCode);
  if (!region || !inRegionScope(actor, region.code)) throw fieldError('regionCode', '区划不存在或不在您的管辖范围内');
  const dept = await regulatorDepartment(db, actor, body.departmentCode);
  const today = todayInShanghai(ctx.now);
  return db.transaction().execute(async (tx) => {
    const row = await repo.insertAssignment(tx, {
      item_code: item.code,
      item_name: item.name,
      region_code: region.code,
      region_prefix: region.scopePrefix,
      department_id: dept.id,
      department_code: dept.code,
      department_name: dept.name,
      updated_by: actor.username,
    });
    // Grants recorded before the mapping existed are pushed now (补推送), unless a more specific mapping applies.
    const pending = await repo.unassignedPushes(tx, item.code, region.scopePrefix);
    const dueOn = await confirmDueOn(tx, today);
    let assigned = 0;
    for (const p of pending) {
      const best = await repo.findAssignmentFor(tx, p.item_code, p.region_code);
      if (best?.id !== row.id) continue;
      await repo.updatePush(tx, p.id, p.version, {
        status: 'pushed',
        regulator_department_id: dept.id,
        regulator_department_name: dept.name,
        pushed_at: ctx.now,
        due_on: dueOn,
      });
      await repo.setEntityRegulator(tx, [p.case_id], dept.id);
      assigned += 1;
    }
    await recordAudit(tx, {
      actor,
      action: 'regulation.assignment.create',
      entityType: 'regulation_assignment',
      entityId: row.id,
      after: { ...assignmentView(row), assignedPushes: assigned },
      ip: ctx.ip,
    });
    return { ...assignmentView(row), assignedPushes: assigned };
  });
}

async function assignmentInScope(db: Db, actor: Actor, id: string) {
  const row = await repo.getAssignment(db, id);
  if (!row || !inRegionScope(actor, row.region_code)) throw notFound(ASSIGNMENT);
  return row;
}

export async function updateAssignment(
  db: Db,
  ctx: Ctx,
  id: string,
  body: { departmentCode: string; version: number },
) {
  const { actor } = ctx;
  assertAdmin(actor);
  const before = await assignmentInScope(db, actor, id);
  const dept = await regulatorDepartment(db, actor, body.departmentCode);
  return db.transaction().execute(async (tx) => {
    const row = await repo.updateAssignment(
      tx,
      id,
      body.version,
      {
        department_id: dept.id,
        department_code: dept.code,
        department_name: dept.name,
        updated_by: actor.username,
      },
      ctx.now,
    );
    if (!row) throw staleVersion('配置');
    await recordAudit(tx, {
      actor,
      action: 'regulation.assignment.update',
      entityType: 'regulation_assignment',
      entityId: id,
      before: assignmentView(before),
      after: assignmentView(row),
      ip: ctx.ip,
    });
    return assignmentView(row);
  });
}

export async function deleteAssignment(db: Db, ctx: Ctx, id: string) {
  const { actor } = ctx;
  assertAdmin(actor);
  const before = await assignmentInScope(db, actor, id);
  await db.transaction().execute(async (tx) => {
    await repo.deleteAssignment(tx, id);
    await recordAudit(tx, {
      actor,
      action: 'regulation.assignment.delete',
      entityType: 'regulation_assignment',
      entityId: id,
      before: assignmentView(before),
      ip: ctx.ip,
    });
  });
}

/* ---------------------------------------------------------------- pushes 双推送 */

function pushView(r: repo.PushRow, today: string) {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    itemCode: r.item_code,
    itemName: r.item_name,
    approvingDepartmentCode: r.approving_department_code,
    regionCode: r.region_code,
    entityName: r.entity_kind === 'person' ? maskName(r.entity_name)! : r.entity_name,
    entityKind: r.entity_kind,
    creditCode: r.credit_code,
    licenceNumber: r.licence_number,
    grantedOn: r.granted_on,
    status: r.status,
    statusLabel: PUSH_STATUS_LABELS[r.status],
    regulatorDepartmentId: r.regulator_department_id,
    regulatorDepartmentName: r.regulator_department_name,
    pushedAt: r.pushed_at,
    dueOn: r.due_on,
    overdue: isOverdue({ status: r.status, dueOn: r.due_on, remindedOn: r.reminded_on }, today),
    reminders: r.reminders,
    receivedAt: r.received_at,
    receivedByName: r.received_by_name,
    result: r.result,
    resultLabel: r.result ? SUPERVISION_RESULT_LABELS[r.result] : null,
    resultText: r.result_text,
    resultOn: r.result_on,
    returnedAt: r.returned_at,
    returnedByName: r.returned_by_name,
    version: r.version,
  };
}

export async function listPushes(
  db: Db,
  actor: Actor,
  query: {
    box: 'inbox' | 'outbox';
    status?: string;
    overdue?: 'true' | 'false';
    q?: string;
    page: number;
    pageSize: number;
  },
  now: Date,
) {
  assertStaff(actor);
  const today = todayInShanghai(now);
  const common = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.overdue === 'true' ? { overdueOn: today } : {}),
    ...(query.q ? { q: query.q } : {}),
    page: query.page,
    pageSize: query.pageSize,
  };
  let filter: repo.PushFilter;
  if (query.box === 'inbox') {
    // 监管部门接收: the regulator's own pushes; an admin sees every regulator's pushes in the region.
    if (actor.roles.includes('admin')) filter = { ...common, regionPrefix: actor.scope.regionPrefix };
    else if (actor.scope.departmentId) filter = { ...common, regulatorDepartmentId: actor.scope.departmentId };
    else throw forbidden('您未归属监管部门');
  } else {
    if (!isApprovingSide(actor)) throw forbidden('仅审批部门可查看推送去向与监管结果');
    const codes = await departmentCodesFor(db, actor);
    filter = {
      ...common,
      regionPrefix: actor.scope.regionPrefix,
      ...(codes ? { approvingDepartmentCodes: codes } : {}),
    };
  }
  const r = await repo.listPushes(db, filter);
  return { total: r.total, page: query.page, pageSize: query.pageSize, items: r.items.map((p) => pushView(p, today)) };
}

/** A push the actor may see: its regulator's staff, or the approving side in region scope. */
async function visiblePush(db: Db, actor: Actor, id: string) {
  const p = await repo.getPush(db, id);
  if (!p) throw notFound(PUSH);
  if (isStaffOf(actor, p.regulator_department_id)) return p;
  if (inRegionScope(actor, p.region_code) && isApprovingSide(actor)) {
    const codes = await departmentCodesFor(db, actor);
    if (codes === null || codes.includes(p.approving_department_code)) return p;
  }
  throw notFound(PUSH);
}

export async function getPush(db: Db, actor: Actor, id: string, now: Date) {
  return pushView(await visiblePush(db, actor, id), todayInShanghai(now));
}

/** Only the regulator's own staff confirm and report back (the push is theirs); others get 404. */
async function regulatorPush(db: Db, actor: Actor, id: string) {
  const p = await repo.getPush(db, id);
  if (!p || !isStaffOf(actor, p.regulator_department_id)) throw notFound(PUSH);
  return p;
}

export async function receivePush(db: Db, ctx: Ctx, id: string, body: { version: number }) {
  const { actor } = ctx;
  const p = await regulatorPush(db, actor, id);
  if (p.status !== 'pushed') throw unprocessable('该推送已签收，无需重复签收');
  return db.transaction().execute(async (tx) => {
    const row = await repo.updatePush(tx, id, body.version, {
      status: 'received',
      received_at: ctx.now,
      received_by_name: actor.name,
    });
    if (!row) throw staleVersion('推送记录');
    await recordAudit(tx, {
      actor,
      action: 'regulation.push.receive',
      entityType: 'regulation_push',
      entityId: id,
      before: { status: p.status },
      after: { status: row.status },
      ip: ctx.ip,
    });
    return pushView(row, todayInShanghai(ctx.now));
  });
}

export async function returnResult(
  db: Db,
  ctx: Ctx,
  id: string,
  body: { version: number; result: SupervisionResult; text: string; resultOn: string },
) {
  const { actor } = ctx;
  const p = await regulatorPush(db, actor, id);
  if (p.status === 'pushed') throw unprocessable('请先签收该推送，再反馈监管结果');
  if (p.status !== 'received') throw unprocessable('监管结果已反馈，不能重复反馈');
  const today = todayInShanghai(ctx.now);
  if (body.resultOn > today) throw fieldError('resultOn', '监管日期不能晚于今天');
  if (body.resultOn < p.granted_on) throw fieldError('resultOn', '监管日期不能早于准予许可日期');
  return db.transaction().execute(async (tx) => {
    const row = await repo.updatePush(tx, id, body.version, {
      status: 'returned',
      result: body.result,
      result_text: body.text,
      result_on: body.resultOn,
      returned_at: ctx.now,
      returned_by_name: actor.name,
    });
    if (!row) throw staleVersion('推送记录');
    await recordAudit(tx, {
      actor,
      action: 'regulation.push.result',
      entityType: 'regulation_push',
      entityId: id,
      before: { status: p.status },
      after: { status: row.status, result: body.result, resultOn: body.resultOn },
      ip: ctx.ip,
    });
    return pushView(row, today);
  });
}

/**
 * 催办: reminds the regulator's roster of every push still unconfirmed after its due day, once per
 * working day. Idempotent (reminded_on), safe to run on every node.
 */
export async function chasePushes(db: Db, now: Date): Promise<number> {
  const today = todayInShanghai(now);
  const workday = await isWorkday(db, today);
  if (!workday) return 0;
  let reminded = 0;
  for (const p of await repo.pushesToChase(db, today)) {
    if (!shouldRemind({ status: p.status, dueOn: p.due_on, remindedOn: p.reminded_on }, today, workday)) continue;
    await db.transaction().execute(async (tx) => {
      const row = await repo.markReminded(tx, p.id, today);
      if (!row) return; // confirmed or reminded meanwhile
      const staff = p.regulator_department_id ? await repo.activeInspectors(tx, p.regulator_department_id) : [];
      for (const s of staff)
        await notify(tx, {
          userId: s.account_id,
          caseId: p.case_id,
          kind: 'regulation.push.overdue',
          title: '审批结果推送逾期未签收',
          body: `${p.entity_name}的「${p.item_name}」审批结果（办件 ${p.case_number}）已于 ${p.pushed_at?.toISOString().slice(0, 10) ?? ''} 推送，应于 ${p.due_on} 前签收，请尽快签收并开展事中事后监管。`,
        });
      reminded += 1;
    });
  }
  return reminded;
}

/* ---------------------------------------------------------------- directory 检查对象名录库 */

export async function listEntities(
  db: Db,
  actor: Actor,
  query: { q?: string; itemCode?: string; regionCode?: string; page: number; pageSize: number },
) {
  assertStaff(actor);
  let prefix = actor.scope.regionPrefix;
  if (query.regionCode) {
    const region = await getRegion(db, query.regionCode);
    if (!region || !inRegionScope(actor, region.code)) throw fieldError('regionCode', '区划不存在或不在您的管辖范围内');
    prefix = region.scopePrefix;
  }
  const r = await repo.listEntities(db, {
    regionPrefix: prefix,
    page: query.page,
    pageSize: query.pageSize,
    ...(query.q ? { q: query.q } : {}),
    ...(query.itemCode ? { itemCode: query.itemCode } : {}),
  });
  return {
    total: r.total,
    page: query.page,
    pageSize: query.pageSize,
    items: r.items.map((e) => ({
      id: e.id,
      name: e.entity_kind === 'person' ? maskName(e.name)! : e.name,
      entityKind: e.entity_kind,
      creditCode: e.credit_code,
      itemCode: e.item_code,
      itemName: e.item_name,
      licenceNumber: e.licence_number,
      regionCode: e.region_code,
      source: e.source,
      createdAt: e.created_at,
    })),
  };
}

/* ---------------------------------------------------------------- roster 执法检查人员名录库 */

const inspectorView = (r: repo.InspectorRow) => ({
  accountId: r.account_id,
  username: r.username,
  name: r.name,
  departmentId: r.department_id,
  departmentName: r.department_name,
  certificateNumber: r.certificate_number,
  residenceRegionCode: r.residence_region_code,
  conflicts: r.conflicts,
  active: r.active,
  version: r.version,
});

export async function listInspectors(db: Db, actor: Actor, query: { q?: string; page: number; pageSize: number }) {
  assertStaff(actor);
  const own = actor.roles.includes('admin')
    ? {}
    : actor.scope.departmentId
      ? { departmentId: actor.scope.departmentId }
      : null;
  if (!own) throw forbidden('您未归属监管部门');
  const r = await repo.listInspectors(db, {
    regionPrefix: actor.scope.regionPrefix,
    page: query.page,
    pageSize: query.pageSize,
    ...own,
    ...(query.q ? { q: query.q } : {}),
  });
  return { total: r.total, page: query.page, pageSize: query.pageSize, items: r.items.map(inspectorView) };
}

async function checkResidence(db: Db, code: string | null) {
  if (code && !(await getRegion(db, code))) throw fieldError('residenceRegionCode', '居住地区划不存在');
}

export async function addInspector(
  db: Db,
  ctx: Ctx,
  body: { username: string; certificateNumber: string; residenceRegionCode: string | null; conflicts: string[] },
) {
  const { actor } = ctx;
  assertAdmin(actor);
  const account = await actorForUsername(db, body.username).catch(() => undefined);
  if (!account || account.kind !== 'staff' || !account.scope.departmentId)
    throw fieldError('username', '账号不存在，或不是归属部门的工作人员');
  const dept = await getDepartment(db, account.scope.departmentId);
  if (!dept || !isAdminFor(actor, dept.regionCode)) throw fieldError('username', '该工作人员不在您的管辖范围内');
  await checkResidence(db, body.residenceRegionCode);
  if (await repo.getInspector(db, account.id)) throw conflict('该工作人员已在执法检查人员名录库中', 'duplicate');
  return db.transaction().execute(async (tx) => {
    const row = await repo.insertInspector(tx, {
      account_id: account.id,
      username: account.username,
      name: account.name,
      department_id: dept.id,
      department_name: dept.name,
      region_code: dept.regionCode,
      certificate_number: body.certificateNumber,
      residence_region_code: body.residenceRegionCode,
      conflicts: body.conflicts,
    });
    await recordAudit(tx, {
      actor,
      action: 'regulation.inspector.add',
      entityType: 'regulation_inspector',
      entityId: row.account_id,
      after: inspectorView(row),
      ip: ctx.ip,
    });
    return inspectorView(row);
  });
}

export async function updateInspector(
  db: Db,
  ctx: Ctx,
  accountId: string,
  body: {
    certificateNumber: string;
    residenceRegionCode: string | null;
    conflicts: string[];
    active: boolean;
    version: number;
  },
) {
  const { actor } = ctx;
  assertAdmin(actor);
  const before = await repo.getInspector(db, accountId);
  if (!before || !inRegionScope(actor, before.region_code)) throw notFound(INSPECTOR);
  await checkResidence(db, body.residenceRegionCode);
  return db.transaction().execute(async (tx) => {
    const row = await repo.updateInspector(
      tx,
      accountId,
      body.version,
      {
        certificate_number: body.certificateNumber,
        residence_region_code: body.residenceRegionCode,
        conflicts: body.conflicts,
        active: body.active,
      },
      ctx.now,
    );
    if (!row) throw staleVersion('名录');
    await recordAudit(tx, {
      actor,
      action: 'regulation.inspector.update',
      entityType: 'regulation_inspector',
      entityId: accountId,
      before: inspectorView(before),
      after: inspectorView(row),
      ip: ctx.ip,
    });
    return inspectorView(row);
  });
}
