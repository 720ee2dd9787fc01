/**
 * Staff accounts, managed by administrators within their own region subtree: create, read, reassign,
 * deactivate, reset the password, list.
 */
import type { Db } from '../../platform/db';
import type { Actor, Role } from '../../platform/auth';
import { inRegionScope } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import { conflict, fieldError, notFound, Problem } from '../../platform/errors';
import { maskPhone } from '../../platform/mask';
import { getDepartment, getHall, getRegion, getWindow } from '../org/index';
import { passwordProblem, hashPassword, relatedInputs } from './identity.password';
import * as repo from './identity.repository';
import type { UserRow } from './identity.repository';
import { isStaffInScope } from './identity.policy';
import { forgettingSessions } from './identity.sessions';
import { toPublicUser, type PublicUser } from './identity.profile';

export const STAFF_ROLES: Role[] = ['admin', 'supervisor', 'clerk', 'approver', 'chief', 'agent', 'trading'];

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

export async function updateStaff(db: Db, admin: Actor, id: string, patch: StaffPatch, ip: string | null, now: Date) {
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
      const row = await repo.updateUser(
        tx,
        id,
        {
          name: patch.name ?? u.name,
          roles: patch.roles ? [...new Set(patch.roles)] : u.roles,
          phone: patch.phone === undefined ? u.phone : patch.phone,
          region_code: next.regionCode,
          region_prefix: prefix,
          department_id: next.departmentId,
          hall_id: next.hallId,
          window_id: next.windowId,
        },
        now,
      );
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

export async function setStaffActive(db: Db, admin: Actor, id: string, active: boolean, ip: string | null, now: Date) {
  const u = await loadStaffInScope(db, admin, id);
  if (u.id === admin.id && !active) throw new Problem(422, '业务规则不允许', '不能停用自己的账号');
  const row = await forgettingSessions(
    db.transaction().execute(async (tx) => {
      const r = await repo.updateUser(tx, id, { active }, now);
      if (!active) await repo.revokeUserSessions(tx, id, now);
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

export async function resetStaffPassword(
  db: Db,
  admin: Actor,
  id: string,
  password: string,
  ip: string | null,
  now: Date,
) {
  const u = await loadStaffInScope(db, admin, id);
  const weak = passwordProblem(password, relatedInputs(u));
  if (weak) throw fieldError('password', weak);
  const hash = await hashPassword(password);
  await forgettingSessions(
    db.transaction().execute(async (tx) => {
      await repo.updateUser(tx, u.id, { password_hash: hash }, now);
      await repo.revokeUserSessions(tx, u.id, now);
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
