/**
 * Who may do what on the 12345 hotline — pure rules, tested beside this file.
 *
 * - Operators 话务员 register tickets, answer consultations at once, dispatch, merge and call back.
 * - The centre 热线中心 (`hotline`) does all that and decides returns, extensions and replies (审核),
 *   and keeps the dispatch rules, the knowledge base and the limits 办理时限设置 (operators read them).
 * - Handlers 承办人员 work the tickets of their unit: a department when they belong to one, else their
 *   region's government; they see what was dispatched to their unit or below it (404 otherwise).
 * - The reporter of a 举报, and an anonymous caller, never reach a unit; a unit sees the caller of any
 *   other ticket with the name masked (it may need to call back).
 */
import type { Actor } from '../../platform/auth';
import { hasRole } from '../../platform/auth';
import { anyRole, guard } from '../../platform/policy';
import { isCountyUnit, type Unit } from './hotline.dispatch';
import type { Performer } from './hotline.process';
import type { TicketType, UnitKind } from './hotline.tables';

export const isCentre = anyRole('operator', 'hotline');
export const isChief = anyRole('hotline');
export const isHandler = anyRole('handler');
export const canSeeTickets = (a: Actor) => isCentre(a) || isHandler(a);

export const assertSeesTickets = guard(canSeeTickets, '仅热线话务员、热线中心和承办单位人员可查看工单');
export const assertRegisters = guard(isCentre, '仅热线话务员和热线中心可登记工单');
export const assertReceivesCalls = guard(isCentre, '仅热线话务员和热线中心可登记话单');
export const assertKeepsRules = guard(isChief, '仅热线中心可维护派单规则');
export const assertReadsRules = guard(isCentre, '仅热线话务员和热线中心可查看派单规则');
export const assertEditsKb = guard(isChief, '仅热线中心可编辑知识库');
export const assertReadsKb = guard(canSeeTickets, '仅热线话务员、热线中心和承办单位人员可查阅知识库');
export const assertReadsSettings = guard(isCentre, '仅热线话务员和热线中心可查看办理时限设置');
export const assertKeepsSettings = guard(isChief, '仅热线中心负责人可修改办理时限设置');
export const assertKeepsOpen311Keys = guard(isChief, '仅热线中心可管理 Open311 接入密钥');
/** A citizen (a person's or a company's account) files and follows its own tickets on the portal. */
export const isFiler = anyRole('applicant');
export const assertFilesOnline = guard(isFiler, '仅个人或法人账号可在网上提交 12345 留言');

/** How an actor reaches tickets: the centre by where they are, a handler by the unit holding them. */
export function ticketReach(actor: Actor): 'centre' | 'unit' | null {
  if (isCentre(actor)) return 'centre';
  if (isHandler(actor)) return 'unit';
  return null;
}

/** The facts of a ticket the performers depend on. */
export interface TicketHolder {
  unit_kind: UnitKind | null;
  unit_code: string | null;
}

/** What the actor is for this ticket: the centre's roles, and the holding unit (a county's re-dispatch). */
export function performersOn(actor: Actor, ticket: TicketHolder, actorUnit: Unit | null): Performer[] {
  const out: Performer[] = [];
  if (isCentre(actor)) out.push('operator');
  if (isChief(actor)) out.push('chief');
  if (isHandler(actor) && actorUnit && ticket.unit_kind === actorUnit.kind && ticket.unit_code === actorUnit.code) {
    out.push('unit');
    if (isCountyUnit(actorUnit)) out.push('county');
  }
  return out;
}

/**
 * How much of the caller the actor may see: all of it (the centre), the masked name and the phone (a
 * unit, to call back), or nothing (a unit, for a 举报 or an anonymous caller).
 */
export function callerView(
  actor: Actor,
  ticket: { type: TicketType; anonymous: boolean },
): 'full' | 'masked' | 'hidden' {
  if (isCentre(actor)) return 'full';
  if (ticket.type === 'report' || ticket.anonymous) return 'hidden';
  return 'masked';
}

/** Whether the actor sees a unit's inbox rather than the centre's whole list. */
export const seesAsUnit = (actor: Actor) => !isCentre(actor) && hasRole(actor, 'handler');
