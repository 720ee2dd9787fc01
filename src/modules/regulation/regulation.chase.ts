/**
 * 推送催办: a push the regulator has not confirmed within the confirmation period is overdue and is
 * chased once per working day until confirmed. The period is a local rule (张家港 "双推送" asks for
 * real-time feedback; we give the regulator 3 working days to confirm receipt).
 */
export const CONFIRM_WORKDAYS = 3;

export type PushStatus = 'unassigned' | 'pushed' | 'received' | 'returned';

export interface ChaseFacts {
  status: PushStatus;
  /** Last day to confirm receipt (pushed day + CONFIRM_WORKDAYS working days). */
  dueOn: string | null;
  /** Day of the last reminder, if any. */
  remindedOn: string | null;
}

/** Overdue 逾期未签收: still unconfirmed after its due day. */
export function isOverdue(p: ChaseFacts, today: string): boolean {
  return p.status === 'pushed' && p.dueOn !== null && today > p.dueOn;
}

/** Whether to remind today: overdue, today is a working day, and not already reminded today. */
export function shouldRemind(p: ChaseFacts, today: string, todayIsWorkday: boolean): boolean {
  return todayIsWorkday && isOverdue(p, today) && (p.remindedOn === null || p.remindedOn < today);
}
