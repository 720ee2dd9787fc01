/**
 * The ticket process of the 12345 hotline 工单流程, as data, and the pure rule that applies it
 * (`transition`). No I/O: the service loads a ticket, asks `transition()` what an action does, and
 * writes the answer in one version-checked statement. The same shape as the workflow engine's.
 *
 *   登记 registered ──直接答复 answer (咨询)──────────────────────────────▶ 办结 closed
 *        │ 派单 dispatch                                                     ▲
 *        ▼                                                                  │
 *   待签收 dispatched ─签收 sign─▶ 办理中 handling ─答复 reply─▶ 待审核 replied ─审核通过─▶ 待回访 callback
 *        ▲   │ 退单 return            │ ▲  申请延期              │ 审核退回                │ 回访
 *        │   ▼                        ▼ │                       ▼                        │
 *        │ 退单待审 return_pending   延期待批 extension_pending   办理中 ◀──不满意 重办──┘
 *   二次派单 redispatch (a county to its towns, from handling)
 *   同意退单 → registered (back to the centre); 驳回退单 → the state it was returned from
 *   并单 merge: registered/dispatched → merged (follows its main ticket)
 */
import type { TicketType } from './hotline.tables';

export const TICKET_STATES = [
  'registered',
  'dispatched',
  'handling',
  'return_pending',
  'extension_pending',
  'replied',
  'callback',
  'closed',
  'merged',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const STATE_LABELS: Record<TicketState, string> = {
  registered: '待派单',
  dispatched: '待签收',
  handling: '办理中',
  return_pending: '退单待审',
  extension_pending: '延期待批',
  replied: '待审核',
  callback: '待回访',
  closed: '已办结',
  merged: '已并单',
};

/**
 * Who takes an action: `operator` 话务员 (and the centre's chief), `chief` 热线中心 only, `unit` the
 * ticket's current handling unit, `county` the current unit when it is a county (二次派单 to its towns),
 * `filer` the citizen who filed the ticket on the portal (回访 online).
 */
export type Performer = 'operator' | 'chief' | 'unit' | 'county' | 'filer';

/** What an action does to the 2·20 clock. */
/** `restart`: a reopened ticket (重办) gets a fresh limit from the callback on. */
export type ClockEffect = 'pause' | 'resume' | 'end' | 'extend' | 'restart' | null;

/** Inputs an action demands; the service validates and records them. */
export type Requirement = 'text' | 'reason' | 'unit' | 'days' | 'satisfaction' | 'mainTicket';

export const PREVIOUS = '@previous';

export interface ActionDefinition {
  action: string;
  label: string;
  from: readonly TicketState[];
  to: TicketState | typeof PREVIOUS;
  performers: readonly Performer[];
  requires?: readonly Requirement[];
  clock?: ClockEffect;
  /** Only for these ticket types (直接答复: consultations only). */
  types?: readonly TicketType[];
  /** An unsatisfied callback goes here instead of `to` while reopens are left (重办). */
  reopenTo?: TicketState;
}

export const ACTIONS: readonly ActionDefinition[] = [
  {
    action: 'answer',
    label: '直接答复',
    from: ['registered'],
    to: 'closed',
    performers: ['operator'],
    requires: ['text'],
    clock: 'end',
    types: ['consult'],
  },
  {
    action: 'dispatch',
    label: '派单',
    from: ['registered'],
    to: 'dispatched',
    performers: ['operator'],
    requires: ['unit'],
  },
  { action: 'sign', label: '签收', from: ['dispatched'], to: 'handling', performers: ['unit'] },
  {
    action: 'redispatch',
    label: '二次派单',
    from: ['handling'],
    to: 'dispatched',
    performers: ['county'],
    requires: ['unit'],
  },
  {
    action: 'return',
    label: '退单',
    from: ['dispatched', 'handling'],
    to: 'return_pending',
    performers: ['unit'],
    requires: ['reason'],
    clock: 'pause',
  },
  {
    action: 'accept-return',
    label: '同意退单',
    from: ['return_pending'],
    to: 'registered',
    performers: ['chief'],
    clock: 'resume',
  },
  {
    action: 'reject-return',
    label: '驳回退单',
    from: ['return_pending'],
    to: PREVIOUS,
    performers: ['chief'],
    requires: ['reason'],
    clock: 'resume',
  },
  {
    action: 'request-extension',
    label: '申请延期',
    from: ['handling'],
    to: 'extension_pending',
    performers: ['unit'],
    requires: ['reason', 'days'],
    clock: 'pause',
  },
  {
    action: 'approve-extension',
    label: '同意延期',
    from: ['extension_pending'],
    to: 'handling',
    performers: ['chief'],
    clock: 'extend',
  },
  {
    action: 'refuse-extension',
    label: '不同意延期',
    from: ['extension_pending'],
    to: 'handling',
    performers: ['chief'],
    requires: ['reason'],
    clock: 'resume',
  },
  {
    action: 'reply',
    label: '答复',
    from: ['handling'],
    to: 'replied',
    performers: ['unit'],
    requires: ['text'],
    clock: 'pause',
  },
  { action: 'review-pass', label: '审核通过', from: ['replied'], to: 'callback', performers: ['chief'], clock: 'end' },
  {
    action: 'review-return',
    label: '审核退回',
    from: ['replied'],
    to: 'handling',
    performers: ['chief'],
    requires: ['reason'],
    clock: 'resume',
  },
  {
    action: 'callback',
    label: '回访',
    from: ['callback'],
    to: 'closed',
    reopenTo: 'handling',
    performers: ['operator', 'filer'],
    requires: ['satisfaction'],
  },
  {
    action: 'merge',
    label: '并单',
    from: ['registered', 'dispatched'],
    to: 'merged',
    performers: ['operator'],
    requires: ['mainTicket'],
    clock: 'end',
  },
];

export const ACTION_NAMES = ACTIONS.map((a) => a.action) as [string, ...string[]];

export const SATISFACTIONS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意',
};

/** What `transition` needs to know of a ticket. */
export interface TicketSnapshot {
  state: TicketState;
  /** The state a pending return came from (驳回退单 goes back there). */
  previousState: TicketState | null;
  type: TicketType;
  reopenCount: number;
}

/** The callback's answer, when the action is `callback`. */
export interface TransitionInput {
  satisfaction?: Satisfaction;
}

export interface ProcessSettings {
  /** How many times an unsatisfied callback may reopen a ticket (重办次数上限). */
  maxReopens: number;
}

export interface TransitionOk {
  ok: true;
  action: ActionDefinition;
  from: TicketState;
  to: TicketState;
  /** The state to remember for a later `@previous` (set when entering return_pending), else null. */
  previousState: TicketState | null;
  clock: ClockEffect;
  /** An unsatisfied callback reopened the ticket (重办). */
  reopened: boolean;
}
export interface TransitionRefused {
  ok: false;
  code: 'unknown_action' | 'state' | 'type' | 'role' | 'input';
  message: string;
}
export type TransitionResult = TransitionOk | TransitionRefused;

const PERFORMER_LABELS: Record<Performer, string> = {
  operator: '话务员或热线中心',
  chief: '热线中心',
  unit: '承办单位',
  county: '县区承办单位',
  filer: '提出诉求的市民',
};
const TYPE_WORDS: Partial<Record<TicketType, string>> = { consult: '咨询' };

export const actionOf = (name: string) => ACTIONS.find((a) => a.action === name);

/** What `action` does to a ticket when taken by an actor who is `performers` for it; or why not. */
export function transition(
  snapshot: TicketSnapshot,
  action: string,
  performers: readonly Performer[],
  settings: ProcessSettings,
  input: TransitionInput = {},
): TransitionResult {
  const a = actionOf(action);
  if (!a) return { ok: false, code: 'unknown_action', message: `未知的操作「${action}」` };
  if (!a.from.includes(snapshot.state)) {
    return {
      ok: false,
      code: 'state',
      message: `工单当前为「${STATE_LABELS[snapshot.state]}」，不能执行「${a.label}」`,
    };
  }
  if (a.types && !a.types.includes(snapshot.type)) {
    const words = a.types.map((t) => TYPE_WORDS[t] ?? t).join('、');
    return { ok: false, code: 'type', message: `「${a.label}」仅适用于${words}类工单` };
  }
  if (!a.performers.some((p) => performers.includes(p))) {
    return {
      ok: false,
      code: 'role',
      message: `「${a.label}」只能由${a.performers.map((p) => PERFORMER_LABELS[p]).join('或')}执行`,
    };
  }
  let to: TicketState;
  if (a.to === PREVIOUS) {
    if (!snapshot.previousState)
      return { ok: false, code: 'state', message: `工单没有记录退单前的环节，无法「${a.label}」` };
    to = snapshot.previousState;
  } else to = a.to;
  let reopened = false;
  if (a.requires?.includes('satisfaction')) {
    if (!input.satisfaction) return { ok: false, code: 'input', message: '请填写满意度' };
    if (input.satisfaction === 'unsatisfied' && a.reopenTo && snapshot.reopenCount < settings.maxReopens) {
      to = a.reopenTo;
      reopened = true;
    }
  }
  return {
    ok: true,
    action: a,
    from: snapshot.state,
    to,
    previousState: to === 'return_pending' ? snapshot.state : null,
    clock: reopened ? 'restart' : (a.clock ?? null),
    reopened,
  };
}

/** The actions an actor may take on a ticket now (the buttons it is offered), in definition order. */
export function availableActions(
  snapshot: TicketSnapshot,
  performers: readonly Performer[],
  settings: ProcessSettings,
): ActionDefinition[] {
  return ACTIONS.filter((a) => transition(snapshot, a.action, performers, settings, { satisfaction: 'satisfied' }).ok);
}

/** A ticket in one of these states is finished: nothing runs any more. */
export const FINISHED_STATES: readonly TicketState[] = ['closed', 'merged'];
/** States in which the clock stands still (a return, an extension or a reply awaits the centre). */
export const PAUSED_STATES: readonly TicketState[] = ['return_pending', 'extension_pending', 'replied'];
/** States in which a unit holds the ticket (its 在办). */
export const UNIT_STATES: readonly TicketState[] = [
  'dispatched',
  'handling',
  'return_pending',
  'extension_pending',
  'replied',
];
