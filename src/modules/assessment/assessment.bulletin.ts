/**
 * 每周通报: the weekly bulletin of a region scope — generated as a PDF from the facts of one week
 * (Monday–Sunday), stored, listed and downloaded; the Monday job generates last week's for the city.
 */
import { recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth';
import type { Db } from '../../platform/db';
import { fieldError, notFound } from '../../platform/errors';
import { todayInShanghai } from '../calendar/index';
import { getDepartment, getRegion } from '../org/index';
import { ratingFactsBetween } from '../ratings/index';
import { warningFactsBetween, type WarningScope } from '../supervision/index';
import { overdueMeasuresAsOf } from '../tasks/index';
import * as repo from './assessment.repository';
import { renderBulletin } from './assessment.pdf';
import { isMonday, isoWeekNumber, previousWeek, weekOf } from './assessment.rules';
import type { BulletinView } from './assessment.schemas';
import { scoreUnits } from './assessment.service';
import { assertReports } from './assessment.policy';

/** The whole city (one installation is one city): what the job and city-level supervisors report on. */
export const CITY_WIDE = '';

/** The scope a supervisor's bulletins cover: city-level actors share the city-wide bulletin. */
const bulletinPrefix = (a: Actor) => (a.scope.regionPrefix.length <= 4 ? CITY_WIDE : a.scope.regionPrefix);

const toView = (b: repo.BulletinMeta): BulletinView => ({
  id: b.id,
  regionPrefix: b.region_prefix,
  regionName: b.region_name,
  weekFrom: b.week_from,
  weekTo: b.week_to,
  title: b.title,
  summary: b.summary,
  generatedAt: new Date(b.generated_at).toISOString(),
  generatedBy: b.generated_by_name,
});

const CARD_STATES = { open: '待说明', explained: '已说明', confirmed: '已确认', revoked: '已撤销' } as const;

/** Builds the bulletin of one week for a region scope (everything read, nothing written). */
async function buildBulletin(
  db: Db,
  regionPrefix: string,
  regionName: string,
  week: { from: string; to: string },
  now: Date,
) {
  const today = todayInShanghai(now);
  const scope: WarningScope = { regionPrefix, departmentCodes: null, hallId: null };
  const [{ ranked }, warnings, ratings, measures] = await Promise.all([
    scoreUnits(db, scope, 'department', week.from, week.to, today),
    warningFactsBetween(db, scope, week.from, week.to),
    ratingFactsBetween(db, scope, week.from, week.to),
    overdueMeasuresAsOf(db, regionPrefix, week.to),
  ]);
  const deptName = async (code: string) => (await getDepartment(db, code))?.name ?? code;
  const redCards = await Promise.all(
    warnings
      .filter((w) => w.level === 'red' && w.state !== 'revoked')
      .map(async (w) => ({
        caseNumber: w.caseNumber,
        itemName: w.itemName,
        ruleName: w.ruleName,
        department: await deptName(w.departmentCode),
        raisedOn: w.raisedOn,
        state: CARD_STATES[w.state],
      })),
  );
  const badRatings = await Promise.all(
    ratings
      .filter((g) => g.level <= 2)
      .map(async (g) => ({
        ratedOn: g.ratedOn,
        caseNumber: g.caseNumber,
        itemName: g.itemName,
        department: await deptName(g.departmentCode),
        level: g.level === 1 ? '非常不满意' : '不满意',
      })),
  );
  const title = `政务服务效能每周通报（${week.from.slice(0, 4)}年第${isoWeekNumber(week.from)}周）`;
  const input = {
    title,
    regionName,
    from: week.from,
    to: week.to,
    generatedAt: now,
    ranking: ranked.map((u) => ({
      rank: u.rank,
      label: u.label,
      score: u.score,
      deductions: u.deductions,
      bonuses: u.bonuses,
      redCards: u.facts.red_card ?? 0,
      overdueCases: u.facts.overdue_case ?? 0,
      badRatings: u.facts.bad_rating ?? 0,
    })),
    redCards,
    overdueCases: ranked
      .filter((u) => u.facts.overdue_case)
      .map((u) => ({ department: u.label, completed: u.completed, overdue: u.facts.overdue_case ?? 0 })),
    badRatings,
    overdueMeasures: measures.map((m) => ({
      problem: `${m.problemNumber}. ${m.problemTitle}`,
      content: `${m.measureNumber}. ${m.content}`,
      department: m.leadDepartmentName,
      deadline: m.deadline ?? '—',
      urged: m.urgeCount,
    })),
  };
  return {
    title,
    pdf: await renderBulletin(input),
    summary: {
      units: ranked.length,
      redCards: redCards.length,
      overdueCases: input.overdueCases.reduce((s, r) => s + r.overdue, 0),
      badRatings: badRatings.length,
      overdueMeasures: measures.length,
    },
  };
}

export async function listBulletins(db: Db, actor: Actor, q: { page: number; pageSize: number }) {
  assertReports(actor);
  const { total, items } = await repo.listBulletins(db, bulletinPrefix(actor), q.page, q.pageSize);
  return { total, page: q.page, pageSize: q.pageSize, items: items.map(toView) };
}

async function requireBulletin(db: Db, actor: Actor, id: string): Promise<repo.BulletinMeta> {
  assertReports(actor);
  const b = await repo.getBulletinMeta(db, id);
  if (!b || !b.region_prefix.startsWith(bulletinPrefix(actor))) throw notFound('通报');
  return b;
}

export async function bulletinPdf(db: Db, actor: Actor, id: string): Promise<{ meta: BulletinView; pdf: Buffer }> {
  const meta = toView(await requireBulletin(db, actor, id));
  return { meta, pdf: (await repo.getBulletinPdf(db, id))! };
}

/** A supervisor generates (or regenerates) at `now` the bulletin of a past week for its scope. */
export async function generateBulletin(
  db: Db,
  actor: Actor,
  body: { weekFrom?: string },
  ip: string | null,
  now: Date,
): Promise<BulletinView> {
  assertReports(actor);
  const today = todayInShanghai(now);
  const week = body.weekFrom ? weekOf(body.weekFrom) : previousWeek(today);
  if (body.weekFrom && body.weekFrom !== week.from)
    throw fieldError('weekFrom', `请填写周一的日期（例如 ${week.from}）`);
  if (week.from > today) throw fieldError('weekFrom', '通报周不能晚于本周');
  const prefix = bulletinPrefix(actor);
  const regionName =
    prefix === CITY_WIDE ? '全市' : ((await getRegion(db, actor.scope.regionCode))?.name ?? actor.scope.regionCode);
  const built = await buildBulletin(db, prefix, regionName, week, now);
  const id = await db.transaction().execute(async (tx) => {
    const saved = (await repo.upsertBulletin(
      tx,
      {
        region_prefix: prefix,
        region_name: regionName,
        week_from: week.from,
        week_to: week.to,
        title: built.title,
        summary: built.summary,
        pdf: built.pdf,
        generated_by: actor.id,
        generated_by_name: actor.name,
        generated_at: now,
      },
      true,
    ))!;
    await recordAudit(tx, {
      actor,
      action: saved.created ? 'assessment.bulletin.generate' : 'assessment.bulletin.regenerate',
      entityType: 'assessment_bulletin',
      entityId: saved.id,
      after: { regionPrefix: prefix, weekFrom: week.from, weekTo: week.to, summary: built.summary },
      ip,
    });
    return saved.id;
  });
  return toView((await repo.getBulletinMeta(db, id))!);
}

/**
 * The Monday job: generates last week's city-wide bulletin once. Idempotent — on other days, or when the
 * bulletin exists (another node, an earlier run, a supervisor), it does nothing. Returns the new id.
 * `now`: the instant of the run.
 */
export async function generateWeeklyBulletin(db: Db, now: Date): Promise<string | null> {
  const today = todayInShanghai(now);
  if (!isMonday(today)) return null;
  const week = previousWeek(today);
  if (await repo.findBulletin(db, CITY_WIDE, week.from)) return null;
  const built = await buildBulletin(db, CITY_WIDE, '全市', week, now);
  return db.transaction().execute(async (tx) => {
    const saved = await repo.upsertBulletin(
      tx,
      {
        region_prefix: CITY_WIDE,
        region_name: '全市',
        week_from: week.from,
        week_to: week.to,
        title: built.title,
        summary: built.summary,
        pdf: built.pdf,
        generated_by: null,
        generated_by_name: '系统（每周自动生成）',
        generated_at: now,
      },
      false,
    );
    if (!saved) return null;
    await recordAudit(tx, {
      actor: null,
      action: 'assessment.bulletin.generate',
      entityType: 'assessment_bulletin',
      entityId: saved.id,
      after: { regionPrefix: CITY_WIDE, weekFrom: week.from, weekTo: week.to, summary: built.summary },
    });
    return saved.id;
  });
}
