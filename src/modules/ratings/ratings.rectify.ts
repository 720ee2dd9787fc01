/**
 * Rectification of a bad rating 差评整改: listing and reading them, one step at the version the client saw
 * (check, review, extend, callback 回访), and the daily sweep that marks late ones overdue.
 */
import type { Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { conflict, fieldError, notFound, staleVersion } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { addWorkdays, todayInShanghai } from '../calendar/index';
import { notify } from '../notify/index';
import * as repo from './ratings.repository';
import type { HandleAction } from './ratings.policy';
import { inputOf, recordOf, step, type RectificationBody } from './ratings.rectification';
import type { RectificationListQuery, RectificationView } from './ratings.schemas';
import { assertHandle, RECT, scopeOf, seesRating, type Ctx } from './ratings.context';
import { rectificationView, type DeptNames } from './ratings.read';

const intFromEnv = (name: string, dflt: number, max: number) => {
  const n = Number(process.env[name] ?? dflt);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : dflt;
};
/** Rectification deadline in working days (local rules: 5 or 15); env `RATINGS_RECTIFY_WORKDAYS`, default 5. */
export const rectifyWorkdays = () => intFromEnv('RATINGS_RECTIFY_WORKDAYS', 5, 60);
/** Default length of the one extension in working days; env `RATINGS_EXTENSION_WORKDAYS`, default 5. */
export const extensionWorkdays = () => intFromEnv('RATINGS_EXTENSION_WORKDAYS', 5, 15);

export async function listRectifications(db: Db, actor: Actor, q: RectificationListQuery, now: Date) {
  const scope = await scopeOf(db, actor, false);
  const { total, items } = await repo.listRectifications(db, scope, q);
  const names: DeptNames = new Map();
  const today = todayInShanghai(now);
  const views: RectificationView[] = [];
  for (const x of items) {
    const r = await repo.getRating(db, x.rating_id);
    if (r) views.push(await rectificationView(db, x, r, names, today));
  }
  return { total, page: q.page, pageSize: q.pageSize, items: views };
}

async function loadRectification(db: Db | Tx, actor: Actor, id: string, forUpdate = false) {
  const x = await repo.getRectification(db, id, forUpdate);
  const r = x && (await repo.getRating(db, x.rating_id));
  if (!x || !r || !(await seesRating(db, actor, r, false))) throw notFound(RECT);
  return { x, r };
}

export async function getRectification(db: Db, actor: Actor, id: string, now: Date): Promise<RectificationView> {
  const { x, r } = await loadRectification(db, actor, id);
  return rectificationView(db, x, r, new Map(), todayInShanghai(now));
}

const ACTION_PERMISSION: Record<RectificationBody['action'], HandleAction> = {
  check: 'check',
  review: 'review',
  extend: 'extend',
  callback: 'callback',
};

/** One step of a rectification, at the version the client saw (409 when stale or not allowed in the state). */
export async function actOnRectification(
  db: Db,
  ctx: Ctx,
  id: string,
  body: RectificationBody,
): Promise<RectificationView> {
  const { actor } = ctx;
  if (body.action === 'check' && !body.valid && !body.reason) throw fieldError('reason', '认定为无效差评时请填写理由');
  const today = todayInShanghai(ctx.now);
  const updated = await db.transaction().execute(async (tx) => {
    const { x, r } = await loadRectification(tx, actor, id, true);
    await assertHandle(tx, actor, r, ACTION_PERMISSION[body.action], RECT);
    if (x.version !== body.version) throw staleVersion('整改记录', { current: x.version, submitted: body.version });
    const st = step({ status: x.status, deadline: x.deadline, extended: x.extended }, inputOf(body, today));
    if (!st.ok) throw conflict(st.reason, 'rectification_state');
    const patch: Parameters<typeof repo.updateRectification>[2] = {
      status: st.status,
      ...recordOf(body, actor, ctx.now),
    };
    if (st.deadline === 'start') {
      const due = await addWorkdays(tx, today, rectifyWorkdays());
      Object.assign(patch, { started_on: today, deadline: due.date, deadline_provisional: due.provisional });
    }
    if (body.action === 'extend') {
      const days = body.days ?? extensionWorkdays();
      const due = await addWorkdays(tx, x.deadline!, days);
      Object.assign(patch, { extension_days: days, deadline: due.date, deadline_provisional: due.provisional });
    }
    const y = await repo.updateRectification(tx, x.id, patch);
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: `ratings.rectification.${body.action}`,
      entityType: 'rectification',
      entityId: x.id,
      before: { status: x.status, deadline: x.deadline, version: x.version },
      after: { ...body, status: y.status, deadline: y.deadline, version: y.version },
    });
    if (body.action === 'callback' && r.rated_by)
      await notify(tx, {
        userId: r.rated_by,
        caseId: r.case_id,
        kind: 'rating.rectification_closed',
        title: `差评整改已办结：${r.item_name}`,
        body: `您对办件（${r.case_number}）的评价已整改并回访办结。${body.measures ? `整改措施：${body.measures}` : ''}感谢您的监督。`,
        actor,
        ip: ctx.ip,
      });
    return { y, r };
  });
  return rectificationView(db, updated.y, updated.r, new Map(), today);
}

/**
 * Marks running rectifications whose deadline has passed as overdue 超期 (for a worker, daily; idempotent).
 * `today` is a Shanghai civil day 'YYYY-MM-DD'. Returns how many were marked.
 */
export async function sweepRectifications(db: Db, today: string, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute(async (tx) => {
      const due = await repo.dueForOverdue(tx, today, batch);
      for (const x of due) {
        const st = step({ status: x.status, deadline: x.deadline, extended: x.extended }, { action: 'overdue', today });
        if (!st.ok) continue;
        await repo.updateRectification(tx, x.id, { status: 'overdue', was_overdue: true, overdue_on: today });
        await recordAudit(tx, {
          actor: null,
          action: 'ratings.rectification.overdue',
          entityType: 'rectification',
          entityId: x.id,
          before: { status: x.status, deadline: x.deadline },
          after: { status: 'overdue', overdueOn: today },
        });
      }
      return due.length;
    });
    total += n;
    if (n < batch) return total;
  }
}
