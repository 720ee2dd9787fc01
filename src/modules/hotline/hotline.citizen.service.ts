/** The portal's citizen channel: a signed-in applicant files, follows and evaluates its own tickets. */
import type { Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { loadCalendar } from '../calendar/index';
import { assertFilesOwnedBy } from '../files/index';
import { getAccount } from '../identity/index';
import { deadlineOf } from './hotline.clock';
import * as channels from './hotline.channels.repository';
import { canEvaluate, CITIZEN_STATUS, publicHistory, replyVisible } from './hotline.citizen';
import type { EvaluationBody, MyTicketBody, MyTicketQuery, MyTicketView } from './hotline.citizen.schemas';
import { categoriesOf, type Ctx } from './hotline.context';
import { titleFrom } from './hotline.open311';
import { hotlineArea } from './hotline.open311.service';
import { SATISFACTION_LABELS, type Satisfaction, type TicketState } from './hotline.process';
import { clockOf } from './hotline.read';
import * as repo from './hotline.repository';
import { TYPE_LABELS, type TicketType } from './hotline.tables';
import { registerTicket, requirePlace, takeAction } from './hotline.tickets';

/** How the history shows a step the citizen took (units never learn its name from there). */
const FILER_NAME = '市民（网上）';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function myItem(t: repo.TicketRow) {
  const state = t.state as TicketState;
  return {
    id: t.id,
    number: t.number,
    type: t.type as TicketType,
    typeLabel: TYPE_LABELS[t.type as TicketType],
    title: t.title,
    state,
    status: CITIZEN_STATUS[state],
    canEvaluate: canEvaluate(state),
    dueAt: iso(t.due_at),
    createdAt: t.created_at.toISOString(),
  };
}

async function myView(db: Db | Tx, t: repo.TicketRow, now: Date): Promise<MyTicketView> {
  const [cal, categories, events] = await Promise.all([
    loadCalendar(db),
    categoriesOf(db),
    repo.ticketEvents(db, t.id),
  ]);
  const deadline = deadlineOf(cal, clockOf(t), now);
  const satisfaction = t.satisfaction as Satisfaction | null;
  return {
    ...myItem(t),
    categoryCode: t.category_code,
    categoryName: categories.get(t.category_code)?.name ?? t.category_code,
    regionCode: t.region_code,
    address: t.address,
    content: t.content,
    anonymous: t.anonymous,
    channel: t.channel,
    fileIds: t.file_ids,
    deadline: { dueAt: deadline.dueAt.toISOString(), state: deadline.state, onTime: deadline.onTime },
    history: publicHistory(events),
    reply:
      replyVisible(t.state) && t.reply_text !== null
        ? { text: t.reply_text, fileIds: t.reply_file_ids, at: iso(t.replied_at) }
        : null,
    rating: satisfaction
      ? { satisfaction, satisfactionLabel: SATISFACTION_LABELS[satisfaction], solved: t.solved }
      : null,
    version: t.version,
  };
}

/** Files a ticket from the portal (channel web): the caller is the account, unless anonymous. */
export async function fileTicket(db: Db, ctx: Ctx, body: MyTicketBody): Promise<MyTicketView> {
  const { actor, now } = ctx;
  const { city } = await hotlineArea(db);
  const place = await requirePlace(db, body.categoryCode, body.regionCode, city?.scopePrefix ?? '');
  const account = await getAccount(db, actor.id);
  if (!account) throw notFound('账号');
  return registerTicket(
    db,
    { id: actor.id, name: FILER_NAME, audit: actor, ip: ctx.ip, now },
    {
      type: body.type,
      category_code: place.category.code,
      title: body.title || titleFrom(body.content),
      content: body.content,
      channel: 'web',
      urgency: 'normal',
      region_code: place.region.code,
      address: body.address,
      lat: null,
      lon: null,
      caller_name: body.anonymous ? null : account.name,
      caller_phone: body.anonymous ? null : account.phone,
      caller_id_number: body.anonymous ? null : (account.idNumber ?? account.creditCode),
      anonymous: body.anonymous,
      applicant_id: actor.id,
      case_number: null,
      clerk_id: null,
      file_ids: body.fileIds,
    },
    {
      before: async (tx) => {
        if (body.fileIds.length) await assertFilesOwnedBy(tx, actor.id, body.fileIds);
      },
      then: (tx, t) => myView(tx, t, now),
      audit: { fileIds: body.fileIds, anonymous: body.anonymous },
    },
  );
}

export async function listMyTickets(db: Db, actor: Actor, query: MyTicketQuery) {
  const { page, pageSize, state } = query;
  const res = await channels.listOwn(db, actor.id, { state }, { page, pageSize });
  return { total: res.total, page, pageSize, items: res.items.map(myItem) };
}

export async function getMyTicket(db: Db, actor: Actor, id: string, now: Date) {
  const t = await channels.ownTicket(db, actor.id, id);
  if (!t) throw notFound('工单');
  return myView(db, t, now);
}

/** The citizen's evaluation online: the 回访 itself, through the process (unsatisfied reopens). */
export async function evaluate(db: Db, ctx: Ctx, id: string, body: EvaluationBody): Promise<MyTicketView> {
  const filer = { ...ctx, actor: { ...ctx.actor, name: FILER_NAME } };
  return takeAction(
    db,
    filer,
    {
      load: (tx) => channels.ownTicket(tx, ctx.actor.id, id),
      performers: () => ['filer'],
      unit: null,
      reach: null,
    },
    {
      action: 'callback',
      version: body.version,
      satisfaction: body.satisfaction,
      solved: body.solved,
      reason: body.comment || undefined,
      fileIds: [],
    },
    (tx, after) => myView(tx, after, ctx.now),
  );
}
