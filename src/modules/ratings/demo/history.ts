/**
 * 好差评 of the demo city's history (see cases/demo/history.ts): window ratings 一次一评 cast on the hall's
 * device when the case was registered, online ratings 一事一评 by the applicant after the case was over
 * (completed, refused or denied), mostly good, worse for cases finished late or refused. Every bad rating has
 * its rectification 整改 where the rules would have taken it by now: checked and rectified within the
 * working days allowed (some late, marked as the sweep marks them), a few found invalid on review, the
 * recent ones still waiting. One statement per table; the load is audited once (`ratings.demo.history`).
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db';
import { auditInsert } from '../../../platform/audit';
import { insertRows } from '../../../platform/writes';
import { addDays, addWorkdaysIn, loadCalendar, todayInShanghai } from '../../calendar/index';
import type { HistoryCase } from '../../cases/index';
import type { HistoryPerson } from '../../identity/index';
import { INDICATORS, ONLINE_RATABLE_STATUSES, type RatingChannel } from '../ratings.rules';
import { rectifyWorkdays } from '../ratings.rectify';

const PRAISE = [
  '工作人员态度很好，一次就办成了',
  '办理速度快，比承诺时间提前办结',
  '网上申请很方便，不用跑腿',
  '窗口指导耐心细致，点赞',
  null,
  null,
  null,
];
const COMPLAINTS = [
  '办理时间太长，超过了承诺时限',
  '来回跑了好几次，材料要求没有一次说清楚',
  '窗口排队时间长，工作人员不够',
  '电话一直打不通，咨询不到办理进度',
  '网上申请系统操作复杂，多次提交失败',
  '工作人员态度生硬，解释不耐心',
];
const MEASURES = [
  '已对承办人员进行批评教育，优化审查流程，压缩办理时间',
  '已修订办事指南，明确材料要求并实行一次性告知',
  '已增设窗口、实行弹性工作制，高峰期增派人员',
  '已开通进度查询专线并安排专人接听',
];
const INVALID_REASONS = ['经核实，差评内容与办件无关', '申请人误操作，已电话确认其对办理结果满意'];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function uuid(r: () => number): string {
  const h = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16));
  h[12] = '4';
  h[16] = '89ab'[Math.floor(r() * 4)]!;
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export interface RatingsHistoryResult {
  ratings: number;
  rectifications: number;
}

export async function seedRatingsHistory(
  db: Db,
  cases: readonly HistoryCase[],
  opts: { now: Date; seed: number; supervisor: HistoryPerson },
): Promise<RatingsHistoryResult> {
  const rand = mulberry32(opts.seed ^ 0x7a7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const now = opts.now;
  const nowMs = now.getTime();
  const today = todayInShanghai(now);
  const cal = await loadCalendar(db);
  const wdAfter = (d: string, n: number) => addWorkdaysIn(cal, d, n).date;
  const instant = (day: string, minutes: number) =>
    new Date(Math.min(new Date(`${day}T09:00:00+08:00`).getTime() + minutes * 60_000, nowMs));

  const level = (unhappy: boolean): number => {
    const x = rand() * 100;
    const w = unhappy ? [10, 15, 15, 25, 35] : [1.5, 2.5, 7, 20, 69];
    let acc = 0;
    for (let i = 0; i < 5; i++) if (x < (acc += w[i]!)) return i + 1;
    return 5;
  };
  const ratings: Record<string, unknown>[] = [];
  const rects: Record<string, unknown>[] = [];

  const add = (c: HistoryCase, channel: RatingChannel, ratedAt: Date, byDevice: boolean) => {
    const late = !!c.overdueOn && (c.finishedOn ?? today) >= c.overdueOn;
    const unhappy = late || c.status === 'refused' || c.status === 'denied';
    const lv = level(unhappy);
    const codes = Object.keys(INDICATORS[channel]).filter((k) => k !== 'overall');
    const indicators =
      lv <= 2 ? [...new Set([pick(codes), ...(rand() < 0.4 ? [pick(codes)] : [])])] : rand() < 0.5 ? ['overall'] : [];
    const id = uuid(rand);
    const ratedOn = todayInShanghai(ratedAt);
    ratings.push({
      id,
      case_id: c.id,
      case_number: c.number,
      item_code: c.itemCode,
      item_name: c.itemName,
      channel,
      level: lv,
      indicators,
      comment: lv <= 2 ? (late ? COMPLAINTS[0] : pick(COMPLAINTS)) : lv >= 4 ? pick(PRAISE) : null,
      department_code: c.departmentCode,
      region_code: c.regionCode,
      accept_region_code: c.acceptRegionCode,
      hall_id: c.acceptHallId,
      rated_by: byDevice ? null : c.applicantId,
      via_device: byDevice,
      rated_on: ratedOn,
      excluded: false,
      created_at: ratedAt.toISOString(),
    });
    if (lv <= 2) rects.push(rectification(id, c, ratedOn, ratedAt));
  };

  const rectification = (ratingId: string, c: HistoryCase, ratedOn: string, ratedAt: Date) => {
    const handler = c.officer ?? c.acceptedBy ?? opts.supervisor;
    const checkOn = wdAfter(ratedOn, 1);
    const base = {
      id: uuid(rand),
      rating_id: ratingId,
      department_code: c.departmentCode,
      region_code: c.regionCode,
      accept_region_code: c.acceptRegionCode,
      hall_id: c.acceptHallId,
      created_at: ratedAt.toISOString(),
      version: 1,
    };
    if (checkOn > today || rand() < 0.1) return { ...base, status: 'pending_check', updated_at: ratedAt.toISOString() };
    const checkedAt = instant(checkOn, 60 + Math.floor(rand() * 300));
    const checked = {
      check_valid: true,
      checked_by: handler.id,
      checked_by_name: handler.name,
      checked_at: checkedAt.toISOString(),
    };
    if (rand() < 0.12) {
      const reviewOn = wdAfter(checkOn, 1);
      const invalid = { ...checked, check_valid: false, check_reason: pick(INVALID_REASONS) };
      if (reviewOn > today)
        return { ...base, ...invalid, status: 'invalid_review', version: 2, updated_at: checkedAt.toISOString() };
      const reviewedAt = instant(reviewOn, 120);
      return {
        ...base,
        ...invalid,
        status: 'closed_invalid',
        review_confirm: true,
        review_comment: '经复核，同意认定为无效差评',
        reviewed_by: opts.supervisor.id,
        reviewed_by_name: opts.supervisor.name,
        reviewed_at: reviewedAt.toISOString(),
        closed_at: reviewedAt.toISOString(),
        version: 3,
        updated_at: reviewedAt.toISOString(),
      };
    }
    const deadline = wdAfter(checkOn, rectifyWorkdays());
    const late = rand() < 0.15;
    const callbackOn = late
      ? wdAfter(deadline, 1 + Math.floor(rand() * 3))
      : wdAfter(checkOn, 1 + Math.floor(rand() * 4));
    const overdueOn = addDays(deadline, 1);
    const running = { ...base, ...checked, started_on: checkOn, deadline, version: 2 };
    if (callbackOn > today) {
      if (today > deadline)
        return {
          ...running,
          status: 'overdue',
          was_overdue: true,
          overdue_on: overdueOn,
          updated_at: checkedAt.toISOString(),
        };
      return { ...running, status: 'rectifying', updated_at: checkedAt.toISOString() };
    }
    const callbackAt = instant(callbackOn, 120 + Math.floor(rand() * 240));
    return {
      ...running,
      status: 'closed',
      measures: pick(MEASURES),
      callback_by: handler.id,
      callback_by_name: handler.name,
      callback_at: callbackAt.toISOString(),
      callback_method: '电话回访',
      callback_result: rand() < 0.85 ? '申请人对整改措施表示满意' : '申请人表示理解，基本满意',
      applicant_satisfied: rand() < 0.85,
      was_overdue: callbackOn > deadline,
      overdue_on: callbackOn > deadline ? overdueOn : null,
      closed_at: callbackAt.toISOString(),
      version: 3,
      updated_at: callbackAt.toISOString(),
    };
  };

  for (const c of cases) {
    // On the hall's device right after registering the case (一次一评).
    if (c.channel === 'window' && c.acceptHallId && rand() < 0.55) {
      const at = new Date(c.submittedAt.getTime() + (10 + Math.floor(rand() * 20)) * 60_000);
      if (at.getTime() <= nowMs) add(c, 'window', at, true);
    }
    // Online once the case is over (一事一评), by the applicant's account.
    if (c.applicantId && c.finishedOn && ONLINE_RATABLE_STATUSES.includes(c.status) && rand() < 0.35) {
      const day = addDays(c.finishedOn, Math.floor(rand() * 3));
      if (day <= today) add(c, 'online', instant(day, 600 + Math.floor(rand() * 600)), false);
    }
  }

  await insertJson(db, 'ratings', ratings, 4000);
  // Columns a rectification does not set take the values a new row gets (flags false, dates null).
  const cols = [...new Set(rects.flatMap((r) => Object.keys(r)))];
  await insertJson(
    db,
    'rectifications',
    rects.map((r) => ({
      ...Object.fromEntries(cols.map((c) => [c, null])),
      deadline_provisional: false,
      extended: false,
      was_overdue: false,
      ...r,
    })),
    4000,
  );
  await insertRows(db, [
    auditInsert({
      actor: null,
      action: 'ratings.demo.history',
      entityType: 'demo',
      after: { seed: opts.seed, today, ratings: ratings.length, rectifications: rects.length },
    }),
  ]);
  return { ratings: ratings.length, rectifications: rects.length };
}

/** Rows as one JSON parameter per chunk, typed by the table itself (`jsonb_populate_recordset`). */
async function insertJson(db: Db, table: string, rows: Record<string, unknown>[], chunk: number): Promise<void> {
  if (!rows.length) return;
  const cols = sql.join(Object.keys(rows[0]!).map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += chunk)
    await sql`insert into ${sql.table(table)} (${cols}) select ${cols} from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows.slice(i, i + chunk))}::jsonb)`.execute(
      db,
    );
}
