/** 好差评 use cases: rating, window rating device, rectification of bad ratings, appeals, published summary. */
import { randomInt } from 'node:crypto';
import type { Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { conflict, fieldError, forbidden, notFound, unprocessable, staleVersion } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { maskName } from '../../platform/mask';
import { addWorkdays, todayInShanghai } from '../calendar/index';
import { getCaseRatingFacts, type CaseRatingFacts } from '../cases/index';
import { departmentCodesFor, getDepartment, getRegion } from '../org/index';
import { notify } from '../notify/index';
import * as repo from './ratings.repository';
import type { AppealRow, RatingRow, RectificationRow } from './ratings.repository';
import {
  assertOpensDevice,
  assertRates,
  mayHandle,
  scopeFilterFor,
  visible,
  type HandleAction,
  type RatingScopeFacts,
  type ScopeFilter,
} from './ratings.policy';
import {
  availableActions,
  OPEN_STATUSES,
  RECTIFICATION_STATUS_LABELS,
  step,
  type RectificationInput,
} from './ratings.rectification';
import {
  CHANNEL_LABELS,
  checkIndicators,
  INDICATORS,
  indicatorLabel,
  isBadLevel,
  LEVEL_LABELS,
  ONLINE_RATABLE_STATUSES,
  satisfaction,
  type LevelCounts,
  type RatingChannel,
  type RatingLevel,
} from './ratings.rules';
import type {
  AppealView,
  DeviceRateBody,
  RateBody,
  RatingListQuery,
  RatingView,
  RectificationListQuery,
  RectificationView,
  Summary,
  SummaryLine,
  SummaryQuery,
} from './ratings.schemas';

export interface Ctx {
  actor: Actor;
  ip: string | null;
}

const RATING = '评价';
const RECT = '差评整改';
const APPEAL = '申诉';

/* ------------------------------------------------------------------ configuration */

const intFromEnv = (name: string, dflt: number, max: number) => {
  const n = Number(process.env[name] ?? dflt);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : dflt;
};
/** Rectification deadline in working days (local rules: 5 or 15); env `RATINGS_RECTIFY_WORKDAYS`, default 5. */
export const rectifyWorkdays = () => intFromEnv('RATINGS_RECTIFY_WORKDAYS', 5, 60);
/** Default length of the one extension in working days; env `RATINGS_EXTENSION_WORKDAYS`, default 5. */
export const extensionWorkdays = () => intFromEnv('RATINGS_EXTENSION_WORKDAYS', 5, 15);
/** How long a window rating-device token lives. */
export const DEVICE_SESSION_MINUTES = 30;

/* ------------------------------------------------------------------ scope */

async function scopeOf(db: Db | Tx, actor: Actor, includeOwn: boolean): Promise<ScopeFilter> {
  return scopeFilterFor(actor, await departmentCodesFor(db, actor), includeOwn);
}

const factsOfRating = (r: RatingRow): RatingScopeFacts => ({
  departmentCode: r.department_code,
  regionCode: r.region_code,
  acceptRegionCode: r.accept_region_code,
  hallId: r.hall_id,
  ratedBy: r.rated_by,
});

/** Staff scope (not as the rater) and the role for the action, else 404 / 403. */
async function assertHandle(db: Db | Tx, actor: Actor, r: RatingRow, action: HandleAction, what: string) {
  if (!visible(await scopeOf(db, actor, false), factsOfRating(r))) throw notFound(what);
  if (!mayHandle(actor, action)) throw forbidden();
}

/* ------------------------------------------------------------------ views */

type DeptNames = Map<string, string | null>;
async function deptName(db: Db | Tx, names: DeptNames, code: string): Promise<string | null> {
  if (!names.has(code)) names.set(code, (await getDepartment(db, code))?.name ?? null);
  return names.get(code)!;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAppealView(a: AppealRow): AppealView {
  return {
    id: a.id,
    ratingId: a.rating_id,
    status: a.status,
    statusLabel: { pending: '待裁定', upheld: '申诉成立', rejected: '申诉不成立' }[a.status],
    reason: a.reason,
    evidence: a.evidence,
    filedBy: a.filed_by_name,
    filedAt: a.filed_at.toISOString(),
    decidedBy: a.decided_by_name,
    decidedAt: iso(a.decided_at),
    decisionComment: a.decision_comment,
  };
}

async function ratingViews(db: Db | Tx, rows: RatingRow[], names: DeptNames = new Map()): Promise<RatingView[]> {
  const ids = rows.map((r) => r.id);
  const [rects, appeals] = await Promise.all([repo.rectificationsByRatings(db, ids), repo.appealsByRatings(db, ids)]);
  const rectOf = new Map(rects.map((x) => [x.rating_id, x]));
  const appealOf = new Map(appeals.map((x) => [x.rating_id, x]));
  const out: RatingView[] = [];
  for (const r of rows) {
    const rect = rectOf.get(r.id);
    const appeal = appealOf.get(r.id);
    out.push({
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      itemCode: r.item_code,
      itemName: r.item_name,
      channel: r.channel,
      channelLabel: CHANNEL_LABELS[r.channel],
      level: r.level,
      levelLabel: LEVEL_LABELS[r.level as RatingLevel],
      bad: isBadLevel(r.level),
      indicators: r.indicators.map((code) => ({ code, label: indicatorLabel(r.channel, code) })),
      comment: r.comment,
      departmentCode: r.department_code,
      departmentName: await deptName(db, names, r.department_code),
      viaDevice: r.via_device,
      ratedOn: r.rated_on,
      createdAt: r.created_at.toISOString(),
      excluded: r.excluded,
      rectification: rect
        ? {
            id: rect.id,
            status: rect.status,
            statusLabel: RECTIFICATION_STATUS_LABELS[rect.status],
            deadline: rect.deadline,
          }
        : null,
      appeal: appeal ? toAppealView(appeal) : null,
    });
  }
  return out;
}

async function rectificationView(
  db: Db | Tx,
  x: RectificationRow,
  rating: RatingRow,
  names: DeptNames = new Map(),
  today = todayInShanghai(),
): Promise<RectificationView> {
  const [rv] = await ratingViews(db, [rating], names);
  const { rectification: _omit, ...ratingView } = rv!;
  void _omit;
  return {
    id: x.id,
    version: x.version,
    status: x.status,
    statusLabel: RECTIFICATION_STATUS_LABELS[x.status],
    rating: ratingView,
    departmentCode: x.department_code,
    departmentName: await deptName(db, names, x.department_code),
    check:
      x.check_valid === null
        ? null
        : { valid: x.check_valid, reason: x.check_reason, by: x.checked_by_name ?? '', at: iso(x.checked_at) ?? '' },
    review:
      x.review_confirm === null
        ? null
        : {
            confirmInvalid: x.review_confirm,
            comment: x.review_comment,
            by: x.reviewed_by_name ?? '',
            at: iso(x.reviewed_at) ?? '',
          },
    startedOn: x.started_on,
    deadline: x.deadline,
    deadlineProvisional: x.deadline_provisional,
    extension: x.extended ? { reason: x.extension_reason ?? '', days: x.extension_days ?? 0 } : null,
    measures: x.measures,
    callback:
      x.callback_at === null
        ? null
        : {
            by: x.callback_by_name ?? '',
            at: x.callback_at.toISOString(),
            method: x.callback_method ?? '',
            result: x.callback_result ?? '',
            applicantSatisfied: !!x.applicant_satisfied,
          },
    wasOverdue: x.was_overdue,
    overdueOn: x.overdue_on,
    closedAt: iso(x.closed_at),
    createdAt: x.created_at.toISOString(),
    availableActions: availableActions({ status: x.status, deadline: x.deadline, extended: x.extended }, today),
  };
}

/* ------------------------------------------------------------------ rating */

function assertIndicators(channel: RatingChannel, level: number, codes: string[]) {
  const problem = checkIndicators(channel, level, codes);
  if (problem) throw fieldError('indicators', problem);
}

/** Inserts the rating (409 when this case was already rated on this channel) and, for a bad one, its rectification. */
async function insertRating(
  tx: Tx,
  facts: CaseRatingFacts,
  input: {
    channel: RatingChannel;
    level: number;
    indicators: string[];
    comment?: string;
    ratedBy: string | null;
    viaDevice: boolean;
  },
  audit: { actor: { id: string; username: string } | null; ip: string | null },
): Promise<RatingRow> {
  if (await repo.findRating(tx, facts.id, input.channel))
    throw conflict('该办件已评价过：每件办件在每个渠道只能评价一次', 'already_rated');
  const row = await repo.insertRating(tx, {
    case_id: facts.id,
    case_number: facts.number,
    item_code: facts.itemCode,
    item_name: facts.itemName,
    channel: input.channel,
    level: input.level,
    indicators: input.indicators,
    comment: input.comment || null,
    department_code: facts.departmentCode,
    region_code: facts.regionCode,
    accept_region_code: facts.acceptRegionCode,
    hall_id: facts.acceptHallId,
    rated_by: input.ratedBy,
    via_device: input.viaDevice,
    rated_on: todayInShanghai(),
  });
  await recordAudit(tx, {
    ...audit,
    action: 'ratings.rate',
    entityType: 'rating',
    entityId: row.id,
    after: {
      caseId: facts.id,
      channel: row.channel,
      level: row.level,
      indicators: row.indicators,
      viaDevice: row.via_device,
    },
  });
  if (isBadLevel(row.level)) {
    const rect = await repo.insertRectification(tx, {
      rating_id: row.id,
      status: 'pending_check',
      department_code: row.department_code,
      region_code: row.region_code,
      accept_region_code: row.accept_region_code,
      hall_id: row.hall_id,
    });
    await recordAudit(tx, {
      ...audit,
      action: 'ratings.rectification.open',
      entityType: 'rectification',
      entityId: rect.id,
      after: { ratingId: row.id, status: rect.status },
    });
  }
  return row;
}

/**
 * The applicant rates a case they were served in.
 * - online 一事一评: after the case is over — completed, or refused / denied (a decision was served); not withdrawn.
 * - window 一次一评: a case registered at a window (an account holder rating on their own device; the hall's
 *   rating device uses a clerk-issued token instead), once it was submitted.
 */
export async function rate(db: Db, ctx: Ctx, body: RateBody): Promise<RatingView> {
  const { actor } = ctx;
  assertRates(actor);
  const facts = await getCaseRatingFacts(db, body.caseId);
  if (!facts || facts.applicantId !== actor.id) throw notFound('办件');
  if (body.channel === 'online' && !ONLINE_RATABLE_STATUSES.includes(facts.status))
    throw unprocessable('办件办结（或作出不予受理、不予许可决定）后才能进行网上评价', [], 'not_finished');
  if (body.channel === 'window' && (facts.channel !== 'window' || !facts.acceptHallId || !facts.submitted))
    throw unprocessable('该办件不是在窗口办理的，不能进行现场评价', [], 'not_at_window');
  assertIndicators(body.channel, body.level, body.indicators);
  const row = await db
    .transaction()
    .execute((tx) => insertRating(tx, facts, { ...body, ratedBy: actor.id, viaDevice: false }, { actor, ip: ctx.ip }));
  return (await ratingViews(db, [row]))[0]!;
}

const TOKEN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newToken = () => Array.from({ length: 8 }, () => TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)]).join('');

/** A window clerk opens the rating device 评价器 for a case their hall registered: a one-time token. */
export async function createDeviceSession(db: Db, ctx: Ctx, caseId: string) {
  const { actor } = ctx;
  assertOpensDevice(actor);
  const facts = await getCaseRatingFacts(db, caseId);
  if (!facts || !actor.scope.hallId || facts.acceptHallId !== actor.scope.hallId) throw notFound('办件');
  if (facts.channel !== 'window' || !facts.submitted)
    throw unprocessable('该办件不是在窗口办理的，不能进行现场评价', [], 'not_at_window');
  return db.transaction().execute(async (tx) => {
    if (await repo.findRating(tx, facts.id, 'window')) throw conflict('该办件已进行过现场评价', 'already_rated');
    const s = await repo.insertDeviceSession(tx, {
      token: newToken(),
      case_id: facts.id,
      hall_id: facts.acceptHallId,
      created_by: actor.id,
      expires_at: new Date(Date.now() + DEVICE_SESSION_MINUTES * 60_000),
    });
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'ratings.device_session.create',
      entityType: 'case',
      entityId: facts.id,
      after: { expiresAt: s.expires_at },
    });
    return {
      token: s.token,
      expiresAt: s.expires_at.toISOString(),
      caseNumber: facts.number,
      itemName: facts.itemName,
    };
  });
}

async function liveDeviceSession(db: Db | Tx, token: string) {
  const tx = db as Tx;
  const s = await repo.getDeviceSessionForUpdate(tx, token);
  if (!s || s.used_at || s.expires_at.getTime() < Date.now()) throw notFound('评价口令');
  const facts = await getCaseRatingFacts(tx, s.case_id);
  if (!facts) throw notFound('评价口令');
  return { s, facts };
}

/** What the rating device shows before the applicant presses a button. */
export async function deviceSessionInfo(db: Db, token: string) {
  return db.transaction().execute(async (tx) => {
    const { facts } = await liveDeviceSession(tx, token);
    return {
      caseNumber: facts.number,
      itemName: facts.itemName,
      applicantName: maskName(facts.applicantName) ?? '',
      indicators: Object.entries(INDICATORS.window).map(([code, label]) => ({ code, label })),
      levels: ([5, 4, 3, 2, 1] as const).map((level) => ({ level, label: LEVEL_LABELS[level] })),
    };
  });
}

/** The rating device posts the applicant's 一次一评 with the token (no login; the token is single-use). */
export async function rateOnDevice(
  db: Db,
  token: string,
  body: DeviceRateBody,
  ip: string | null,
): Promise<RatingView> {
  assertIndicators('window', body.level, body.indicators);
  const row = await db.transaction().execute(async (tx) => {
    const { s, facts } = await liveDeviceSession(tx, token);
    await repo.useDeviceSession(tx, s.token);
    return insertRating(
      tx,
      facts,
      { channel: 'window', ...body, ratedBy: facts.applicantId, viaDevice: true },
      { actor: null, ip },
    );
  });
  return (await ratingViews(db, [row]))[0]!;
}

export async function listRatings(db: Db, actor: Actor, q: RatingListQuery) {
  const scope = await scopeOf(db, actor, true);
  const { total, items } = await repo.listRatings(db, scope, q);
  return { total, page: q.page, pageSize: q.pageSize, items: await ratingViews(db, items) };
}

export async function getRating(db: Db, actor: Actor, id: string): Promise<RatingView> {
  const r = await repo.getRating(db, id);
  if (!r || !visible(await scopeOf(db, actor, true), factsOfRating(r))) throw notFound(RATING);
  return (await ratingViews(db, [r]))[0]!;
}

/* ------------------------------------------------------------------ summary 公示 */

export const SATISFACTION_DEFINITION =
  '好评率 =（满意 + 非常满意）÷ 计入统计的评价数；计入统计的评价为统计期内（按评价日期）全部评价中扣除申诉成立（恶意、误评）的评价；基本满意计入分母但不计为好评。';

export async function summary(db: Db | Tx, q: SummaryQuery): Promise<Summary> {
  let regionPrefix: string | undefined;
  if (q.regionCode) {
    const region = await getRegion(db, q.regionCode);
    if (!region) throw fieldError('regionCode', '区划不存在');
    regionPrefix = region.scopePrefix;
  }
  if (q.from && q.to && q.from > q.to) throw fieldError('to', '结束日期不能早于开始日期');
  const rows = await repo.summaryCounts(db, { from: q.from, to: q.to, channel: q.channel, regionPrefix });
  const empty = (): LevelCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
  const byDept = new Map<string, { counts: LevelCounts; excluded: number }>();
  const all = { counts: empty(), excluded: 0 };
  for (const r of rows) {
    let d = byDept.get(r.department_code);
    if (!d) byDept.set(r.department_code, (d = { counts: empty(), excluded: 0 }));
    const level = r.level as RatingLevel;
    for (const acc of [d, all]) {
      if (r.excluded) acc.excluded += r.n;
      else acc.counts[level] += r.n;
    }
  }
  const line = (a: { counts: LevelCounts; excluded: number }) => {
    const s = satisfaction(a.counts);
    return {
      total: s.counted + a.excluded,
      excluded: a.excluded,
      counted: s.counted,
      counts: a.counts,
      good: s.good,
      bad: s.bad,
      satisfactionRate: s.satisfactionRate,
      badRate: s.badRate,
    };
  };
  const names: DeptNames = new Map();
  const items: SummaryLine[] = [];
  for (const [code, a] of [...byDept.entries()].sort(([x], [y]) => x.localeCompare(y)))
    items.push({ departmentCode: code, departmentName: await deptName(db, names, code), ...line(a) });
  return {
    groupBy: 'department',
    from: q.from ?? null,
    to: q.to ?? null,
    definition: SATISFACTION_DEFINITION,
    items,
    total: line(all),
  };
}

/* ------------------------------------------------------------------ rectifications 差评整改 */

export async function listRectifications(db: Db, actor: Actor, q: RectificationListQuery) {
  const scope = await scopeOf(db, actor, false);
  const { total, items } = await repo.listRectifications(db, scope, q);
  const names: DeptNames = new Map();
  const today = todayInShanghai();
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
  if (!x || !r || !visible(await scopeOf(db, actor, false), factsOfRating(r))) throw notFound(RECT);
  return { x, r };
}

export async function getRectification(db: Db, actor: Actor, id: string): Promise<RectificationView> {
  const { x, r } = await loadRectification(db, actor, id);
  return rectificationView(db, x, r);
}

type ActionBody =
  | { action: 'check'; version: number; valid: boolean; reason?: string }
  | { action: 'review'; version: number; confirmInvalid: boolean; comment?: string }
  | { action: 'extend'; version: number; reason: string; days?: number }
  | {
      action: 'callback';
      version: number;
      method: string;
      result: string;
      measures?: string;
      applicantSatisfied: boolean;
    };

const ACTION_PERMISSION: Record<ActionBody['action'], HandleAction> = {
  check: 'check',
  review: 'review',
  extend: 'extend',
  callback: 'callback',
};

/** One step of a rectification, at the version the client saw (409 when stale or not allowed in the state). */
export async function actOnRectification(db: Db, ctx: Ctx, id: string, body: ActionBody): Promise<RectificationView> {
  const { actor } = ctx;
  if (body.action === 'check' && !body.valid && !body.reason) throw fieldError('reason', '认定为无效差评时请填写理由');
  const today = todayInShanghai();
  const updated = await db.transaction().execute(async (tx) => {
    const { x, r } = await loadRectification(tx, actor, id, true);
    await assertHandle(tx, actor, r, ACTION_PERMISSION[body.action], RECT);
    if (x.version !== body.version) throw staleVersion('整改记录', { current: x.version, submitted: body.version });
    const input: RectificationInput =
      body.action === 'check'
        ? { action: 'check', valid: body.valid }
        : body.action === 'review'
          ? { action: 'review', confirmInvalid: body.confirmInvalid }
          : body.action === 'extend'
            ? { action: 'extend', today }
            : { action: 'callback' };
    const st = step({ status: x.status, deadline: x.deadline, extended: x.extended }, input);
    if (!st.ok) throw conflict(st.reason, 'rectification_state');
    const now = new Date();
    const patch: Parameters<typeof repo.updateRectification>[2] = { status: st.status };
    if (st.deadline === 'start') {
      const due = await addWorkdays(tx, today, rectifyWorkdays());
      Object.assign(patch, { started_on: today, deadline: due.date, deadline_provisional: due.provisional });
    }
    if (body.action === 'check')
      Object.assign(patch, {
        check_valid: body.valid,
        check_reason: body.reason || null,
        checked_by: actor.id,
        checked_by_name: actor.name,
        checked_at: now,
      });
    if (body.action === 'review')
      Object.assign(patch, {
        review_confirm: body.confirmInvalid,
        review_comment: body.comment || null,
        reviewed_by: actor.id,
        reviewed_by_name: actor.name,
        reviewed_at: now,
        ...(body.confirmInvalid ? { closed_at: now } : {}),
      });
    if (body.action === 'extend') {
      const days = body.days ?? extensionWorkdays();
      const due = await addWorkdays(tx, x.deadline!, days);
      Object.assign(patch, {
        extended: true,
        extension_reason: body.reason,
        extension_days: days,
        deadline: due.date,
        deadline_provisional: due.provisional,
      });
    }
    if (body.action === 'callback')
      Object.assign(patch, {
        callback_by: actor.id,
        callback_by_name: actor.name,
        callback_at: now,
        callback_method: body.method,
        callback_result: body.result,
        measures: body.measures || null,
        applicant_satisfied: body.applicantSatisfied,
        closed_at: now,
      });
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
export async function sweepRectifications(db: Db, today: string = todayInShanghai(), batch = 500): Promise<number> {
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

/* ------------------------------------------------------------------ appeals 申诉 */

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
  if (!a || !r || !visible(await scopeOf(db, actor, false), factsOfRating(r))) throw notFound(APPEAL);
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
      decided_at: new Date(),
      decision_comment: body.comment || null,
    });
    if (body.upheld) {
      await repo.setRatingExcluded(tx, r.id, true);
      const x = await repo.getRectificationByRating(tx, r.id, true);
      if (x && OPEN_STATUSES.includes(x.status)) {
        await repo.updateRectification(tx, x.id, { status: 'closed_invalid', closed_at: new Date() });
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
