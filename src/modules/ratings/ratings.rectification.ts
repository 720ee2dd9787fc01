/**
 * The rectification 差评整改 of a bad rating — a pure state machine, tested beside this file.
 *
 *   pending_check ─check valid▶ rectifying (deadline = N working days)
 *   pending_check ─check invalid (reason)▶ invalid_review ─review confirm▶ closed_invalid
 *                                                         └review reject▶ rectifying
 *   rectifying ─extend (once, reason, +N working days, before the deadline)▶ rectifying
 *   rectifying ─sweep, today after the deadline▶ overdue
 *   rectifying | overdue ─callback 回访▶ closed (an overdue one stays marked as late)
 *   any open state ─appeal upheld 申诉成立▶ closed_invalid
 */
import type { RectificationRow } from './ratings.repository';

export const RECTIFICATION_STATUSES = [
  'pending_check',
  'invalid_review',
  'rectifying',
  'overdue',
  'closed',
  'closed_invalid',
] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  pending_check: '待核实',
  invalid_review: '无效差评待复核',
  rectifying: '整改中',
  overdue: '整改超期',
  closed: '已办结',
  closed_invalid: '无效差评已关闭',
};

export const OPEN_STATUSES: readonly RectificationStatus[] = [
  'pending_check',
  'invalid_review',
  'rectifying',
  'overdue',
];

export type RectificationAction = 'check' | 'review' | 'extend' | 'callback' | 'overdue' | 'appeal_upheld';

export const ACTION_LABELS: Record<RectificationAction, string> = {
  check: '核实差评',
  review: '复核无效差评',
  extend: '延期整改',
  callback: '回访',
  overdue: '超期标记',
  appeal_upheld: '申诉成立',
};

export interface RectificationState {
  status: RectificationStatus;
  deadline: string | null;
  extended: boolean;
}

export type RectificationInput =
  | { action: 'check'; valid: boolean }
  | { action: 'review'; confirmInvalid: boolean }
  | { action: 'extend'; today: string }
  | { action: 'callback' }
  | { action: 'overdue'; today: string }
  | { action: 'appeal_upheld' };

export type Step =
  | {
      ok: true;
      status: RectificationStatus;
      /** A new deadline has to be computed: from today (start) or from the old deadline (extend). */ deadline:
        'start' | 'extend' | null;
    }
  | { ok: false; reason: string };

const no = (reason: string): Step => ({ ok: false, reason });

export function step(s: RectificationState, input: RectificationInput): Step {
  const label = RECTIFICATION_STATUS_LABELS[s.status];
  switch (input.action) {
    case 'check':
      if (s.status !== 'pending_check') return no(`整改当前为「${label}」，已核实过`);
      return input.valid
        ? { ok: true, status: 'rectifying', deadline: 'start' }
        : { ok: true, status: 'invalid_review', deadline: null };
    case 'review':
      if (s.status !== 'invalid_review') return no(`整改当前为「${label}」，没有待复核的无效认定`);
      return input.confirmInvalid
        ? { ok: true, status: 'closed_invalid', deadline: null }
        : { ok: true, status: 'rectifying', deadline: 'start' };
    case 'extend':
      if (s.status !== 'rectifying') return no(`整改当前为「${label}」，不能延期`);
      if (s.extended) return no('每件整改只能延期一次');
      if (s.deadline && input.today > s.deadline) return no('已过整改期限，不能再申请延期');
      return { ok: true, status: 'rectifying', deadline: 'extend' };
    case 'callback':
      if (s.status !== 'rectifying' && s.status !== 'overdue') return no(`整改当前为「${label}」，不能回访办结`);
      return { ok: true, status: 'closed', deadline: null };
    case 'overdue':
      if (s.status !== 'rectifying') return no(`整改当前为「${label}」`);
      if (!s.deadline || input.today <= s.deadline) return no('尚未超过整改期限');
      return { ok: true, status: 'overdue', deadline: null };
    case 'appeal_upheld':
      if (!OPEN_STATUSES.includes(s.status)) return no(`整改当前为「${label}」`);
      return { ok: true, status: 'closed_invalid', deadline: null };
  }
}

/** Actions that make sense in a state (for the UI's buttons). */
export type UserAction = 'check' | 'review' | 'extend' | 'callback';

export function availableActions(s: RectificationState, today: string): UserAction[] {
  const all: (RectificationInput & { action: UserAction })[] = [
    { action: 'check', valid: true },
    { action: 'review', confirmInvalid: true },
    { action: 'extend', today },
    { action: 'callback' },
  ];
  return all.filter((i) => step(s, i).ok).map((i) => i.action);
}

/** A step a staff member sends, at the version they saw. */
export type RectificationBody =
  | { action: 'check'; version: number; valid: boolean; reason?: string }
  | { action: 'review'; version: number; confirmInvalid: boolean; comment?: string }
  | { action: 'extend'; version: number; reason: string; days?: number }
  | {
      action: 'callback';
      version: number;
      method: string;
      result: string;
      measures?: string;
      applicantSatisfied: boolean;
    };

/** The state machine's input for a step a staff member sends. */
export function inputOf(body: RectificationBody, today: string): RectificationInput {
  switch (body.action) {
    case 'check':
      return { action: 'check', valid: body.valid };
    case 'review':
      return { action: 'review', confirmInvalid: body.confirmInvalid };
    case 'extend':
      return { action: 'extend', today };
    case 'callback':
      return { action: 'callback' };
  }
}

/**
 * What a check, review or callback records: who took it, when, and what they said (a step that closes the
 * rectification also sets `closed_at`). The status comes from `step`, an extension's days and deadline from
 * the calendar.
 */
export function recordOf(
  body: RectificationBody,
  by: { id: string; name: string },
  now: Date,
): Partial<Omit<RectificationRow, 'id' | 'version'>> {
  switch (body.action) {
    case 'check':
      return {
        check_valid: body.valid,
        check_reason: body.reason || null,
        checked_by: by.id,
        checked_by_name: by.name,
        checked_at: now,
      };
    case 'review':
      return {
        review_confirm: body.confirmInvalid,
        review_comment: body.comment || null,
        reviewed_by: by.id,
        reviewed_by_name: by.name,
        reviewed_at: now,
        ...(body.confirmInvalid ? { closed_at: now } : {}),
      };
    case 'extend':
      return { extended: true, extension_reason: body.reason };
    case 'callback':
      return {
        callback_by: by.id,
        callback_by_name: by.name,
        callback_at: now,
        callback_method: body.method,
        callback_result: body.result,
        measures: body.measures || null,
        applicant_satisfied: body.applicantSatisfied,
        closed_at: now,
      };
  }
}
