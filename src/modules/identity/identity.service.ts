import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { perDatabase, type Db } from '../../platform/db';
import type { Actor, Role } from '../../platform/auth';
import { inRegionScope } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import { readCache } from '../../platform/cache';
import { conflict, fieldError, notFound, Problem, unauthorized } from '../../platform/errors';
import { maskIdNumber, maskPhone } from '../../platform/mask';
import { getDepartment, getHall, getRegion, getWindow } from '../org/index';
import { checkCreditCode, checkIdNumber } from './identity.codes';
import { passwordProblem, DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './identity.password';
import { normalizeAnswer } from './identity.challenge';
import { ATTEMPT_WINDOW_MINUTES, decideAttempt } from './identity.throttle';
import type { VerificationLevel } from './identity.tables';
import { simulatedProvider } from './identity.provider';
import * as repo from './identity.repository';
import type { UserRow } from './identity.repository';
import { scopeOf } from './identity.accounts';
import { isStaffInScope } from './identity.policy';

/** A source the account signed in from within this many days counts as the account's own. */
export const KNOWN_SOURCE_DAYS = 90;
/** A sign-in challenge must be answered within this time. */
export const CHALLENGE_MINUTES = 5;
/** Sessions' last-seen time is written at most this often (per node). */
export const SESSION_TOUCH_MS = 5 * 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The session check runs on every request, so live sessions are remembered for a few seconds. Identity
 * writes on this node (logout, role or scope change, deactivation, password change) forget them at once;
 * other nodes see such a change within this time.
 */
export const SESSION_CACHE_MS = 5_000;
const sessionCache = readCache(SESSION_CACHE_MS);
/** Forgets every remembered session (after a write that ended one). */
export const forgetSessions = () => sessionCache.clear();
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
  /** How the claimed ID number / credit code was verified; null for staff (no claim). */
  verification: {
    level: VerificationLevel;
    /** The provider id or the document type a clerk saw. */
    source: string | null;
    /** Verified by a simulated provider (demo): binds cases in the demo only. */
    simulated: boolean;
    verifiedAt: Date | null;
  } | null;
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
    verification:
      u.kind === 'staff'
        ? null
        : {
            level: u.verification,
            source: u.verification_source,
            simulated: u.verification !== 'window' && u.verification_source === simulatedProvider.id,
            verifiedAt: u.verified_at,
          },
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

export interface LoginInput {
  username: string;
  password: string;
  challengeId?: string;
  challengeAnswer?: string;
  ip: string | null;
  userAgent: string | null;
  sessionHours: number;
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
  const now = new Date();
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
    const stored = /^[0-9a-f-]{36}$/i.test(input.challengeId) ? await repo.takeChallenge(db, input.challengeId) : null;
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
export async function newChallenge(db: Db, make: () => { answer: string; svg: string }) {
  const c = make();
  const expiresAt = new Date(Date.now() + CHALLENGE_MINUTES * 60_000);
  // The id is chosen first so that the stored hash binds the answer to this challenge.
  const id = randomUUID();
  await repo.insertChallenge(db, { id, answer_hash: challengeHash(id, c.answer), expires_at: expiresAt });
  return { id, image: `data:image/svg+xml;base64,${Buffer.from(c.svg).toString('base64')}`, expiresAt };
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
  await touch(db, s.session_id, s.last_seen_at);
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
async function touch(db: Db, sessionId: string, lastSeen: Date | null) {
  const touched = touchedOf(db);
  const now = Date.now();
  const last = Math.max(touched.get(sessionId) ?? 0, lastSeen?.getTime() ?? 0);
  if (now - last < SESSION_TOUCH_MS) return;
  touched.set(sessionId, now);
  if (touched.size > 10_000) touched.clear();
  await repo.touchSession(db, sessionId, new Date(now));
}

export async function getMe(db: Db, actor: Actor): Promise<PublicUser> {
  const u = await repo.findUserById(db, actor.id);
  if (!u) throw unauthorized();
  return toPublicUser(db, u);
}

/** The account's own identity facts (not masked: the caller is their holder), for pre-filling forms. */
export async function getProfile(db: Db, actor: Actor) {
  const u = await repo.findUserById(db, actor.id);
  if (!u) throw unauthorized();
  return {
    kind: u.kind,
    name: u.name,
    idNumber: u.id_number,
    creditCode: u.credit_code,
    phone: u.phone,
    verified: u.kind !== 'staff' && u.verification !== 'unverified',
  };
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
  const weak = passwordProblem(newPassword, relatedInputs(u));
  if (weak) throw fieldError('newPassword', weak);
  const hash = await hashPassword(newPassword);
  // Whoever else holds a session of this account (a stolen token, a forgotten device) is signed out.
  await forgettingSessions(
    db.transaction().execute(async (tx) => {
      await repo.updateUser(tx, u.id, { password_hash: hash });
      await repo.revokeUserSessions(tx, u.id, actor.sessionId);
      await recordAudit(tx, {
        actor,
        action: 'identity.password.change',
        entityType: 'user',
        entityId: u.id,
        after: { otherSessionsEnded: true },
        ip,
      });
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

/** What the password of an account must not resemble. */
const relatedInputs = (u: { username: string; name: string; phone?: string | null; id_number?: string | null }) => [
  u.username,
  u.name,
  u.phone,
  u.id_number,
];

/**
 * Applicant self-registration: natural person by ID number, legal person by credit code. The code is a
 * claim: it binds nothing until verified (identity.verification.ts), and registration answers the same
 * whether or not another account claims or holds it, so it tells nobody whether a code is registered.
 */
export async function registerApplicant(db: Db, input: RegisterInput, ip: string | null): Promise<PublicUser> {
  const weak = passwordProblem(input.password, relatedInputs({ ...input, id_number: input.idNumber }));
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
  const weak = passwordProblem(input.password, relatedInputs(input));
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
  if (!u || !isStaffInScope(admin, u)) throw notFound('人员');
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
  const weak = passwordProblem(password, relatedInputs(u));
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

export async function listStaff(
  db: Db,
  admin: Actor,
  { regionCode, ...f }: Omit<repo.StaffFilter, 'regionPrefix' | 'within'> & { regionCode?: string },
) {
  // A region's subtree as org defines it; an unknown region has no staff.
  const region = regionCode ? await getRegion(db, regionCode) : undefined;
  if (regionCode && !region) return { total: 0, items: [] };
  const within = region?.scopePrefix;
  const { total, items } = await repo.listStaff(db, {
    ...f,
    regionPrefix: admin.scope.regionPrefix,
    ...(within ? { within } : {}),
  });
  return { total, items: await Promise.all(items.map((u) => toPublicUser(db, u))) };
}
