import { sql, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { pageOf } from '../../platform/paging';
import { tables } from '../../platform/db';
import type { Role } from '../../platform/auth';
import type { IdentityTables } from './identity.tables';
import type { AttemptCounts } from './identity.throttle';
import { containsPattern, regionIn } from '../../platform/scope';

export type UserRow = Selectable<IdentityTables['users']>;
const q = (db: Db | Tx) => tables<IdentityTables>(db);

export async function findUserByUsername(db: Db | Tx, username: string): Promise<UserRow | undefined> {
  return q(db)
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
}

export async function findUserById(db: Db | Tx, id: string): Promise<UserRow | undefined> {
  return q(db).selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The active applicant (person or company) holding this ID number or credit code verified. */
export async function findVerifiedApplicantByCode(
  db: Db | Tx,
  code: { idNumber?: string; creditCode?: string },
): Promise<UserRow | undefined> {
  let qb = q(db)
    .selectFrom('users')
    .selectAll()
    .where('active', '=', true)
    .where('kind', 'in', ['person', 'company'])
    .where('verification', '<>', 'unverified');
  qb = code.idNumber ? qb.where('id_number', '=', code.idNumber) : qb.where('credit_code', '=', code.creditCode ?? '');
  return qb.executeTakeFirst();
}

/** Whether an account other than this one holds its claim verified (active or not: the code stays taken). */
export async function claimVerifiedElsewhere(
  db: Db | Tx,
  u: Pick<UserRow, 'id' | 'id_number' | 'credit_code'>,
): Promise<boolean> {
  if (!u.id_number && !u.credit_code) return false;
  let qb = q(db).selectFrom('users').select('id').where('verification', '<>', 'unverified').where('id', '<>', u.id);
  qb = u.id_number ? qb.where('id_number', '=', u.id_number) : qb.where('credit_code', '=', u.credit_code!);
  return !!(await qb.executeTakeFirst());
}

/** Applicant accounts a window clerk looks up: by exact username or phone. */
export async function findApplicantsByUsernameOrPhone(db: Db | Tx, term: string): Promise<UserRow[]> {
  return q(db)
    .selectFrom('users')
    .selectAll()
    .where('kind', 'in', ['person', 'company'])
    .where((eb) => eb.or([eb(eb.fn('lower', ['username']), '=', term.toLowerCase()), eb('phone', '=', term)]))
    .orderBy('created_at')
    .limit(20)
    .execute();
}

export async function insertVerificationRequest(
  db: Db | Tx,
  r: { user_id: string; provider: string; expires_at: Date },
): Promise<string> {
  const row = await q(db)
    .insertInto('identity_verification_requests')
    .values({ ...r, completed_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks an open, unexpired request of the user completed; null when there is none (used, expired, not theirs). */
export async function completeVerificationRequest(
  db: Db | Tx,
  id: string,
  userId: string,
  now: Date,
): Promise<string | null> {
  const row = await q(db)
    .updateTable('identity_verification_requests')
    .set({ completed_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('completed_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('provider')
    .executeTakeFirst();
  return row?.provider ?? null;
}

export type NewUser = Omit<Insertable<IdentityTables['users']>, 'id' | 'created_at' | 'updated_at' | 'last_login_at'>;

export async function insertUser(db: Db | Tx, u: NewUser) {
  return q(db)
    .insertInto('users')
    .values({ ...u, last_login_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Db | Tx,
  id: string,
  patch: Partial<Omit<UserRow, 'id' | 'created_at'>>,
  now: Date,
) {
  return q(db)
    .updateTable('users')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface StaffFilter {
  regionPrefix: string;
  q?: string;
  /** A region's subtree by its scope prefix (org's `scopePrefix`), within `regionPrefix`. */
  within?: string;
  role?: Role;
  includeApplicants?: boolean;
  page: number;
  pageSize: number;
}

export async function listStaff(db: Db, f: StaffFilter) {
  let sel = q(db)
    .selectFrom('users')
    .where('kind', '=', 'staff')
    .where((eb) => regionIn(eb, 'region_code', f.regionPrefix));
  if (f.within) {
    const within = f.within;
    sel = sel.where((eb) => regionIn(eb, 'region_code', within));
  }
  if (f.role) sel = sel.where(sql<SqlBool>`${f.role} = any(roles)`);
  if (f.q) {
    const like = containsPattern(f.q);
    sel = sel.where((eb) => eb.or([eb('username', 'ilike', like), eb('name', 'ilike', like)]));
  }
  return pageOf(sel, (qb) => qb.selectAll().orderBy('region_code').orderBy('username'), f);
}

export async function insertSession(
  db: Db | Tx,
  s: {
    token_hash: string;
    user_id: string;
    csrf_token: string;
    ip: string | null;
    user_agent: string | null;
    expires_at: Date;
  },
  now: Date,
) {
  return q(db)
    .insertInto('sessions')
    .values({ ...s, revoked_at: null, last_seen_at: now })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function findLiveSession(db: Db | Tx, tokenHash: string, now: Date) {
  return q(db)
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'users.id',
      'users.username',
      'users.name',
      'users.kind',
      'users.roles',
      'users.region_code',
      'users.region_prefix',
      'users.department_id',
      'users.hall_id',
      'users.window_id',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', true)
    .executeTakeFirst();
}

export async function revokeSession(db: Db | Tx, sessionId: string, now: Date) {
  await q(db).updateTable('sessions').set({ revoked_at: now }).where('id', '=', sessionId).execute();
}

/** Ends the user's live sessions, all or all but one (the session that changed the password). */
export async function revokeUserSessions(db: Db | Tx, userId: string, now: Date, exceptSessionId?: string) {
  let qb = q(db)
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptSessionId) qb = qb.where('id', '<>', exceptSessionId);
  await qb.execute();
}

/** Ends one live session of the user; false when the user has no such live session. */
export async function revokeSessionOf(db: Db | Tx, userId: string, sessionId: string, now: Date): Promise<boolean> {
  const r = await q(db)
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

export async function listLiveSessions(db: Db | Tx, userId: string, now: Date) {
  return q(db)
    .selectFrom('sessions')
    .select(['id', 'ip', 'user_agent', 'created_at', 'last_seen_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function touchSession(db: Db | Tx, sessionId: string, at: Date) {
  await q(db).updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

/** Failures that count: wrong passwords (or unknown usernames) and wrong challenge answers. */
const COUNTED = sql<SqlBool>`(not ok and reason in ('password', 'challenge'))`;

/** The counts the sign-in limits decide on (identity.throttle.ts); `username` is lower-cased. */
export async function attemptCounts(
  db: Db | Tx,
  username: string,
  ip: string | null,
  since: Date,
  knownSince: Date,
): Promise<AttemptCounts> {
  const pair = sql<SqlBool>`(username = ${username} and ip is not distinct from ${ip})`;
  // A pair's count starts again after its last success.
  const r = await sql<{
    pair: string | number;
    pair_last: Date | string | null;
    source: string | number;
    account: string | number;
    known: boolean;
  }>`
    with recent as (
      select username, ip, ok, reason, at from login_attempts
      where at > ${since} and (username = ${username} or ip is not distinct from ${ip})
    )
    select
      count(*) filter (
        where ${pair} and ${COUNTED}
          and at > coalesce((select max(at) from recent where ${pair} and ok), ${since})
      ) as pair,
      max(at) filter (where ${pair} and ${COUNTED}) as pair_last,
      count(*) filter (where ip is not distinct from ${ip} and ${COUNTED}) as source,
      count(*) filter (where username = ${username} and ${COUNTED}) as account,
      exists (
        select 1 from login_attempts
        where username = ${username} and ip is not distinct from ${ip} and ok and at > ${knownSince}
      ) as known
    from recent`.execute(db);
  const row = r.rows[0]!;
  return {
    pairFailures: Number(row.pair),
    pairLastFailureAt: row.pair_last ? new Date(row.pair_last) : null,
    sourceFailures: Number(row.source),
    accountFailures: Number(row.account),
    knownSource: !!row.known,
  };
}

export async function recordAttempt(db: Db | Tx, a: Insertable<IdentityTables['login_attempts']>) {
  await q(db).insertInto('login_attempts').values(a).execute();
}

export type AttemptRow = Selectable<IdentityTables['login_attempts']>;

export async function listOwnAttempts(db: Db | Tx, userId: string, limit: number): Promise<AttemptRow[]> {
  return q(db)
    .selectFrom('login_attempts')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export interface AttemptFilter {
  regionPrefix: string;
  /** Also attempts on applicant accounts and on usernames without an account. */
  includeNonStaff: boolean;
  username?: string;
  ip?: string;
  ok?: boolean;
  page: number;
  pageSize: number;
}

export async function listAttempts(db: Db, f: AttemptFilter) {
  let sel = q(db)
    .selectFrom('login_attempts')
    .leftJoin('users', 'users.id', 'login_attempts.user_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('users.kind', '=', 'staff'), regionIn(eb, 'users.region_code', f.regionPrefix)]),
        ...(f.includeNonStaff ? [eb('users.kind', 'is', null), eb('users.kind', '<>', 'staff')] : []),
      ]),
    );
  if (f.username) sel = sel.where('login_attempts.username', '=', f.username.toLowerCase());
  if (f.ip) sel = sel.where('login_attempts.ip', '=', f.ip);
  if (f.ok !== undefined) sel = sel.where('login_attempts.ok', '=', f.ok);
  return pageOf(
    sel,
    (qb) =>
      qb
        .select([
          'login_attempts.id',
          'login_attempts.username',
          'login_attempts.ip',
          'login_attempts.user_agent',
          'login_attempts.ok',
          'login_attempts.reason',
          'login_attempts.at',
          'users.name as account_name',
        ])
        .orderBy('login_attempts.at', 'desc')
        .orderBy('login_attempts.id', 'desc'),
    f,
  );
}

export async function insertChallenge(db: Db | Tx, c: { id: string; answer_hash: string; expires_at: Date }) {
  await q(db).insertInto('login_challenges').values(c).execute();
}

/** Takes a challenge out (single use): its answer hash when it existed and had not expired. */
export async function takeChallenge(db: Db | Tx, id: string, now: Date): Promise<string | null> {
  const r = await q(db)
    .deleteFrom('login_challenges')
    .where('id', '=', id)
    .returning(['answer_hash', 'expires_at'])
    .executeTakeFirst();
  return r && r.expires_at > now ? r.answer_hash : null;
}

/** Forgets sign-in attempts and verification requests older than `before`, and challenges expired by `now`. */
export async function prune(db: Db | Tx, before: Date, now: Date) {
  await q(db).deleteFrom('login_attempts').where('at', '<', before).execute();
  await q(db).deleteFrom('identity_verification_requests').where('expires_at', '<', before).execute();
  await q(db).deleteFrom('login_challenges').where('expires_at', '<', now).execute();
}

/** Active staff accounts bound to a department, optionally within a region subtree and/or a hall. */
/** Ids of the staff accounts assigned to a window (active or not: their past cases stay theirs). */
export async function staffIdsAtWindow(db: Db | Tx, windowId: string): Promise<string[]> {
  return (
    await q(db).selectFrom('users').select('id').where('kind', '=', 'staff').where('window_id', '=', windowId).execute()
  ).map((r) => r.id);
}

export async function activeDepartmentStaff(
  db: Db | Tx,
  f: { departmentId: string; regionPrefix?: string; hallId?: string },
): Promise<UserRow[]> {
  let sel = q(db)
    .selectFrom('users')
    .selectAll()
    .where('kind', '=', 'staff')
    .where('active', '=', true)
    .where('department_id', '=', f.departmentId);
  if (f.regionPrefix) {
    const prefix = f.regionPrefix;
    sel = sel.where((eb) => regionIn(eb, 'region_code', prefix));
  }
  if (f.hallId) sel = sel.where('hall_id', '=', f.hallId);
  return sel.orderBy('username').execute();
}
