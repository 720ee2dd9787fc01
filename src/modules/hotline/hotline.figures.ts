/** Unit figures 考核指标 of the hotline: volume, 签收率, 按时办结率, 解决率, 满意率, 重办率, by unit, category or county. */
import type { Actor } from '../../platform/auth';
import type { Db } from '../../platform/db';
import { fieldError } from '../../platform/errors';
import { addDays } from '../calendar/index';
import { actorUnit, categoriesOf, reachOf } from './hotline.context';
import { listFigures, type FigureGroup } from './hotline.repository';

export const rate = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : null);

export async function hotlineFigures(db: Db, actor: Actor, f: { groupBy: FigureGroup; from: string; to: string }) {
  if (f.to < f.from) throw fieldError('to', '截止日期不能早于起始日期');
  const reach = reachOf(actor, await actorUnit(db, actor));
  // Days are Asia/Shanghai civil days: [from 00:00, to + 1 day 00:00) at UTC+8.
  const rows = await listFigures(
    db,
    reach,
    f.groupBy,
    new Date(`${f.from}T00:00:00+08:00`),
    new Date(`${addDays(f.to, 1)}T00:00:00+08:00`),
  );
  const categories = await categoriesOf(db);
  return rows.map((r) => ({
    key: r.key,
    name: f.groupBy === 'category' ? (categories.get(r.key)?.name ?? r.key) : r.name,
    total: r.total,
    answeredAtOnce: r.answered_at_once,
    ...ratesOf(r),
  }));
}

export type FigureCounts = Awaited<ReturnType<typeof listFigures>>[number];

/** 签收率, 按时办结率, 解决率, 满意率 and 重办率 of a group's counts, in per cent (null over nothing). */
export const ratesOf = (r: FigureCounts) => ({
  signRate: rate(r.signed, r.dispatched),
  onTimeRate: rate(r.on_time, r.finished),
  solvedRate: rate(r.solved, r.called_back),
  satisfiedRate: rate(r.satisfied, r.called_back),
  reopenRate: rate(r.reopened, r.dispatched),
});
