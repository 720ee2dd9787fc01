/** An account's own sessions (devices) and sign-in history; the administrator's view of sign-in attempts. */
import type { Actor } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { getRegion } from '../org/index';
import * as repo from './identity.repository';

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

export async function listSessions(db: Db, actor: Actor): Promise<SessionView[]> {
  return (await repo.listLiveSessions(db, actor.id)).map((s) => ({
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
export async function endSession(
  db: Db,
  actor: Actor,
  sessionId: string,
  ip: string | null,
  forget: () => void,
): Promise<void> {
  try {
    await db.transaction().execute(async (tx) => {
      if (!(await repo.revokeSessionOf(tx, actor.id, sessionId))) throw notFound('会话');
      await recordAudit(tx, {
        actor,
        action: 'identity.session.end',
        entityType: 'user',
        entityId: actor.id,
        after: { sessionId },
        ip,
      });
    });
  } finally {
    forget();
  }
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
