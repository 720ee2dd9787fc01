/** Reading tickets: the list row and the full view as the actor may see them (caller masked or hidden). */
import type { Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { maskIdNumber, maskName, maskPhone } from '../../platform/mask';
import { loadCalendar } from '../calendar/index';
import { deadlineOf, type TicketClock } from './hotline.clock';
import { actorUnit, categoriesOf, hotlineCache, reachOf, settingsOf } from './hotline.context';
import { categoryPath, suggestRule, type Unit } from './hotline.dispatch';
import { actionOf, availableActions, STATE_LABELS, type TicketState } from './hotline.process';
import { callerView, isCentre, performersOn } from './hotline.policy';
import * as repo from './hotline.repository';
import type { TicketListQuery, TicketView } from './hotline.schemas';
import type { Channel, TicketType, UnitKind, Urgency } from './hotline.tables';
import { SIGN_OVERDUE_EVENT, SIGN_OVERDUE_LABEL } from './hotline.signing';

/** Events no action of the process records: registration and the sign-for job's. */
const SYSTEM_EVENT_LABELS: Record<string, string> = { register: '登记', [SIGN_OVERDUE_EVENT]: SIGN_OVERDUE_LABEL };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const rulesOf = (db: Db | Tx) => hotlineCache.get(db, 'rules', () => repo.listRules(db));

const unitView = (kind: UnitKind | null, code: string | null, name: string | null) =>
  kind && code ? { kind, code, name: name ?? code } : null;

function callerOf(actor: Actor, t: repo.TicketRow, masked: boolean) {
  const how = callerView(actor, t);
  if (how === 'hidden') return null;
  if (how === 'full' && !masked) return { name: t.caller_name, phone: t.caller_phone, idNumber: t.caller_id_number };
  // A unit calls the citizen back: it gets the phone in full in the view, never the ID number.
  return {
    name: maskName(t.caller_name),
    phone: masked ? maskPhone(t.caller_phone) : t.caller_phone,
    idNumber: maskIdNumber(t.caller_id_number),
  };
}

/** A ticket as a list shows it: the caller masked (or hidden from a unit). */
export function ticketItem(actor: Actor, t: repo.TicketRow) {
  return {
    id: t.id,
    number: t.number,
    type: t.type as TicketType,
    categoryCode: t.category_code,
    title: t.title,
    channel: t.channel as Channel,
    urgency: t.urgency as Urgency,
    regionCode: t.region_code,
    address: t.address,
    state: t.state as TicketState,
    stateLabel: STATE_LABELS[t.state as TicketState],
    unit: unitView(t.unit_kind, t.unit_code, t.unit_name),
    caller: callerOf(actor, t, true),
    dueAt: iso(t.due_at),
    createdAt: t.created_at.toISOString(),
  };
}

/** The columns of a ticket its clock is made of. */
export const CLOCK_COLUMNS = [
  'limit_unit',
  'limit_amount',
  'extension_amount',
  'clock_started_at',
  'paused_since',
  'paused_workdays',
  'paused_ms',
  'finished_at',
] as const;

export const clockOf = (t: Pick<repo.TicketRow, (typeof CLOCK_COLUMNS)[number]>): TicketClock => ({
  limit_unit: t.limit_unit,
  limit_amount: t.limit_amount,
  extension_amount: t.extension_amount,
  clock_started_at: t.clock_started_at,
  paused_since: t.paused_since,
  paused_workdays: t.paused_workdays,
  paused_ms: Number(t.paused_ms),
  finished_at: t.finished_at,
});

/** The full view of a ticket the actor reaches: deadline, history and what the actor may do now. */
export async function ticketView(
  db: Db | Tx,
  actor: Actor,
  t: repo.TicketRow,
  now: Date,
  unit: Unit | null,
  events?: repo.EventRow[],
): Promise<TicketView> {
  const [cal, settings, categories, history] = await Promise.all([
    loadCalendar(db),
    settingsOf(db),
    categoriesOf(db),
    events ?? repo.ticketEvents(db, t.id),
  ]);
  const snapshot = {
    state: t.state as TicketState,
    previousState: t.previous_state as TicketState | null,
    type: t.type as TicketType,
    reopenCount: t.reopen_count,
  };
  const actions = availableActions(snapshot, performersOn(actor, t, unit), settings);
  let suggestedUnit = null;
  if (t.state === 'registered' && isCentre(actor)) {
    const path = categoryPath(t.category_code, (c) => categories.get(c)?.parent_code);
    const r = suggestRule(await rulesOf(db), path, t.region_code);
    suggestedUnit = r ? unitView(r.unit_kind, r.unit_code, r.unit_name) : null;
  }
  const deadline = deadlineOf(cal, clockOf(t), now);
  const hidden = callerView(actor, t) === 'hidden';
  return {
    ...ticketItem(actor, t),
    caller: callerOf(actor, t, false),
    content: t.content,
    categoryName: categories.get(t.category_code)?.name ?? t.category_code,
    lat: t.lat,
    lon: t.lon,
    anonymous: t.anonymous,
    callerHidden: hidden,
    caseNumber: t.case_number,
    clerkId: t.clerk_id,
    firstUnitCode: t.first_unit_code,
    signDueAt: iso(t.sign_due_at),
    signedAt: iso(t.signed_at),
    reply: t.reply_text !== null ? { text: t.reply_text, fileIds: t.reply_file_ids, at: iso(t.replied_at) } : null,
    satisfaction: t.satisfaction as TicketView['satisfaction'],
    solved: t.solved,
    reopenCount: t.reopen_count,
    mergedInto: t.merged_into,
    answeredAtOnce: t.answered_at_once,
    kbEntryId: t.kb_entry_id,
    fileIds: t.file_ids,
    mediaUrl: t.media_url,
    suggestedUnit,
    deadline: { ...deadline, dueAt: deadline.dueAt.toISOString() },
    history: history.map((e) => ({
      action: e.action,
      label: actionOf(e.action)?.label ?? SYSTEM_EVENT_LABELS[e.action] ?? e.action,
      fromState: e.from_state,
      toState: e.to_state,
      actorName: e.actor_name,
      unitName: e.unit_name,
      note: e.note,
      at: e.at.toISOString(),
    })),
    availableActions: actions.map((a) => ({ action: a.action, label: a.label, requires: [...(a.requires ?? [])] })),
    version: t.version,
  };
}

/** A ticket as the actor sees it (404 outside its reach). */
export async function getTicketView(db: Db, actor: Actor, id: string, now: Date): Promise<TicketView> {
  const unit = await actorUnit(db, actor);
  const t = await repo.getTicket(db, id, reachOf(actor, unit));
  if (!t) throw notFound('工单');
  return ticketView(db, actor, t, now, unit);
}

/** The tickets the actor reaches: the centre's all, a unit's its own and below. */
export async function listTickets(db: Db, actor: Actor, query: TicketListQuery) {
  const unit = await actorUnit(db, actor);
  const { page, pageSize, ...filter } = query;
  const res = await repo.listTickets(db, reachOf(actor, unit), filter, { page, pageSize });
  return { total: res.total, page, pageSize, items: res.items.map((t) => ticketItem(actor, t)) };
}

/** A caller's earlier tickets (the operator's view while talking): the 20 latest. */
export async function callerTickets(db: Db | Tx, actor: Actor, phone: string) {
  const res = await repo.listTickets(db, reachOf(actor, null), { phone }, { page: 1, pageSize: 20 });
  return res.items.map((t) => ticketItem(actor, t));
}
