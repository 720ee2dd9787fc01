/**
 * Signing in and out: username and password, limited per account and source (identity.throttle.ts), with
 * a picture challenge under wide pressure; every attempt is recorded.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import { Problem } from '../../platform/errors';
import { DUMMY_HASH_PROMISE, verifyPassword } from './identity.password';
import { normalizeAnswer } from './identity.challenge';
import { ATTEMPT_WINDOW_MINUTES, decideAttempt } from './identity.throttle';
import * as repo from './identity.repository';
import { forgettingSessions, sha256 } from './identity.sessions';
import { toPublicUser, type PublicUser } from './identity.profile';

/** A source the account signed in from within this many days counts as the account's own. */
export const KNOWN_SOURCE_DAYS = 90;
/** A sign-in challenge must be answered within this time. */
export const CHALLENGE_MINUTES = 5;

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: PublicUser;
}

export interface LoginInput {
  username: string;
  password: string;
  challengeId?: string;
  challengeAnswer?: string;
  ip: string | null;
  userAgent: string | null;
  sessionHours: number;
  /** The instant of the request. */
  now: Date;
}

/** A refusal that tells the client when to try again (the route sets Retry-After). */
export class RetryLater extends Problem {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      '请求过于频繁',
      `登录失败次数过多，请 ${retryAfterSeconds >= 60 ? `${Math.ceil(retryAfterSeconds / 60)} 分钟` : `${retryAfterSeconds} 秒`}后再试`,
      [],
      'sign_in_delayed',
    );
  }
}

const challengeNeeded = (detail: string, code: 'challenge_required' | 'challenge_failed') =>
  new Problem(401, '未登录或登录已失效', detail, [{ field: 'challengeAnswer', message: detail }], code);

/**
 * Sign-in with username and password, limited per account and source together (identity.throttle.ts):
 * a pair that keeps failing waits longer each time, and wide pressure asks for a challenge. Every
 * attempt is recorded for the account's own sign-in history and the administrator.
 */
export async function login(db: Db, input: LoginInput): Promise<LoginResult> {
  const username = input.username.toLowerCase();
  const now = input.now;
  const counts = await repo.attemptCounts(
    db,
    username,
    input.ip,
    new Date(now.getTime() - ATTEMPT_WINDOW_MINUTES * 60_000),
    new Date(now.getTime() - KNOWN_SOURCE_DAYS * 86_400_000),
  );
  const decision = decideAttempt(counts, now);
  const user = await repo.findUserByUsername(db, input.username);
  const attempt = (ok: boolean, reason: string | null) =>
    repo.recordAttempt(db, {
      username,
      user_id: user?.id ?? null,
      ip: input.ip,
      user_agent: input.userAgent,
      ok,
      reason,
    });
  if (decision.waitSeconds > 0) {
    await attempt(false, 'delayed');
    throw new RetryLater(decision.waitSeconds);
  }
  if (decision.challenge) {
    if (!input.challengeId || !input.challengeAnswer) {
      await attempt(false, 'challenge_required');
      throw challengeNeeded('请先回答图形验证题', 'challenge_required');
    }
    const stored = /^[0-9a-f-]{36}$/i.test(input.challengeId)
      ? await repo.takeChallenge(db, input.challengeId, now)
      : null;
    const typed = normalizeAnswer(input.challengeAnswer);
    if (!stored || typed === null || stored !== challengeHash(input.challengeId, typed)) {
      await attempt(false, 'challenge');
      throw challengeNeeded('图形验证答案不正确或已过期，请重新回答', 'challenge_failed');
    }
  }
  const ok = user
    ? await verifyPassword(input.password, user.password_hash)
    : await verifyPassword(input.password, await DUMMY_HASH_PROMISE);
  if (!user || !ok || !user.active) {
    await attempt(false, 'password');
    await recordAudit(db, {
      actor: null,
      action: 'identity.login.fail',
      entityType: 'user',
      entityId: user?.id ?? null,
      after: { username: input.username },
      ip: input.ip,
    });
    // Tell the client when the next attempt will need a challenge, so that a browser shows it at once.
    const next = decideAttempt(
      {
        ...counts,
        pairFailures: counts.pairFailures + 1,
        sourceFailures: counts.sourceFailures + 1,
        accountFailures: counts.accountFailures + 1,
      },
      now,
    );
    throw new Problem(
      401,
      '未登录或登录已失效',
      '用户名或密码错误',
      [],
      next.challenge ? 'challenge_required' : undefined,
    );
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.sessionHours * 3600_000);
  await db.transaction().execute(async (tx) => {
    await repo.insertSession(
      tx,
      {
        token_hash: sha256(token),
        user_id: user.id,
        csrf_token: csrfToken,
        ip: input.ip,
        user_agent: input.userAgent,
        expires_at: expiresAt,
      },
      now,
    );
    await repo.updateUser(tx, user.id, { last_login_at: now }, now);
    await repo.recordAttempt(tx, {
      username,
      user_id: user.id,
      ip: input.ip,
      user_agent: input.userAgent,
      ok: true,
      reason: null,
    });
    await recordAudit(tx, {
      actor: { id: user.id, username: user.username },
      action: 'identity.login',
      entityType: 'user',
      entityId: user.id,
      ip: input.ip,
    });
  });
  return { token, csrfToken, expiresAt, user: await toPublicUser(db, user) };
}

const challengeHash = (id: string, answer: string) => sha256(`${id}:${answer}`);

/** A new sign-in challenge: its id and the image; the answer stays on the server. */
export async function newChallenge(db: Db, make: () => { answer: string; svg: string }, now: Date) {
  const c = make();
  const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
  // The id is chosen first so that the stored hash binds the answer to this challenge.
  const id = randomUUID();
  await repo.insertChallenge(db, { id, answer_hash: challengeHash(id, c.answer), expires_at: expiresAt });
  return { id, image: `data:image/svg+xml;base64,${Buffer.from(c.svg).toString('base64')}`, expiresAt };
}

export async function logout(db: Db, actor: Actor, ip: string | null, now: Date): Promise<void> {
  await forgettingSessions(
    db.transaction().execute(async (tx) => {
      await repo.revokeSession(tx, actor.sessionId, now);
      await recordAudit(tx, { actor, action: 'identity.logout', entityType: 'user', entityId: actor.id, ip });
    }),
  );
}
