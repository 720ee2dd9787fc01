/**
 * What a citizen sees of its own ticket on the portal — pure rules, tested beside this file: the state in
 * plain words, the public steps of its history (no staff names, no internal notes), and the reply once the
 * centre has reviewed it.
 */
import { SATISFACTION_LABELS, type Satisfaction, type TicketState } from './hotline.process';

export const CITIZEN_STATUS: Record<TicketState, string> = {
  registered: '已受理，等待转交承办单位',
  dispatched: '已转交承办单位，等待签收',
  handling: '承办单位正在办理',
  return_pending: '承办单位正在办理',
  extension_pending: '承办单位正在办理',
  replied: '承办单位已答复，热线中心正在审核',
  callback: '已答复，请您评价办理结果',
  closed: '已办结',
  merged: '已与相同诉求合并办理',
};

/** The event facts the public history needs. */
export interface EventFacts {
  action: string;
  unit_name: string | null;
  data: unknown;
  at: Date;
}

const satisfactionOf = (data: unknown): Satisfaction | null => {
  const s = (data as { satisfaction?: unknown } | null)?.satisfaction;
  return s === 'satisfied' || s === 'basically' || s === 'unsatisfied' ? s : null;
};

/** One event as the citizen reads it, or null when it is the centre's own business (returns, reviews…). */
export function publicStep(e: EventFacts): string | null {
  switch (e.action) {
    case 'register':
      return '诉求已受理';
    case 'answer':
      return '热线中心已直接答复';
    case 'dispatch':
    case 'redispatch':
      return e.unit_name ? `已转交${e.unit_name}办理` : '已转交承办单位办理';
    case 'sign':
      return '承办单位已签收';
    case 'approve-extension':
      return '办理时限已延长';
    case 'review-pass':
      return '承办单位已答复';
    case 'callback': {
      const s = satisfactionOf(e.data);
      const reopened = (e.data as { reopened?: unknown } | null)?.reopened === true;
      const rated = s ? `评价：${SATISFACTION_LABELS[s]}` : '已回访';
      return reopened ? `${rated}，已退回承办单位重新办理` : rated;
    }
    case 'merge':
      return '已与相同诉求合并办理';
    default:
      return null;
  }
}

export function publicHistory(events: readonly EventFacts[]) {
  return events.flatMap((e) => {
    const text = publicStep(e);
    return text ? [{ text, at: e.at.toISOString() }] : [];
  });
}

/** The reply is the citizen's once the centre passed it (or answered at once): never a draft under review. */
export const replyVisible = (state: string) => state === 'callback' || state === 'closed';

/** The citizen may evaluate online while the ticket awaits its callback 回访. */
export const canEvaluate = (state: string) => state === 'callback';
