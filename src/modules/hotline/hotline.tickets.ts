/** Registering tickets and acting on them: each write checks the version, records its history and its audit. */
import { recordAudit, type AuditEntry } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db';
import { conflict, fieldError, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors';
import { inSubtree } from '../../platform/scope';
import { loadCalendar, todayInShanghai } from '../calendar/index';
import { getRegion } from '../org/index';
import { applyClock, dueAt, limitFor, startClock } from './hotline.clock';
import { actorUnit, categoriesOf, reachOf, requireUnit, settingsOf, type Ctx } from './hotline.context';
import { redispatchProblem, type Unit } from './hotline.dispatch';
import { countKbUse } from './hotline.kb';
import { FINISHED_STATES, transition, type Performer, type Requirement, type TicketState } from './hotline.process';
import { performersOn } from './hotline.policy';
import { ticketKeywords } from './hotline.reports.rules';
import { clockOf, ticketView } from './hotline.read';
import * as repo from './hotline.repository';
import type { ActionBody, CreateTicketBody, TicketView } from './hotline.schemas';
import type { TicketType } from './hotline.tables';

const HOUR = 3_600_000;

const unitColumns = (u: Unit | null) => ({
  unit_kind: u?.kind ?? null,
  unit_code: u?.code ?? null,
  unit_name: u?.name ?? null,
  unit_region_code: u?.regionCode ?? null,
});

/** Who registers a ticket: a signed-in account, or a client without one (an Open311 client). */
export interface Registrar {
  /** The account, or null; `name` is what the history shows. */
  id: string | null;
  name: string;
  audit: AuditEntry['actor'];
  ip?: string;
  now: Date;
}

/** What a new ticket says; its number, state, clock and history are the registration's. */
export type NewTicket = Pick<
  repo.TicketInsert,
  | 'type'
  | 'category_code'
  | 'title'
  | 'content'
  | 'channel'
  | 'urgency'
  | 'region_code'
  | 'address'
  | 'lat'
  | 'lon'
  | 'caller_name'
  | 'caller_phone'
  | 'caller_id_number'
  | 'anonymous'
  | 'applicant_id'
  | 'case_number'
  | 'clerk_id'
  | 'open311_token'
  | 'open311_client_id'
  | 'caller_email'
  | 'media_url'
  | 'file_ids'
>;

/** The category (active) and the region (active, within `regionPrefix`) a new ticket names, or a 400. */
export async function requirePlace(db: Db | Tx, categoryCode: string, regionCode: string, regionPrefix: string) {
  const category = (await categoriesOf(db)).get(categoryCode);
  if (!category || !category.active) throw fieldError('categoryCode', `分类 ${categoryCode} 不存在或已停用`);
  const region = await getRegion(db, regionCode);
  if (!region || !region.active || !inSubtree(region.code, regionPrefix))
    throw fieldError('regionCode', `区划 ${regionCode} 不存在或不在本热线受理范围内`);
  return { category, region };
}

/**
 * Registers a ticket 登记 in one transaction: its number, the 2·20 clock, the first history event and
 * the audit entry; `before` checks and `then` answers inside the same transaction.
 */
export async function registerTicket<T>(
  db: Db,
  by: Registrar,
  fields: NewTicket,
  opts: {
    before?: (tx: Tx) => Promise<void>;
    then: (tx: Tx, t: repo.TicketRow) => Promise<T>;
    audit?: Record<string, unknown>;
  },
): Promise<T> {
  const { now } = by;
  const [settings, cal] = await Promise.all([settingsOf(db), loadCalendar(db)]);
  const clock = startClock(limitFor(settings.limits, fields.type, fields.urgency ?? 'normal'), now);
  return db.transaction().execute(async (tx) => {
    await opts.before?.(tx);
    const t = await repo.insertTicket(tx, {
      ...fields,
      number: await repo.nextTicketNumber(tx, todayInShanghai(now)),
      keywords: ticketKeywords(fields.title, fields.content),
      state: 'registered',
      previous_state: null,
      ...unitColumns(null),
      first_unit_code: null,
      sign_due_at: null,
      signed_at: null,
      reply_text: null,
      replied_at: null,
      satisfaction: null,
      solved: null,
      merged_into: null,
      kb_entry_id: null,
      ...clock,
      due_at: dueAt(cal, clock),
      created_by: by.id,
      created_at: now,
      updated_at: now,
    });
    await repo.insertEvent(tx, {
      ticket_id: t.id,
      action: 'register',
      from_state: null,
      to_state: 'registered',
      actor_id: by.id,
      actor_name: by.name,
      unit_code: null,
      unit_name: null,
      note: null,
      at: now,
    });
    await recordAudit(tx, {
      actor: by.audit,
      ip: by.ip,
      action: 'hotline.ticket.create',
      entityType: 'hotline_ticket',
      entityId: t.id,
      after: {
        number: t.number,
        type: t.type,
        category: t.category_code,
        region: t.region_code,
        channel: t.channel,
        ...opts.audit,
      },
    });
    return opts.then(tx, t);
  });
}

/** Registers a ticket 登记 (the operator while talking, or the centre). */
export async function createTicket(db: Db, ctx: Ctx, body: CreateTicketBody): Promise<TicketView> {
  const { actor } = ctx;
  const { region } = await requirePlace(db, body.categoryCode, body.regionCode, actor.scope.regionPrefix);
  if (!body.anonymous && !body.callerPhone && !body.callerName)
    throw fieldError('callerPhone', '请填写来电人姓名或电话，或选择匿名');
  if ((body.lat === undefined) !== (body.lon === undefined)) throw fieldError('lon', '经纬度应同时填写');
  const by = { id: actor.id, name: actor.name, audit: actor, ip: ctx.ip, now: ctx.now };
  const fields: NewTicket = {
    type: body.type,
    category_code: body.categoryCode,
    title: body.title,
    content: body.content,
    channel: body.channel,
    urgency: body.urgency,
    region_code: region.code,
    address: body.address,
    lat: body.lat ?? null,
    lon: body.lon ?? null,
    caller_name: body.anonymous ? null : (body.callerName ?? null),
    caller_phone: body.anonymous ? null : (body.callerPhone ?? null),
    caller_id_number: body.anonymous ? null : (body.callerIdNumber ?? null),
    anonymous: body.anonymous,
    applicant_id: null,
    case_number: body.caseNumber ?? null,
    clerk_id: body.clerkId ?? null,
  };
  return registerTicket(db, by, fields, {
    before: async (tx) => {
      if (!body.callId) return;
      const call = await repo.getCall(tx, body.callId);
      if (!call) throw fieldError('callId', '话单不存在');
      if (call.ticket_id) throw fieldError('callId', '该话单已关联工单');
    },
    then: async (tx, t) => {
      if (body.callId) await repo.linkCall(tx, body.callId, t.id);
      return ticketView(tx, actor, t, ctx.now, null);
    },
    audit: { callId: body.callId ?? null },
  });
}

const REQUIRED_MESSAGES: Record<Exclude<Requirement, 'satisfaction'>, [keyof ActionBody, string]> = {
  text: ['text', '请填写答复内容'],
  reason: ['reason', '请填写理由'],
  unit: ['unit', '请选择承办单位'],
  days: ['days', '请填写延期天数'],
  mainTicket: ['mainTicketId', '请选择并入的主工单'],
};

/** How an action finds its ticket, and what the actor is for it (staff by their reach, a citizen its own). */
export interface ActingOn {
  load: (tx: Tx) => Promise<repo.TicketRow | undefined>;
  performers: (t: repo.TicketRow) => Performer[];
  /** The actor's handling unit (a unit's actions), or null. */
  unit: Unit | null;
  /** The tickets the actor reaches (the main ticket of a merge), or null. */
  reach: repo.TicketScope | null;
}

/** Takes an action on a ticket: `transition()` decides, this writes it (409 when the version moved on). */
export async function actOnTicket(db: Db, ctx: Ctx, id: string, body: ActionBody): Promise<TicketView> {
  const { actor, now } = ctx;
  const unit = await actorUnit(db, actor);
  const reach = reachOf(actor, unit);
  const how: ActingOn = {
    load: (tx) => repo.getTicket(tx, id, reach),
    performers: (t) => performersOn(actor, t, unit),
    unit,
    reach,
  };
  return takeAction(db, ctx, how, body, (tx, after) => ticketView(tx, actor, after, now, unit));
}

/** The one path of every action: load (404), version (409), transition (403, 409, 422), inputs (400), write, answer. */
export async function takeAction<T>(
  db: Db,
  ctx: Ctx,
  how: ActingOn,
  body: ActionBody,
  answer: (tx: Tx, after: repo.TicketRow) => Promise<T>,
): Promise<T> {
  const { actor, now } = ctx;
  const { unit } = how;
  const [settings, cal] = await Promise.all([settingsOf(db), loadCalendar(db)]);
  return db.transaction().execute(async (tx) => {
    const t = await how.load(tx);
    if (!t) throw notFound('工单');
    if (body.version !== t.version) throw staleVersion('工单', { current: t.version, submitted: body.version });
    const snapshot = {
      state: t.state as TicketState,
      previousState: t.previous_state as TicketState | null,
      type: t.type as TicketType,
      reopenCount: t.reopen_count,
    };
    const r = transition(snapshot, body.action, how.performers(t), settings, {
      satisfaction: body.satisfaction,
    });
    if (!r.ok) {
      if (r.code === 'role') throw forbidden(r.message);
      if (r.code === 'input') throw fieldError('satisfaction', r.message);
      if (r.code === 'type') throw unprocessable(r.message, [{ field: 'action', message: r.message }], 'ticket_type');
      throw conflict(r.message, 'ticket_state');
    }
    for (const req of r.action.requires ?? []) {
      if (req === 'satisfaction') continue;
      const [field, message] = REQUIRED_MESSAGES[req];
      if (body[field] === undefined) throw fieldError(field, message);
    }

    const set: repo.TicketUpdate = { state: r.to, previous_state: r.previousState, updated_at: now };
    let target: Unit | null = null;
    let note: string | null = body.reason ?? null;
    let extension: number | undefined;
    let main: repo.TicketRow | undefined;
    switch (r.action.action) {
      case 'answer':
        Object.assign(set, {
          reply_text: body.text,
          replied_at: now,
          answered_at_once: true,
          kb_entry_id: body.kbEntryId ?? null,
        });
        note = body.text ?? null;
        if (body.kbEntryId) await countKbUse(tx, body.kbEntryId, 'kbEntryId');
        break;
      case 'dispatch':
      case 'redispatch': {
        target = await requireUnit(tx, body.unit!);
        if (r.action.action === 'redispatch') {
          const problem = redispatchProblem(unit!, target);
          if (problem) throw unprocessable(problem, [{ field: 'unit.code', message: problem }], 'redispatch_target');
        }
        Object.assign(set, unitColumns(target), {
          first_unit_code: t.first_unit_code ?? target.code,
          sign_due_at: new Date(now.getTime() + settings.signHours * HOUR),
          signed_at: null,
        });
        break;
      }
      case 'sign':
        set.signed_at = now;
        break;
      case 'accept-return':
        Object.assign(set, unitColumns(null), { sign_due_at: null, signed_at: null });
        break;
      case 'request-extension':
        set.pending_extension = body.days!;
        note = `${body.reason}（申请延期 ${body.days} ${t.limit_unit === 'hours' ? '天（按小时计）' : '个工作日'}）`;
        break;
      case 'approve-extension':
        extension = (t.pending_extension ?? 0) * (t.limit_unit === 'hours' ? 24 : 1);
        set.pending_extension = null;
        break;
      case 'refuse-extension':
        set.pending_extension = null;
        break;
      case 'reply':
        Object.assign(set, { reply_text: body.text, reply_file_ids: body.fileIds, replied_at: now });
        note = body.text ?? null;
        break;
      case 'callback':
        Object.assign(set, {
          satisfaction: body.satisfaction,
          solved: body.solved ?? body.satisfaction !== 'unsatisfied',
        });
        if (r.reopened) set.reopen_count = t.reopen_count + 1;
        note = body.reason ?? null;
        break;
      case 'merge': {
        main = how.reach ? await repo.getTicket(tx, body.mainTicketId!, how.reach) : undefined;
        if (!main) throw fieldError('mainTicketId', '主工单不存在或不在您的数据范围内');
        if (main.id === t.id) throw fieldError('mainTicketId', '不能并入自身');
        if (FINISHED_STATES.includes(main.state as TicketState))
          throw fieldError('mainTicketId', `主工单 ${main.number} 已办结或已并单，不能并入`);
        set.merged_into = main.id;
        note = `并入工单 ${main.number}`;
        break;
      }
    }
    const limit =
      r.clock === 'restart' ? limitFor(settings.limits, snapshot.type, t.urgency as 'normal' | 'urgent') : undefined;
    Object.assign(set, applyClock(cal, clockOf(t), r.clock, now, { extension, limit }));

    const after = await repo.updateTicket(tx, t.id, t.version, set);
    if (!after) throw staleVersion('工单', { current: t.version + 1, submitted: body.version });
    await repo.insertEvent(tx, {
      ticket_id: t.id,
      action: r.action.action,
      from_state: r.from,
      to_state: r.to,
      actor_id: actor.id,
      actor_name: actor.name,
      unit_code: target?.code ?? null,
      unit_name: target?.name ?? null,
      note,
      data: JSON.stringify({
        satisfaction: body.satisfaction ?? null,
        solved: set.solved ?? null,
        days: body.days ?? null,
        reopened: r.reopened,
        fileIds: body.fileIds,
      }),
      at: now,
    });
    let merged: { id: string; number: string }[] = [];
    if (r.to === 'closed') {
      merged = await repo.closeMerged(tx, t.id, {
        state: 'closed',
        reply_text: after.reply_text,
        replied_at: after.replied_at,
        finished_at: now,
        updated_at: now,
      });
    }
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: `hotline.ticket.${r.action.action}`,
      entityType: 'hotline_ticket',
      entityId: t.id,
      before: { state: t.state, version: t.version, unit: t.unit_code },
      after: {
        state: after.state,
        version: after.version,
        unit: after.unit_code,
        note,
        reopened: r.reopened,
        mergedInto: main?.id ?? null,
        closedWithIt: merged.map((m) => m.number),
      },
    });
    return answer(tx, after);
  });
}
