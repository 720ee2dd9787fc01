import { sql, type Insertable, type Selectable, type SqlBool } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { tables } from '../../platform/db';
import type { Role } from '../../platform/auth';
import type { IdentityTables } from './identity.tables';

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

/** The active applicant (person or company) registered with this ID number or credit code. */
export async function findApplicantByCode(
  db: Db | Tx,
  code: { idNumber?: string; creditCode?: string },
): Promise<UserRow | undefined> {
  let qb = q(db).selectFrom('users').selectAll().where('active', '=', true).where('kind', 'in', ['person', 'company']);
  qb = code.idNumber ? qb.where('id_number', '=', code.idNumber) : qb.where('credit_code', '=', code.creditCode ?? '');
  return qb.executeTakeFirst();
}

export type NewUser = Omit<Insertable<IdentityTables['users']>, 'id' | 'created_at' | 'updated_at' | 'last_login_at'>;

export async function insertUser(db: Db | Tx, u: NewUser) {
  return q(db)
    .insertInto('users')
    .values({ ...u, last_login_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateUser(db: Db | Tx, id: string, patch: Partial<Omit<UserRow, 'id' | 'created_at'>>) {
  return q(db)
    .updateTable('users')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface StaffFilter {
  regionPrefix: string;
  q?: string;
  regionCode?: string;
  role?: Role;
  includeApplicants?: boolean;
  page: number;
  pageSize: number;
}

export async function listStaff(db: Db, f: StaffFilter) {
  let sel = q(db).selectFrom('users').where('kind', '=', 'staff').where('region_code', 'like', `${f.regionPrefix}%`);
  if (f.regionCode) sel = sel.where('region_code', 'like', `${f.regionCode.replace(/0+$/, '')}%`);
  if (f.role) sel = sel.where(sql<SqlBool>`${f.role} = any(roles)`);
  if (f.q) {
    const like = `%${f.q}%`;
    sel = sel.where((eb) => eb.or([eb('username', 'ilike', like), eb('name', 'ilike', like)]));
  }
  const { n } = await sel.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await sel
    .selectAll()
    .orderBy('region_code')
    .orderBy('username')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(n), items };
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
) {
  return q(db)
    .insertInto('sessions')
    .values({ ...s, revoked_at: null })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function findLiveSession(db: Db | Tx, tokenHash: string) {
  return q(db)
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
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
    .where('sessions.expires_at', '>', new Date())
    .where('users.active', '=', true)
    .executeTakeFirst();
}

export async function revokeSession(db: Db | Tx, sessionId: string) {
  await q(db).updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).execute();
}

export async function revokeUserSessions(db: Db | Tx, userId: string) {
  await q(db)
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function countRecentFailures(db: Db | Tx, username: string, since: Date): Promise<number> {
  const r = await q(db)
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function recordFailure(db: Db | Tx, username: string, ip: string | null) {
  await q(db).insertInto('login_failures').values({ username: username.toLowerCase(), ip }).execute();
}

export async function clearFailures(db: Db | Tx, username: string) {
  await q(db)
    .deleteFrom('login_failures')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .execute();
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
  if (f.regionPrefix) sel = sel.where('region_code', 'like', `${f.regionPrefix}%`);
  if (f.hallId) sel = sel.where('hall_id', '=', f.hallId);
  return sel.orderBy('username').execute();
}
