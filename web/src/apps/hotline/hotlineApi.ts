/** Names of the hotline's JSON (from the generated API schema), who may do what in the pages, and labels. */
import type { Body, Res, Row } from '../../shared/client';
import type { User } from '../../shared/types';

export type Ticket = Res<'/api/hotline/tickets/{id}'>;
export type TicketRow = Row<'/api/hotline/tickets'>;
export type TicketType = Ticket['type'];
export type TicketState = Ticket['state'];
export type DeadlineState = Ticket['deadline']['state'];
export type UnitRef = NonNullable<Body<'/api/hotline/dispatch-rules', 'put'>['unit']>;
export type ActionBody = Body<'/api/hotline/tickets/{id}/actions'>;
export type Satisfaction = NonNullable<ActionBody['satisfaction']>;
export type Category = Res<'/api/hotline/categories'>[number];
export type Rule = Res<'/api/hotline/dispatch-rules'>[number];
export type KbEntry = Row<'/api/hotline/kb'>;
export type KbView = Res<'/api/hotline/kb/{id}'>;
export type KbState = KbEntry['state'];
export type KbAction = Body<'/api/hotline/kb/{id}/actions'>['action'];
export type FigureRow = Res<'/api/hotline/figures'>[number];
export type CreateTicket = Body<'/api/hotline/tickets'>;

export const TICKET_TYPES: TicketType[] = ['consult', 'help', 'complaint', 'report', 'suggestion', 'praise'];
export const TICKET_STATES: TicketState[] = [
  'registered',
  'dispatched',
  'handling',
  'return_pending',
  'extension_pending',
  'replied',
  'callback',
  'closed',
  'merged',
];
export const SATISFACTIONS: Satisfaction[] = ['satisfied', 'basically', 'unsatisfied'];
export const KB_STATES: KbState[] = ['draft', 'review', 'published', 'withdrawn'];
/** The knowledge base's workflow actions by the state they start from. */
export const KB_ACTIONS_FROM: Record<KbState, KbAction[]> = {
  draft: ['submit'],
  review: ['publish', 'return'],
  published: ['withdraw'],
  withdrawn: ['restore'],
};
/** 退单 and 并单 hand the ticket away from the one acting: they ask for confirmation. */
export const CONFIRMED_ACTIONS = new Set(['return', 'merge']);

/** What the signed-in person does on the hotline: the centre (operators and chief) or a unit. */
export function hlRoles(user: User | null) {
  const has = (...r: string[]) => !!user && user.roles.some((x) => r.includes(x));
  return {
    /** 话务员 and 热线中心: register, answer, dispatch, call back; the console. */
    centre: has('operator', 'hotline'),
    /** 热线中心: decides returns and extensions, reviews, keeps rules and the knowledge base. */
    chief: has('hotline'),
    /** 承办人员: the unit's inbox. */
    unit: has('handler'),
  };
}

const PAUSED_STATES: TicketState[] = ['return_pending', 'extension_pending', 'replied'];
const FINISHED_STATES: TicketState[] = ['callback', 'closed', 'merged'];

/**
 * The deadline state of a list row, from its state and due instant (a list row carries no clock): the last
 * fifth of the time from registration to the due instant counts as near, as the server's clock counts it.
 */
export function rowDeadline(row: Pick<TicketRow, 'state' | 'dueAt' | 'createdAt'>, now: number): DeadlineState {
  if (FINISHED_STATES.includes(row.state)) return 'finished';
  if (PAUSED_STATES.includes(row.state) || !row.dueAt) return 'paused';
  const due = Date.parse(row.dueAt);
  if (now > due) return 'overdue';
  return due - now <= (due - Date.parse(row.createdAt)) / 5 ? 'near' : 'normal';
}
