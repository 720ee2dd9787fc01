/**
 * The contract of the workflow engine (办件流程). Pure data and types: the cases module stores a
 * `CaseSnapshot`, asks `transition()` what an action does, and persists the result in one transaction.
 */
import type { CaseRole } from '../../platform/auth';

/** Stable status codes of the standard path; items may add their own step codes (e.g. `site_inspection`). */
export const STANDARD_STATUSES = [
  'draft', // 草稿
  'submitted', // 已提交，待预审
  'correction_requested', // 待补正（一次性告知）
  'prereviewed', // 预审通过，待受理
  'refused', // 不予受理
  'accepted', // 已受理，审查中
  'reviewed', // 审查通过，待决定
  'granted', // 准予许可，待制证
  'denied', // 不予许可（办结）
  'certificate_issued', // 已制证，待送达
  'completed', // 已办结
  'withdrawn', // 已撤回
  'suspended', // 特别程序中（暂停计时）
] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

/** API action names, exactly as `POST /api/cases/{id}/actions` takes them. */
export const STANDARD_ACTIONS = [
  'submit',
  'prereview-pass',
  'request-correction',
  'resubmit',
  'refuse',
  'accept',
  'review-pass',
  'return',
  'grant',
  'deny',
  'suspend',
  'resume',
  'issue-certificate',
  'deliver',
  'withdraw',
] as const;
export type StandardAction = (typeof STANDARD_ACTIONS)[number];

/** Who takes an action: a staff role, or `owner` (the applicant or agent who filed the case). */
export type Performer = CaseRole | 'owner';

/** What an action does to the working-day clock. */
export type ClockEffect = 'start' | 'stop' | 'resume' | 'end' | null;

/** Inputs an action demands beyond the comment; the cases service validates and records them. */
export type ActionRequirement =
  | 'reason' // 理由（退回、不予受理、不予许可）
  | 'corrections' // 补正清单 [{materialId, problem}]
  | 'suspension' // 特别程序 {kind, reason, expectedDays}
  | 'delivery' // 送达 {method: 'window' | 'express', carrier?, trackingNumber?}
  | 'certificate'; // 证照 {number?}

export interface StepDefinition {
  /** Status code while the case is at this step: lowercase, `[a-z][a-z0-9_]*`. */
  code: string;
  label: string;
  /** Working-day limit for this step (环节时限); absent = no own limit. */
  limitDays?: number;
  /** Terminal steps end the case. */
  terminal?: boolean;
  /** The clock does not run while the case sits here (e.g. waiting for the applicant's correction). */
  clockStopped?: boolean;
}

export interface ActionDefinition {
  action: string;
  label: string;
  from: string[];
  /** Target status; `@previous` returns to the status the case was suspended from (used by `resume`). */
  to: string;
  performers: Performer[];
  requires?: ActionRequirement[];
  clock?: ClockEffect;
}

/** A process definition 流程定义, versioned with the item (stored inside the item's guide). */
export interface ProcessDefinition {
  /** `standard` (承诺件) or `immediate` (即办件) default, or a custom key. */
  key: string;
  name: string;
  initial: string;
  steps: StepDefinition[];
  actions: ActionDefinition[];
}

/** What the engine needs to know about a case. */
export interface CaseSnapshot {
  status: string;
  /** The status to return to on `resume` while `status === 'suspended'`. */
  suspendedFrom: string | null;
}

export interface ActorContext {
  /** Staff roles of the actor, plus `owner` when the actor filed the case. */
  performers: Performer[];
}

export interface TransitionOk {
  ok: true;
  status: string;
  suspendedFrom: string | null;
  fromStatus: string;
  action: ActionDefinition;
  clock: ClockEffect;
  terminal: boolean;
}

export interface TransitionRefused {
  ok: false;
  /** `unknown_action` → 400, `state` → 409, `role` → 403. */
  code: 'unknown_action' | 'state' | 'role';
  message: string;
}

export type TransitionResult = TransitionOk | TransitionRefused;

/** One clock-relevant event of a case's history, dated as an Asia/Shanghai civil day. */
export interface ClockEvent {
  on: string; // YYYY-MM-DD
  clock: ClockEffect;
}

export type DeadlineState = 'not_started' | 'on_time' | 'near' | 'overdue' | 'suspended' | 'finished';

export interface ClockLimits {
  promisedDays: number;
  statutoryDays: number;
}

export interface ClockView {
  acceptedOn: string | null;
  finishedOn: string | null;
  /** Deadlines extended by the working days spent in special procedures (特别程序不计时). */
  promisedDeadline: string | null;
  statutoryDeadline: string | null;
  /** A deadline falls in (or the span crosses) a year whose calendar is not published yet. */
  provisional: boolean;
  /** Working days spent suspended so far. */
  suspendedWorkdays: number;
  /** Working days left until the promised deadline (negative when overdue); null before acceptance. */
  remainingWorkingDays: number | null;
  state: DeadlineState;
  /** Whether the promised deadline was met, once finished. */
  onTime: boolean | null;
}
