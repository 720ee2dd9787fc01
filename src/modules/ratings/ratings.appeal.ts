/**
 * Appeals 申诉: the responsible department appeals a bad rating as malicious or mistaken; a supervisor
 * decides, and an upheld appeal takes the rating out of the statistics and closes its rectification.
 */
import type { Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { conflict, forbidden, notFound, unprocessable } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import * as repo from './ratings.repository';
import { mayHandle } from './ratings.policy';
import { OPEN_STATUSES } from './ratings.rectification';
import { isBadLevel } from './ratings.rules';
import type { AppealView } from './ratings.schemas';
import { APPEAL, assertHandle, RATING, scopeOf, seesRating, type Ctx } from './ratings.context';
import { ratingViews, toAppealView } from './ratings.read';

/** The responsible department appeals a bad rating as malicious or mistaken, with evidence; one appeal per rating. */
export async function fileAppeal(
  db: Db,
  ctx: Ctx,
  ratingId: string,
  body: { reason: string; evidence: string },
): Promise<AppealView> {
  const { actor } = ctx;
  const row = await db.transaction().execute(async (tx) => {
    const r = await repo.getRating(tx, ratingId);
    if (!r) throw notFound(RATING);
    await assertHandle(tx, actor, r, 'appeal', RATING);
    if (!isBadLevel(r.level)) throw unprocessable('只能对差评（不满意、非常不满意）提出申诉', [], 'not_bad');
    if ((await repo.appealsByRatings(tx, [r.id])).length) throw conflict('该评价已提出过申诉', 'already_appealed');
    const a = await repo.insertAppeal(tx, {
      rating_id: r.id,
      status: 'pending',
      reason: body.reason,
      evidence: body.evidence,
      filed_by: actor.id,
      filed_by_name: actor.name,
    });
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'ratings.appeal.file',
      entityType: 'rating_appeal',
      entityId: a.id,
      after: { ratingId: r.id, reason: body.reason },
    });
    return a;
  });
  return toAppealView(row);
}

async function loadAppeal(db: Db | Tx, actor: Actor, id: string, forUpdate = false) {
  const a = await repo.getAppeal(db, id, forUpdate);
  const r = a && (await repo.getRating(db, a.rating_id));
  if (!a || !r || !(await seesRating(db, actor, r, false))) throw notFound(APPEAL);
  return { a, r };
}

/** A supervisor decides: upheld → the rating is excluded from statistics and its open rectification closed as invalid. */
export async function decideAppeal(
  db: Db,
  ctx: Ctx,
  id: string,
  body: { upheld: boolean; comment?: string },
): Promise<AppealView> {
  const { actor } = ctx;
  const row = await db.transaction().execute(async (tx) => {
    const { a, r } = await loadAppeal(tx, actor, id, true);
    if (!mayHandle(actor, 'decide_appeal')) throw forbidden('只有效能监察员可以裁定申诉');
    if (a.status !== 'pending') throw conflict('该申诉已裁定', 'already_decided');
    const decided = await repo.decideAppeal(tx, a.id, {
      status: body.upheld ? 'upheld' : 'rejected',
      decided_by: actor.id,
      decided_by_name: actor.name,
      decided_at: ctx.now,
      decision_comment: body.comment || null,
    });
    if (body.upheld) {
      await repo.setRatingExcluded(tx, r.id, true);
      const x = await repo.getRectificationByRating(tx, r.id, true);
      if (x && OPEN_STATUSES.includes(x.status)) {
        await repo.updateRectification(tx, x.id, { status: 'closed_invalid', closed_at: ctx.now });
        await recordAudit(tx, {
          actor,
          ip: ctx.ip,
          action: 'ratings.rectification.appeal_upheld',
          entityType: 'rectification',
          entityId: x.id,
          before: { status: x.status },
          after: { status: 'closed_invalid', appealId: a.id },
        });
      }
    }
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'ratings.appeal.decide',
      entityType: 'rating_appeal',
      entityId: a.id,
      before: { status: a.status },
      after: { status: decided.status, ratingExcluded: body.upheld, comment: body.comment ?? null },
    });
    return decided;
  });
  return toAppealView(row);
}

export async function listAppeals(
  db: Db,
  actor: Actor,
  q: { status?: 'pending' | 'upheld' | 'rejected'; page: number; pageSize: number },
) {
  const scope = await scopeOf(db, actor, false);
  const { total, appeals, ratings } = await repo.listAppeals(db, scope, q);
  const byId = new Map(ratings.map((r) => [r.id, r]));
  const views = new Map((await ratingViews(db, ratings)).map((v) => [v.id, v]));
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: appeals.map((a) => {
      const { rectification: _r, appeal: _a, ...rating } = views.get(byId.get(a.rating_id)!.id)!;
      void _r;
      void _a;
      return { ...toAppealView(a), rating };
    }),
  };
}
