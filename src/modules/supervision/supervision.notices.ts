/**
 * Telling the responsible unit 通知责任单位: in-app messages to the staff of a warning's department when
 * the card is raised (the sweep's notice pass) and when a supervisor decides it (also to whoever
 * explained). `warning_notices` holds one row per (warning, event), claimed in the same transaction as
 * the messages, so nobody is told twice and a failed pass is retried by the next sweep.
 */
import type { Db, Tx } from '../../platform/db';
import { listDepartmentStaff, type StaffContact } from '../identity/index';
import { notify } from '../notify/index';
import * as repo from './supervision.repository';
import type { WarningRow } from './supervision.repository';
import {
  decidedNotice,
  raisedDigest,
  raisedNotice,
  uniqueRecipients,
  type NoticeFacts,
} from './supervision.notice-text';

const BATCH = 200;
/** More new cards than this for one department in a batch are told in one digest message (no flooding on a backlog). */
export const DIGEST_OVER = 10;

const facts = (w: WarningRow, ruleName: string): NoticeFacts => ({
  subject: w.source === 'hotline' ? '工单' : '办件',
  caseNumber: w.case_number,
  itemName: w.item_name,
  level: w.level,
  ruleName,
  reason: w.reason,
  explainDue: w.explain_due,
  state: w.state,
  decidedByName: w.decided_by_name,
  decisionComment: w.decision_comment,
});

/** The case a message links to (a ticket's card links to none). */
const caseOf = (w: WarningRow): string | null => (w.source === 'case' ? w.case_id : null);

async function ruleNames(db: Db | Tx): Promise<Map<string, string>> {
  return new Map((await repo.listRules(db)).map((r) => [r.code, r.name]));
}

/** A department's staff, looked up once per pass. */
function staffCache(db: Db) {
  const cache = new Map<string, Promise<StaffContact[]>>();
  return (department: string) => {
    let p = cache.get(department);
    if (!p) cache.set(department, (p = listDepartmentStaff(db, { department })));
    return p;
  };
}

/**
 * Notifies every open warning not yet notified as raised; returns how many messages were sent. A
 * department with more than `digestOver` new cards in a batch gets one digest message per person.
 */
export async function notifyRaisedWarnings(db: Db, opts: { digestOver?: number } = {}): Promise<number> {
  const digestOver = opts.digestOver ?? DIGEST_OVER;
  const names = await ruleNames(db);
  const staffOf = staffCache(db);
  const factsOf = (w: WarningRow) => facts(w, names.get(w.rule) ?? w.rule);
  let sent = 0;
  for (let after: string | undefined; ;) {
    const batch = await repo.warningsAwaitingRaisedNotice(db, BATCH, after);
    if (!batch.length) break;
    after = batch[batch.length - 1]!.id;
    const recipients = new Map<string, string[]>();
    for (const w of batch)
      recipients.set(
        w.id,
        (await staffOf(w.department_code)).map((s) => s.id),
      );
    sent += await db.transaction().execute(async (tx) => {
      const claimed = await repo.claimNotices(
        tx,
        batch.map((w) => ({ warning_id: w.id, event: 'raised' as const, recipients: recipients.get(w.id)!.length })),
      );
      // Another node's pass may have claimed some first: those are left to it.
      const byDepartment = new Map<string, WarningRow[]>();
      for (const w of batch)
        if (claimed.has(w.id)) byDepartment.set(w.department_code, [...(byDepartment.get(w.department_code) ?? []), w]);
      let n = 0;
      for (const ws of byDepartment.values()) {
        const to = recipients.get(ws[0]!.id)!;
        if (!to.length) continue;
        const told =
          ws.length > digestOver
            ? [{ caseId: null, kind: 'supervision.warning.digest', ...raisedDigest(ws.map((w) => factsOf(w))) }]
            : ws.map((w) => ({ caseId: caseOf(w), kind: 'supervision.warning.raised', ...raisedNotice(factsOf(w)) }));
        for (const message of told)
          for (const userId of to) {
            await notify(tx, { userId, ...message });
            n++;
          }
      }
      return n;
    });
    if (batch.length < BATCH) break;
  }
  return sent;
}

/**
 * In the deciding transaction: tells the department's staff and whoever explained the outcome, once.
 * Returns how many were told (0 when this decision was already notified).
 */
export async function notifyDecision(
  tx: Tx,
  w: WarningRow,
  actor: { id: string; username: string },
  ip: string | null,
): Promise<number> {
  const staff = await listDepartmentStaff(tx, { department: w.department_code });
  const to = uniqueRecipients(
    staff.map((s) => s.id),
    [w.explained_by],
  ).filter((id) => id !== actor.id);
  const claimed = await repo.claimNotices(tx, [{ warning_id: w.id, event: 'decided', recipients: to.length }]);
  if (!claimed.has(w.id)) return 0;
  const text = decidedNotice(facts(w, (await ruleNames(tx)).get(w.rule) ?? w.rule));
  for (const userId of to)
    await notify(tx, { userId, caseId: caseOf(w), kind: 'supervision.warning.decided', ...text, actor, ip });
  return to.length;
}
