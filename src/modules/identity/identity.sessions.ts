/**
 * Sessions: resolving a token to its actor (remembered for a few seconds), an account's own sessions
 * (devices) and sign-in history; the administrator's view of sign-in attempts.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import { readCache } from '../../platform/cache';
import { perDatabase, type Db } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { getRegion } from '../org/index';
import * as repo from './identity.repository';
import { scopeOf } from './identity.accounts';

/** Sessions' last-seen time is written at most this often (per node). */
export const SESSION_TOUCH_MS = 5 * 60_000;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The session check runs on every request, so live sessions are remembered for a few seconds. Identity
 * writes on this node (logout, role or scope change, deactivation, password change) forget them at once;
 * other nodes see such a change within this time.
 */
export const SESSION_CACHE_MS = 5_000;
const sessionCache = readCache(SESSION_CACHE_MS);
/** Commits an identity write, then forgets every remembered session (it may describe the old state). */
export async function forgettingSessions<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    sessionCache.clear();
  }
}

/** Resolves a session token to the actor; null when unknown, expired, revoked or the account is inactive. */
export async function authenticateToken(db: Db, token: string, viaCookie: boolean, now: Date): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const s = await sessionCache.get(db, sha256(token), () => repo.findLiveSession(db, sha256(token), now));
  if (!s) return null;
  await touch(db, s.session_id, s.last_seen_at, now);
  return {
    id: s.id,
    username: s.username,
    name: s.name,
    kind: s.kind,
    roles: s.roles,
    scope: scopeOf(s),
    sessionId: s.session_id,
    csrfToken: s.csrf_token,
    viaCookie,
  };
}

/** When this node last recorded each session's use, per database. */
const touchedOf = perDatabase(() => new Map<string, number>());
/** Records that a session was used, at most every SESSION_TOUCH_MS per session and node. */
async function touch(db: Db, sessionId: string, lastSeen: Date | null, at: Date) {
  const touched = touchedOf(db);
  const now = at.getTime();
  const last = Math.max(touched.get(sessionId) ?? 0, lastSeen?.getTime() ?? 0);
  if (now - last < SESSION_TOUCH_MS) return;
  touched.set(sessionId, now);
  if (touched.size > 10_000) touched.clear();
  await repo.touchSession(db, sessionId, at);
}

export interface SessionView {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date | null;
  expiresAt: Date;
  /** The session this request came with. */
  current: boolean;
}

export async function listSessions(db: Db, actor: Actor, now: Date): Promise<SessionView[]> {
  return (await repo.listLiveSessions(db, actor.id, now)).map((s) => ({
    id: s.id,
    userAgent: s.user_agent,
    ip: s.ip,
    createdAt: s.created_at,
    lastSeenAt: s.last_seen_at,
    expiresAt: s.expires_at,
    current: s.id === actor.sessionId,
  }));
}

/** Ends one of the actor's own sessions (404 for any other id, live or not). */
export async function endSession(db: Db, actor: Actor, sessionId: string, ip: string | null, now: Date): Promise<void> {
  await forgettingSessions(
    db.transaction().execute(async (tx) => {
      if (!(await repo.revokeSessionOf(tx, actor.id, sessionId, now))) throw notFound('会话');
      await recordAudit(tx, {
        actor,
        action: 'identity.session.end',
        entityType: 'user',
        entityId: actor.id,
        after: { sessionId },
        ip,
      });
    }),
  );
}

export interface AttemptView {
  id: string;
  username: string;
  accountName?: string | null;
  ip: string | null;
  userAgent: string | null;
  ok: boolean;
  /** password | challenge | challenge_required | delayed (null on success). */
  reason: string | null;
  at: Date;
}

const attemptView = (a: {
  id: string;
  username: string;
  ip: string | null;
  user_agent: string | null;
  ok: boolean;
  reason: string | null;
  at: Date;
}): AttemptView => ({
  id: String(a.id),
  username: a.username,
  ip: a.ip,
  userAgent: a.user_agent,
  ok: a.ok,
  reason: a.reason,
  at: a.at,
});

/** The account's own sign-in history: successes and failures, from wherever they came. */
export async function ownSignIns(db: Db, actor: Actor, limit = 50): Promise<AttemptView[]> {
  return (await repo.listOwnAttempts(db, actor.id, limit)).map(attemptView);
}

/**
 * Sign-in attempts for an administrator: staff accounts of their region subtree; an administrator of the
 * top region also sees applicants' attempts and attempts on usernames that have no account.
 */
export async function listSignInAttempts(
  db: Db,
  admin: Actor,
  f: { username?: string; ip?: string; ok?: boolean; page: number; pageSize: number },
) {
  const region = await getRegion(db, admin.scope.regionCode);
  const { total, items } = await repo.listAttempts(db, {
    ...f,
    regionPrefix: admin.scope.regionPrefix,
    includeNonStaff: !!region && !region.parentCode,
  });
  return { total, items: items.map((a) => ({ ...attemptView(a), accountName: a.account_name })) };
}
