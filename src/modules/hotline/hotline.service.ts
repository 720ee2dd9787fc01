/** Call events from the telephony system, and the dispatch rules the centre keeps. */
import { recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth';
import type { Db } from '../../platform/db';
import { fieldError, notFound } from '../../platform/errors';
import { getRegion, type Region } from '../org/index';
import type { Unit } from './hotline.dispatch';
import { categoriesOf, hotlineCache, requireUnit, type Ctx } from './hotline.context';
import { callerTickets } from './hotline.read';
import * as repo from './hotline.repository';
import type { CallBody, RuleBody } from './hotline.schemas';

const callView = (c: repo.CallRow) => ({
  id: c.id,
  callerPhone: c.caller_phone,
  startedAt: c.started_at.toISOString(),
  endedAt: c.ended_at?.toISOString() ?? null,
  recordingRef: c.recording_ref,
  ticketId: c.ticket_id,
});

/** Records a call event 话单 and answers it with the caller's earlier tickets (the operator's screen). */
export async function recordCall(db: Db, ctx: Ctx, body: CallBody) {
  const started = new Date(body.startedAt);
  const ended = body.endedAt ? new Date(body.endedAt) : null;
  if (ended && ended < started) throw fieldError('endedAt', '结束时间不能早于开始时间');
  const call = await db.transaction().execute(async (tx) => {
    const c = await repo.insertCall(tx, {
      caller_phone: body.callerPhone,
      started_at: started,
      ended_at: ended,
      recording_ref: body.recordingRef ?? null,
      ticket_id: null,
      received_at: ctx.now,
    });
    await recordAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'hotline.call.record',
      entityType: 'hotline_call',
      entityId: c.id,
      after: { started: body.startedAt, ended: body.endedAt ?? null, recording: body.recordingRef ?? null },
    });
    return c;
  });
  return { ...callView(call), earlierTickets: await callerTickets(db, ctx.actor, body.callerPhone) };
}

export const callerHistory = (db: Db, actor: Actor, phone: string) => callerTickets(db, actor, phone);

const ruleView = (r: repo.RuleRow) => ({
  id: r.id,
  categoryCode: r.category_code,
  regionCode: r.region_code,
  unit: { kind: r.unit_kind, code: r.unit_code, name: r.unit_name },
});

export const listRules = async (db: Db) => (await repo.listRules(db)).map(ruleView);

/** The row of a dispatch rule: tickets of `category` located in `region`'s subtree go to `unit`. */
export const ruleRow = (category: string, region: Pick<Region, 'code' | 'scopePrefix'>, unit: Unit) => ({
  category_code: category,
  region_code: region.code,
  region_prefix: region.scopePrefix,
  unit_kind: unit.kind,
  unit_code: unit.code,
  unit_name: unit.name,
  unit_region_code: unit.regionCode,
});

/** Sets the unit for a category in a region (one rule per pair: a second call replaces it). */
export async function putRule(db: Db, ctx: Ctx, body: RuleBody) {
  const category = (await categoriesOf(db)).get(body.categoryCode);
  if (!category) throw fieldError('categoryCode', `分类 ${body.categoryCode} 不存在`);
  const region = await getRegion(db, body.regionCode);
  if (!region) throw fieldError('regionCode', `区划 ${body.regionCode} 不存在`);
  const unit = await requireUnit(db, body.unit);
  const rule = await db.transaction().execute(async (tx) => {
    const r = await repo.upsertRule(tx, ruleRow(category.code, region, unit));
    await recordAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'hotline.rule.put',
      entityType: 'hotline_dispatch_rule',
      entityId: r.id,
      after: ruleView(r),
    });
    return r;
  });
  hotlineCache.clear(db);
  return ruleView(rule);
}

export async function deleteRule(db: Db, ctx: Ctx, id: string) {
  await db.transaction().execute(async (tx) => {
    const r = await repo.deleteRule(tx, id);
    if (!r) throw notFound('派单规则');
    await recordAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'hotline.rule.delete',
      entityType: 'hotline_dispatch_rule',
      entityId: id,
      before: ruleView(r),
    });
  });
  hotlineCache.clear(db);
}

export async function listCategories(db: Db) {
  return [...(await categoriesOf(db)).values()].map((c) => ({
    code: c.code,
    name: c.name,
    parentCode: c.parent_code,
    active: c.active,
  }));
}
