/**
 * An account as its holder sees it: the public view of a user (also for administrators), the holder's own
 * facts for forms, changing the password, and an applicant's self-registration.
 */
import type { Db } from '../../platform/db';
import type { Actor, Role } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import { conflict, fieldError, unauthorized } from '../../platform/errors';
import { maskIdNumber, maskPhone } from '../../platform/mask';
import { getDepartment, getHall, getRegion, getWindow } from '../org/index';
import { checkCreditCode, checkIdNumber } from './identity.codes';
import { passwordProblem, hashPassword, relatedInputs, verifyPassword } from './identity.password';
import type { VerificationLevel } from './identity.tables';
import { simulatedProvider } from './identity.provider';
import * as repo from './identity.repository';
import type { UserRow } from './identity.repository';
import { forgettingSessions } from './identity.sessions';
import { APPLICANT_ASSIGNMENT, toAccount } from './identity.accounts';

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

export async function getMe(db: Db, actor: Actor): Promise<PublicUser> {
  const u = await repo.findUserById(db, actor.id);
  if (!u) throw unauthorized();
  return toPublicUser(db, u);
}

/** The account's own identity facts (not masked: the caller is their holder), for pre-filling forms. */
export async function getProfile(db: Db, actor: Actor) {
  const u = await repo.findUserById(db, actor.id);
  if (!u) throw unauthorized();
  const { id: _id, username: _username, ...profile } = toAccount(u);
  return profile;
}

export async function changePassword(
  db: Db,
  actor: Actor,
  oldPassword: string,
  newPassword: string,
  ip: string | null,
  now: Date,
) {
  const u = await repo.findUserById(db, actor.id);
  if (!u || !(await verifyPassword(oldPassword, u.password_hash))) throw fieldError('oldPassword', '原密码不正确');
  const weak = passwordProblem(newPassword, relatedInputs(u));
  if (weak) throw fieldError('newPassword', weak);
  const hash = await hashPassword(newPassword);
  // Whoever else holds a session of this account (a stolen token, a forgotten device) is signed out.
  await forgettingSessions(
    db.transaction().execute(async (tx) => {
      await repo.updateUser(tx, u.id, { password_hash: hash }, now);
      await repo.revokeUserSessions(tx, u.id, now, actor.sessionId);
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
      ...APPLICANT_ASSIGNMENT,
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
