/**
 * Sign-for 签收: a dispatched ticket is due to be signed for `sign_hours` after dispatch. Pure: whether a
 * ticket is past its sign-for time at an instant, and how that is told in its history. The job that records
 * it is `hotline.jobs.ts`; supervision reads it through the facade (`hotline.watch.ts`).
 */

/** The history event the sign-for job records (once per dispatch). */
export const SIGN_OVERDUE_EVENT = 'sign-overdue';
export const SIGN_OVERDUE_LABEL = '超时未签收';

export interface SignFacts {
  state: string;
  signed_at: Date | null;
  sign_due_at: Date | null;
}

/** Whether the ticket waits to be signed for past its sign-for time at `now`. */
export const isSignOverdue = (t: SignFacts, now: Date): boolean =>
  t.state === 'dispatched' && t.signed_at === null && t.sign_due_at !== null && t.sign_due_at < now;

/** Whether the ticket was signed for after its sign-for time. */
export const wasSignedLate = (t: SignFacts): boolean =>
  t.signed_at !== null && t.sign_due_at !== null && t.signed_at > t.sign_due_at;

/** An instant as the hotline writes it in Chinese text: Asia/Shanghai, to the minute (2026-11-03 10:00). */
export const shanghaiMinute = (d: Date): string =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The note of the sign-for event. */
export const signOverdueNote = (unitName: string | null, due: Date): string =>
  `${unitName ?? '承办单位'}超过签收时限（${shanghaiMinute(due)}）未签收`;
