import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db';
import type { Actor, Role } from '../../platform/auth';
import { inRegionScope } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import { readCache } from '../../platform/cache';
import { conflict, fieldError, notFound, Problem, tooManyRequests, unauthorized } from '../../platform/errors';
import { maskIdNumber, maskPhone } from '../../platform/mask';
import { getDepartment, getHall, getRegion, getWindow } from '../org/index';
import { checkCreditCode, checkIdNumber } from './identity.codes';
import { checkPasswordStrength, DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './identity.password';
import * as repo from './identity.repository';
import type { UserRow } from './identity.repository';
import { scopeOf } from './identity.accounts';

/** Sign-in throttling: this many failures for one username within the window lock it for the window. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;
/** Non-staff accounts match no region prefix: they see only what they own. */

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The session check runs on every request, so live sessions are remembered for a few seconds. Identity
 * writes on this node (logout, role or scope change, deactivation, password change) forget them at once;
 * other nodes see such a change within this time.
 */
export const SESSION_CACHE_MS = 5_000;
const sessionCache = readCache(SESSION_CACHE_MS);
/** Commits an identity write, then forgets every remembered session (it may describe the old state). */
async function forgettingSessions<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    sessionCache.clear();
  }
}

export interface PublicUser {
  id: string;
  username: string;
  name: string;
  kind: UserRow['kind'];
  roles: Role[];
  phoneMasked: string | null;
  idNumberMasked: string | null;
  active: boolean;
  lastLoginAt: Date | null;
  scope: {
    regionCode: string | null;
    regionName: string | null;
    departmentId: string | null;
    departmentName: string | null;
    hallId: string | null;
    hallName: string | null;
    windowId: string | null;
    windowName: string | null;
  };
}

export async function toPublicUser(db: Db, u: UserRow): Promise<PublicUser> {
  const [region, dept, hall, win] = await Promise.all([
    u.region_code ? getRegion(db, u.region_code) : undefined,
    u.department_id ? getDepartment(db, u.department_id) : undefined,
    u.hall_id ? getHall(db, u.hall_id) : undefined,
    u.window_id ? getWindow(db, u.window_id) : undefined,
  ]);
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    kind: u.kind,
    roles: u.roles,
    phoneMasked: maskPhone(u.phone),
    idNumberMasked: maskIdNumber(u.id_number ?? u.credit_code),
    active: u.active,
    lastLoginAt: u.last_login_at,
    scope: {
      regionCode: u.region_code,
      regionName: region?.name ?? null,
      departmentId: u.department_id,
      departmentName: dept?.name ?? null,
      hallId: u.hall_id,
      hallName: hall?.name ?? null,
      windowId: u.window_id,
      windowName: win?.name ?? null,
    },
  };
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: PublicUser;
}

/** Sign-in with username and password; throttled per username (and per IP at the route). */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string | null; userAgent: string | null; sessionHours: number },
): Promise<LoginResult> {
  const since = new Date(Date.now() - FAILURE_WINDOW_MINUTES * 60_000);
  if ((await repo.countRecentFailures(db, input.username, since)) >= MAX_FAILURES) {
    throw tooManyRequests(`登录失败次数过多，请 ${FAILURE_WINDOW_MINUTES} 分钟后再试`);
  }
  const user = await repo.findUserByUsername(db, input.username);
  const ok = user
    ? await verifyPassword(input.password, user.password_hash)
    : await verifyPassword(input.password, await DUMMY_HASH_PROMISE);
  if (!user || !ok || !user.active) {
    await repo.recordFailure(db, input.username, input.ip);
    await recordAudit(db, {
      actor: null,
      action: 'identity.login.fail',
      entityType: 'user',
      entityId: user?.id ?? null,
      after: { username: input.username },
      ip: input.ip,
    });
    throw unauthorized('用户名或密码错误');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + input.sessionHours * 3600_000);
  await db.transaction().execute(async (tx) => {
    await repo.insertSession(tx, {
      token_hash: sha256(token),
      user_id: user.id,
      csrf_token: csrfToken,
      ip: input.ip,
      user_agent: input.userAgent,
      expires_at: expiresAt,
    });
    await repo.updateUser(tx, user.id, { last_login_at: new Date() });
    await repo.clearFailures(tx, input.username);
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

export async function logout(db: Db, actor: Actor, ip: string | null): Promise<void> {
  await forgettingSessions(
    db.transaction().execute(async (tx) => {
      await repo.revokeSession(tx, actor.sessionId);
      await recordAudit(tx, { actor, action: 'identity.logout', entityType: 'user', entityId: actor.id, ip });
    }),
  );
}

/** Resolves a session token to the actor; null when unknown, expired, revoked or the account is inactive. */
export async function authenticateToken(db: Db, token: string, viaCookie: boolean): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const s = await sessionCache.get(db, sha256(token), () => repo.findLiveSession(db, sha256(token)));
  if (!s) return null;
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

export async function getMe(db: Db, actor: Actor): Promise<PublicUser> {
  const u = await repo.findUserById(db, actor.id);
  if (!u) throw unauthorized();
  return toPublicUser(db, u);
}

export async function changePassword(
  db: Db,
  actor: Actor,
  oldPassword: string,
  newPassword: string,
  ip: string | null,
) {
  const u = await repo.findUserById(db, actor.id);
  if (!u || !(await verifyPassword(oldPassword, u.password_hash))) throw fieldError('oldPassword', '原密码不正确');
  const weak = checkPasswordStrength(newPassword);
  if (weak) throw fieldError('newPassword', weak);
  const hash = await hashPassword(newPassword);
  await forgettingSessions(
    db.transaction().execute(async (tx) => {
      await repo.updateUser(tx, u.id, { password_hash: hash });
      await recordAudit(tx, { actor, action: 'identity.password.change', entityType: 'user', entityId: u.id, ip });
    }),
  );
}

export interface RegisterInput {
  kind: 'person' | 'company';
  username: string;
  password: string;
  name: string;
  idNumber?: string;
  creditCode?: string;
  phone: string;
}

/** Applicant self-registration: natural person by ID number, legal person by credit code. */
export async function registerApplicant(db: Db, input: RegisterInput, ip: string | null): Promise<PublicUser> {
  const weak = checkPasswordStrength(input.password);
  if (weak) throw fieldError('password', weak);
  if (input.kind === 'person') {
    if (!input.idNumber) throw fieldError('idNumber', '自然人须填写身份证号');
    const bad = checkIdNumber(input.idNumber);
    if (bad) throw fieldError('idNumber', bad);
  } else {
    if (!input.creditCode) throw fieldError('creditCode', '法人须填写统一社会信用代码');
    const bad = checkCreditCode(input.creditCode);
    if (bad) throw fieldError('creditCode', bad);
  }
  if (await repo.findUserByUsername(db, input.username)) throw conflict('用户名已被使用', 'username_taken');
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const u = await repo.insertUser(tx, {
      username: input.username,
      password_hash: hash,
      kind: input.kind,
      name: input.name,
      id_number: input.kind === 'person' ? input.idNumber! : null,
      credit_code: input.kind === 'company' ? input.creditCode! : null,
      phone: input.phone,
      roles: ['applicant'],
      region_code: null,
      region_prefix: null,
      department_id: null,
      hall_id: null,
      window_id: null,
    });
    await recordAudit(tx, {
      actor: { id: u.id, username: u.username },
      action: 'identity.register',
      entityType: 'user',
      entityId: u.id,
      after: { username: u.username, kind: u.kind },
      ip,
    });
    return toPublicUser(tx as unknown as Db, u);
  });
}

export const STAFF_ROLES: Role[] = ['admin', 'supervisor', 'clerk', 'approver', 'chief', 'agent'];

export interface StaffInput {
  username: string;
  name: string;
  password: string;
  roles: Role[];
  regionCode: string;
  departmentId?: string | null;
  hallId?: string | null;
  windowId?: string | null;
  phone?: string | null;
}

/** Checks a staff assignment against the organisation and the admin's own scope; returns the region prefix. */
async function resolveAssignment(
  db: Db,
  admin: Actor,
  a: Pick<StaffInput, 'regionCode' | 'departmentId' | 'hallId' | 'windowId'>,
): Promise<string> {
  const region = await getRegion(db, a.regionCode);
  if (!region || !region.active) throw fieldError('regionCode', '区划不存在或已停用');
  if (!inRegionScope(admin, region.code)) throw fieldError('regionCode', '区划不在您的管理范围内');
  if (a.departmentId) {
    const d = await getDepartment(db, a.departmentId);
    if (!d || !d.active || !inRegionScope(admin, d.regionCode))
      throw fieldError('departmentId', '部门不存在或不在您的管理范围内');
  }
  if (a.hallId) {
    const h = await getHall(db, a.hallId);
    if (!h || !h.active || !inRegionScope(admin, h.regionCode))
      throw fieldError('hallId', '大厅不存在或不在您的管理范围内');
    if (!h.regionCode.startsWith(region.scopePrefix)) throw fieldError('hallId', '大厅不在该人员所属区划内');
  }
  if (a.windowId) {
    const w = await getWindow(db, a.windowId);
    if (!w || !w.active || w.hallId !== a.hallId) throw fieldError('windowId', '窗口不存在或不属于所选大厅');
  }
  return region.scopePrefix;
}

function staffSnapshot(u: UserRow) {
  return {
    username: u.username,
    name: u.name,
    roles: u.roles,
    regionCode: u.region_code,
    departmentId: u.department_id,
    hallId: u.hall_id,
    windowId: u.window_id,
    phone: maskPhone(u.phone),
    active: u.active,
  };
}

export async function createStaff(db: Db, admin: Actor, input: StaffInput, ip: string | null): Promise<PublicUser> {
  const weak = checkPasswordStrength(input.password);
  if (weak) throw fieldError('password', weak);
  const prefix = await resolveAssignment(db, admin, input);
  if (await repo.findUserByUsername(db, input.username)) throw conflict('用户名已被使用', 'username_taken');
  const hash = await hashPassword(input.password);
  const u = await db.transaction().execute(async (tx) => {
    const row = await repo.insertUser(tx, {
      username: input.username,
      password_hash: hash,
      kind: 'staff',
      name: input.name,
      id_number: null,
      credit_code: null,
      phone: input.phone ?? null,
      roles: [...new Set(input.roles)],
      region_code: input.regionCode,
      region_prefix: prefix,
      department_id: input.departmentId ?? null,
      hall_id: input.hallId ?? null,
      window_id: input.windowId ?? null,
    });
    await recordAudit(tx, {
      actor: admin,
      action: 'identity.staff.create',
      entityType: 'user',
      entityId: row.id,
      after: staffSnapshot(row),
      ip,
    });
    return row;
  });
  return toPublicUser(db, u);
}

async function loadStaffInScope(db: Db, admin: Actor, id: string): Promise<UserRow> {
  const u = await repo.findUserById(db, id);
  if (!u || u.kind !== 'staff' || !u.region_code || !inRegionScope(admin, u.region_code)) throw notFound('人员');
  return u;
}

export async function getStaff(db: Db, admin: Actor, id: string) {
  return toPublicUser(db, await loadStaffInScope(db, admin, id));
}

export type StaffPatch = Partial<Omit<StaffInput, 'password' | 'username'>>;

export async function updateStaff(db: Db, admin: Actor, id: string, patch: StaffPatch, ip: string | null) {
  const u = await loadStaffInScope(db, admin, id);
  const next = {
    regionCode: patch.regionCode ?? u.region_code!,
    departmentId: patch.departmentId === undefined ? u.department_id : patch.departmentId,
    hallId: patch.hallId === undefined ? u.hall_id : patch.hallId,
    windowId: patch.windowId === undefined ? u.window_id : patch.windowId,
  };
  const prefix = await resolveAssignment(db, admin, next);
  if (u.id === admin.id && patch.roles && !patch.roles.includes('admin'))
    throw fieldError('roles', '不能移除自己的系统管理员角色');
  const updated = await forgettingSessions(
    db.transaction().execute(async (tx) => {
      const row = await repo.updateUser(tx, id, {
        name: patch.name ?? u.name,
        roles: patch.roles ? [...new Set(patch.roles)] : u.roles,
        phone: patch.phone === undefined ? u.phone : patch.phone,
        region_code: next.regionCode,
        region_prefix: prefix,
        department_id: next.departmentId,
        hall_id: next.hallId,
        window_id: next.windowId,
      });
      await recordAudit(tx, {
        actor: admin,
        action: 'identity.staff.update',
        entityType: 'user',
        entityId: id,
        before: staffSnapshot(u),
        after: staffSnapshot(row),
        ip,
      });
      return row;
    }),
  );
  return toPublicUser(db, updated);
}

export async function setStaffActive(db: Db, admin: Actor, id: string, active: boolean, ip: string | null) {
  const u = await loadStaffInScope(db, admin, id);
  if (u.id === admin.id && !active) throw new Problem(422, '业务规则不允许', '不能停用自己的账号');
  const row = await forgettingSessions(
    db.transaction().execute(async (tx) => {
      const r = await repo.updateUser(tx, id, { active });
      if (!active) await repo.revokeUserSessions(tx, id);
      await recordAudit(tx, {
        actor: admin,
        action: active ? 'identity.staff.activate' : 'identity.staff.deactivate',
        entityType: 'user',
        entityId: id,
        before: { active: u.active },
        after: { active },
        ip,
      });
      return r;
    }),
  );
  return toPublicUser(db, row);
}

export async function resetStaffPassword(db: Db, admin: Actor, id: string, password: string, ip: string | null) {
  const u = await loadStaffInScope(db, admin, id);
  const weak = checkPasswordStrength(password);
  if (weak) throw fieldError('password', weak);
  const hash = await hashPassword(password);
  await forgettingSessions(
    db.transaction().execute(async (tx) => {
      await repo.updateUser(tx, u.id, { password_hash: hash });
      await repo.revokeUserSessions(tx, u.id);
      await recordAudit(tx, {
        actor: admin,
        action: 'identity.staff.reset_password',
        entityType: 'user',
        entityId: u.id,
        ip,
      });
    }),
  );
}

export async function listStaff(db: Db, admin: Actor, f: Omit<repo.StaffFilter, 'regionPrefix'>) {
  const { total, items } = await repo.listStaff(db, { ...f, regionPrefix: admin.scope.regionPrefix });
  return { total, items: await Promise.all(items.map((u) => toPublicUser(db, u))) };
}
