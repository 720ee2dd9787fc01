/**
 * Tolerance acceptance 容缺受理 + written promise 承诺 (C3, [000][004]): a material the guide marks
 * `toleranceAllowed` may be missing at acceptance against a promise to supply it by a date. Open
 * promises are shown on the case, block the certificate (per item, `promiseBlocksCertificate`,
 * default true), and once past due are listed for clerks and supervisors. A worker calls
 * `remindPromises(db, today)` once a day: it marks overdue promises and reminds the applicant of a
 * promise due within 2 working days.
 */
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { maskName } from '../../platform/mask';
import { addWorkdaysIn, loadCalendar } from '../calendar/index';
import { notify } from '../notify/index';
import * as repo from './cases.repository';
import type { PromiseRow } from './cases.repository';
import { assertSeesPromises } from './cases.policy';

export type PromiseState = 'open' | 'overdue' | 'fulfilled';
export const PROMISE_STATE_LABELS: Record<PromiseState, string> = {
  open: '待补交',
  overdue: '已逾期',
  fulfilled: '已补交',
};

/** The state of a promise on a day: unfulfilled promises past their due date are overdue. */
export function promiseState(p: Pick<PromiseRow, 'status' | 'due_date'>, today: string): PromiseState {
  if (p.status === 'fulfilled') return 'fulfilled';
  return p.due_date < today ? 'overdue' : 'open';
}

/** The default text of the signed promise 告知承诺书. */
export function promiseText(materialName: string, dueDate: string): string {
  return `本人（单位）承诺于 ${dueDate} 前补交「${materialName}」，所补材料真实有效；逾期未补交的，愿承担不予制证、撤销受理等相应责任。`;
}

/** 容缺承诺清单: promises of the cases in the caller's scope, by state (clerks, approvers, chiefs, supervisors, admins). */
export async function listPromises(
  db: Db,
  actor: Actor,
  query: { state: PromiseState; page: number; pageSize: number },
  today: string,
) {
  assertSeesPromises(actor);
  const { total, items } = await repo.listPromisesInScope(db, {
    state: query.state,
    today,
    regionPrefix: actor.scope.regionPrefix,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: items.map((p) => {
      const state = promiseState(p, today);
      return {
        id: p.id,
        caseId: p.case_id,
        caseNumber: p.number,
        itemName: p.item_name,
        applicantName: maskName(p.applicant_name),
        materialId: p.material_id,
        materialName: p.material_name,
        dueDate: p.due_date,
        state,
        stateLabel: PROMISE_STATE_LABELS[state],
        fulfilledAt: p.fulfilled_at,
        acceptRegionCode: p.accept_region_code,
        currentRegionCode: p.current_region_code,
      };
    }),
  };
}

/**
 * Daily worker step: marks unfulfilled promises past due as `overdue`, and sends the applicant one
 * reminder (in-app and SMS) for each promise due within 2 working days. Returns what it did.
 */
export async function remindPromises(db: Db, today: string): Promise<{ reminded: number; overdue: number }> {
  const cal = await loadCalendar(db);
  const horizon = addWorkdaysIn(cal, today, 2).date;
  const due = await repo.promisesDueBy(db, horizon);
  let reminded = 0;
  let overdue = 0;
  for (const p of due) {
    await db.transaction().execute(async (tx) => {
      if (p.due_date < today) {
        if (p.status !== 'overdue') {
          await repo.markPromise(tx, p.id, { status: 'overdue' });
          overdue += 1;
        }
        return;
      }
      if (p.reminded_on) return;
      const c = await repo.getCase(tx, p.case_id);
      if (!c) return;
      await repo.markPromise(tx, p.id, { reminded_on: today });
      if (!c.applicant_id) return;
      const title = `容缺材料补交提醒：${c.item_name}`;
      const body = `您的办件（办件编号 ${c.number}）承诺于 ${p.due_date} 前补交「${p.material_name}」，请按期补交，逾期将影响制证。`;
      const phone = c.applicant.phone;
      await notify(tx, {
        userId: c.applicant_id,
        caseId: c.id,
        kind: 'case.promise_due',
        title,
        body,
        sms: phone && /^1\d{10}$/.test(phone) ? { phone, text: `【一网】${title}。${body}` } : null,
      });
      reminded += 1;
    });
  }
  return { reminded, overdue };
}
