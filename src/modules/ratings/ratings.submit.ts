/**
 * Rating 评价: the applicant online (一事一评) or at the window on their own device, and the hall's rating
 * device 评价器 with a one-time token a clerk opens (一次一评). A bad rating opens its rectification.
 */
import { randomInt } from 'node:crypto';
import type { Db, Tx } from '../../platform/db';
import { conflict, fieldError, notFound, unprocessable } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { maskName } from '../../platform/mask';
import { todayInShanghai } from '../calendar/index';
import { getCaseRatingFacts, type CaseRatingFacts } from '../cases/index';
import * as repo from './ratings.repository';
import type { RatingRow } from './ratings.repository';
import { assertOpensDevice, assertRates } from './ratings.policy';
import {
  checkIndicators,
  INDICATORS,
  isBadLevel,
  LEVEL_LABELS,
  ONLINE_RATABLE_STATUSES,
  type RatingChannel,
} from './ratings.rules';
import type { DeviceRateBody, RateBody, RatingView } from './ratings.schemas';
import type { Ctx } from './ratings.context';
import { ratingView } from './ratings.read';

/** How long a window rating-device token lives. */
export const DEVICE_SESSION_MINUTES = 30;

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
  now: Date,
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
    rated_on: todayInShanghai(now),
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
    .execute((tx) =>
      insertRating(tx, facts, { ...body, ratedBy: actor.id, viaDevice: false }, { actor, ip: ctx.ip }, ctx.now),
    );
  return ratingView(db, row);
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
      expires_at: new Date(ctx.now.getTime() + DEVICE_SESSION_MINUTES * 60_000),
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

async function liveDeviceSession(db: Db | Tx, token: string, now: Date) {
  const tx = db as Tx;
  const s = await repo.getDeviceSessionForUpdate(tx, token);
  if (!s || s.used_at || s.expires_at.getTime() < now.getTime()) throw notFound('评价口令');
  const facts = await getCaseRatingFacts(tx, s.case_id);
  if (!facts) throw notFound('评价口令');
  return { s, facts };
}

/** What the rating device shows before the applicant presses a button. */
export async function deviceSessionInfo(db: Db, token: string, now: Date) {
  return db.transaction().execute(async (tx) => {
    const { facts } = await liveDeviceSession(tx, token, now);
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
  now: Date,
): Promise<RatingView> {
  assertIndicators('window', body.level, body.indicators);
  const row = await db.transaction().execute(async (tx) => {
    const { s, facts } = await liveDeviceSession(tx, token, now);
    await repo.useDeviceSession(tx, s.token);
    return insertRating(
      tx,
      facts,
      { channel: 'window', ...body, ratedBy: facts.applicantId, viaDevice: true },
      { actor: null, ip },
      now,
    );
  });
  return ratingView(db, row);
}
