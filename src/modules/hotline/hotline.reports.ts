/**
 * Hot-topic reports 热点分析报告 (daily, weekly, monthly) and the hotline's big screen: volume by day, type,
 * category and county, hot and rising topics from the tickets' keywords, and the units' figures, over the
 * tickets the actor reaches (as the figures do).
 */
import type { Actor } from '../../platform/auth';
import type { Db } from '../../platform/db';
import { addDays, todayInShanghai } from '../calendar/index';
import { getRegion } from '../org/index';
import { actorUnit, categoriesOf, reachOf } from './hotline.context';
import { hotlineFigures, rate } from './hotline.figures';
import type { TicketScope } from './hotline.repository';
import * as repo from './hotline.reports.repository';
import { daysBetween, hotTopics, periodInstants, reportPeriod } from './hotline.reports.rules';
import type { Report, ReportQuery, Screen } from './hotline.reports.schemas';
import { TYPE_LABELS } from './hotline.tables';

/** Words counted for the topics; the rising ones are chosen among them. */
const TOPIC_POOL = 100;
const TOPICS_SHOWN = 30;

/** Topics of the days `from`–`to` against the period before, over the reach. */
async function topicsOf(
  db: Db,
  reach: TicketScope,
  from: string,
  to: string,
  previousFrom: string,
  previousTo: string,
) {
  const [start, end] = periodInstants(from, to);
  const [prevStart, prevEnd] = periodInstants(previousFrom, previousTo);
  const [current, currentTotal] = await Promise.all([
    repo.topKeywords(db, reach, start, end, TOPIC_POOL),
    repo.keywordCounts(db, reach, start, end, []),
  ]);
  const previous = await repo.keywordCounts(
    db,
    reach,
    prevStart,
    prevEnd,
    current.map((c) => c.word),
  );
  const found = hotTopics(current, previous.counts, {
    current: currentTotal.total,
    previous: previous.total,
  });
  return { ...found, topics: found.topics.slice(0, TOPICS_SHOWN), previousTotal: previous.total };
}

const countyNames = async (db: Db, codes: string[]) =>
  new Map(await Promise.all(codes.map(async (c) => [c, (await getRegion(db, c))?.name ?? c] as const)));

/** The report of a day, a week or a month. */
export async function hotlineReport(db: Db, actor: Actor, query: ReportQuery): Promise<Report> {
  const p = reportPeriod(query.period, query.date);
  const reach = reachOf(actor, await actorUnit(db, actor));
  const [start, end] = periodInstants(p.from, p.to);
  const [volume, topics, units, categories] = await Promise.all([
    repo.reportVolume(db, reach, start, end),
    topicsOf(db, reach, p.from, p.to, p.previousFrom, p.previousTo),
    hotlineFigures(db, actor, { groupBy: 'unit', from: p.from, to: p.to }),
    categoriesOf(db),
  ]);
  const counties = await countyNames(
    db,
    volume.byRegion.map((r) => r.key),
  );
  const perDay = new Map(volume.byDay.map((d) => [d.key, d.count]));
  return {
    period: query.period,
    label: p.label,
    from: p.from,
    to: p.to,
    previousFrom: p.previousFrom,
    previousTo: p.previousTo,
    total: volume.total,
    previousTotal: topics.previousTotal,
    answeredAtOnce: volume.answeredAtOnce,
    answeredAtOnceRate: rate(volume.answeredAtOnce, volume.total),
    byDay: daysBetween(p.from, p.to).map((day) => ({ day, count: perDay.get(day) ?? 0 })),
    byType: volume.byType.map((t) => ({ key: t.key, name: TYPE_LABELS[t.key] ?? t.key, count: t.count })),
    byCategory: volume.byCategory.map((c) => ({
      key: c.key,
      name: categories.get(c.key)?.name ?? c.key,
      count: c.count,
    })),
    byRegion: volume.byRegion.map((r) => ({ key: r.key, name: counties.get(r.key) ?? r.key, count: r.count })),
    topics: topics.topics,
    rising: topics.rising,
    units: [...units].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key)),
  };
}

/** Units best first for the screen: on-time rate, then satisfaction, then volume (a rate over nothing last). */
const byPerformance = (a: Report['units'][number], b: Report['units'][number]) =>
  (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
  (b.satisfiedRate ?? -1) - (a.satisfiedRate ?? -1) ||
  b.total - a.total ||
  a.key.localeCompare(b.key);

/** The big screen: today's volume, open and overdue tickets, the last seven days' topics, this month's units. */
export async function hotlineScreen(db: Db, actor: Actor, now: Date): Promise<Screen> {
  const today = todayInShanghai(now);
  const reach = reachOf(actor, await actorUnit(db, actor));
  const [start, end] = periodInstants(today, today);
  const weekFrom = addDays(today, -6);
  const [volume, open, topics, units] = await Promise.all([
    repo.reportVolume(db, reach, start, end),
    repo.openTickets(db, reach, now),
    topicsOf(db, reach, weekFrom, today, addDays(weekFrom, -7), addDays(weekFrom, -1)),
    hotlineFigures(db, actor, { groupBy: 'unit', from: `${today.slice(0, 8)}01`, to: today }),
  ]);
  return {
    today,
    generatedAt: now.toISOString(),
    total: volume.total,
    answeredAtOnce: volume.answeredAtOnce,
    answeredAtOnceRate: rate(volume.answeredAtOnce, volume.total),
    open: open.open,
    overdue: open.overdue,
    topics: topics.topics.slice(0, 20),
    units: units.filter((u) => u.key !== '').sort(byPerformance),
  };
}

/** What a report covers, in words: the unit, or the centre's region. */
export async function reportScopeName(db: Db, actor: Actor): Promise<string> {
  const unit = await actorUnit(db, actor);
  if (unit) return unit.name;
  return (await getRegion(db, actor.scope.regionCode))?.name ?? actor.scope.regionCode;
}
