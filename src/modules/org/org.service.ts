import { inRegionScope, type Actor } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import { orgCache } from './org.cached';
import type { Db, Tx } from '../../platform/db';
import { conflict, fieldError, notFound, unprocessable } from '../../platform/errors';
import { isValidCreditCode } from './org.codes';
import { assertInScope } from './org.policy';
import { LEVEL_LABELS, LEVEL_RANK, levelOfOfficialCode, scopePrefixFor } from './org.regions';
import * as repo from './org.repository';
import type {
  CreateDepartmentInput,
  CreateHallInput,
  CreateRegionInput,
  CreateWindowInput,
  UpdateDepartmentInput,
  UpdateHallInput,
  UpdateRegionInput,
  UpdateWindowInput,
} from './org.schemas';
import type { RegionLevel, WindowKind } from './org.tables';

/** Who did it and from where, for the audit trail. */
export interface WriteContext {
  actor: Actor;
  ip: string;
  /** The instant the request acts at. */
  now: Date;
}

/** Every org write passes here: audit it, and drop cached look-ups other modules hold. */
const audit = (
  tx: Tx,
  w: WriteContext,
  action: string,
  entityType: string,
  entityId: string,
  before: unknown,
  after: unknown,
) => {
  orgCache.clear();
  return recordAudit(tx, { actor: w.actor, action, entityType, entityId, before, after, ip: w.ip });
};

// ---------------------------------------------------------------- regions

export const regionDto = (r: repo.RegionRow) => ({
  ...repo.toRegion(r),
  levelLabel: LEVEL_LABELS[r.level],
  sort: r.sort,
});

export async function getRegionDetail(db: Db, code: string) {
  const row = await repo.getRegionRow(db, code);
  if (!row) throw notFound('区划');
  const path = (await repo.getRegionPath(db, code))
    .slice(0, -1)
    .map((p) => ({ code: p.code, name: p.name, level: p.level }));
  return { ...regionDto(row), path, childCount: await repo.countChildren(db, code) };
}

export async function listChildren(db: Db, code: string, includeInactive: boolean) {
  if (!(await repo.getRegionRow(db, code))) throw notFound('区划');
  const rows = await repo.listChildRegions(db, code, includeInactive);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    kind: r.kind,
    official: r.official,
    active: r.active,
    childCount: Number(r.child_count ?? 0),
  }));
}

export async function searchRegions(db: Db, f: repo.RegionFilter) {
  const { total, items } = await repo.searchRegions(db, f);
  return { total, items: items.map(regionDto) };
}

const OFFICIAL_SHAPE: Record<RegionLevel, string> = {
  city: '6 位 GB/T 2260 代码，末两位为 00',
  county: '6 位 GB/T 2260 代码',
  town: '12 位统计用区划代码，末三位为 000',
  village: '12 位统计用区划代码',
};

export async function createRegion(db: Db, w: WriteContext, input: CreateRegionInput) {
  return db.transaction().execute(async (tx) => {
    const parent = await repo.getRegionRow(tx, input.parentCode);
    if (!parent) throw notFound('上级区划');
    assertInScope(w.actor, parent.code, '上级区划');
    if (!parent.active) throw unprocessable(`上级区划“${parent.name}”已停用，不能在其下新增区划`);
    if (parent.level === 'village') throw fieldError('parentCode', '村（社区）以下不再设区划');
    if (LEVEL_RANK[input.level] !== LEVEL_RANK[parent.level] + 1) {
      const expected = Object.entries(LEVEL_RANK).find(
        ([, rank]) => rank === LEVEL_RANK[parent.level] + 1,
      )![0] as RegionLevel;
      throw fieldError(
        'level',
        `上级区划为${LEVEL_LABELS[parent.level]}，新区划应为${LEVEL_LABELS[expected]}（${expected}）`,
      );
    }
    if (input.kind === 'economic_zone') {
      if (input.level !== 'county') throw fieldError('kind', '经济区只能设在县区级（上级为市）');
      if (levelOfOfficialCode(input.code)) throw fieldError('code', '经济区没有国标代码，请使用本地代码（如 2111Z3）');
    } else if (levelOfOfficialCode(input.code) !== input.level) {
      throw fieldError('code', `${LEVEL_LABELS[input.level]}区划代码应为${OFFICIAL_SHAPE[input.level]}`);
    }
    if (!input.code.startsWith(parent.scope_prefix))
      throw fieldError('code', `区划代码须以上级区划前缀 ${parent.scope_prefix} 开头`);
    assertInScope(w.actor, input.code, '上级区划');
    if (await repo.getRegionRow(tx, input.code)) throw conflict(`区划代码 ${input.code} 已存在`);
    await repo.insertRegions(tx, [
      {
        code: input.code,
        name: input.name,
        level: input.level,
        kind: input.kind,
        parent_code: parent.code,
        scope_prefix: scopePrefixFor(input.code, input.level, input.kind),
        official: input.kind === 'admin',
        sort: input.sort ?? 0,
      },
    ]);
    const after = regionDto((await repo.getRegionRow(tx, input.code))!);
    await audit(tx, w, 'org.region.create', 'region', input.code, null, after);
    return after;
  });
}

async function regionInScope(tx: Tx, w: WriteContext, code: string) {
  const row = await repo.getRegionRow(tx, code);
  if (!row) throw notFound('区划');
  assertInScope(w.actor, row.code, '区划');
  return row;
}

export async function updateRegion(db: Db, w: WriteContext, code: string, input: UpdateRegionInput) {
  return db.transaction().execute(async (tx) => {
    const before = regionDto(await regionInScope(tx, w, code));
    const after = regionDto(await repo.updateRegion(tx, code, { name: input.name, sort: input.sort }, w.now));
    await audit(tx, w, 'org.region.update', 'region', code, before, after);
    return after;
  });
}

export async function setRegionActive(db: Db, w: WriteContext, code: string, active: boolean) {
  return db.transaction().execute(async (tx) => {
    const row = await regionInScope(tx, w, code);
    if (row.active === active) return regionDto(row);
    if (active) {
      const parent = row.parent_code ? await repo.getRegionRow(tx, row.parent_code) : undefined;
      if (parent && !parent.active) throw unprocessable(`上级区划“${parent.name}”已停用，请先启用上级区划`);
    } else {
      const children = await repo.countChildren(tx, code);
      if (children > 0) throw unprocessable(`“${row.name}”下还有 ${children} 个启用的下级区划，请先停用下级区划`);
      const units =
        (await repo.countActiveDepartments(tx, { regionCode: code })) + (await repo.countActiveHalls(tx, code));
      if (units > 0) throw unprocessable(`“${row.name}”下还有 ${units} 个启用的部门或大厅，请先停用`);
    }
    const after = regionDto(await repo.updateRegion(tx, code, { active }, w.now));
    await audit(tx, w, active ? 'org.region.activate' : 'org.region.deactivate', 'region', code, regionDto(row), after);
    return after;
  });
}

// ---------------------------------------------------------------- departments

async function regionName(db: Db | Tx, code: string): Promise<string> {
  return (await repo.getRegion(db, code))?.name ?? code;
}

const departmentDto = (r: repo.DepartmentRow, regionName: string) => ({
  ...repo.toDepartment(r),
  regionName,
  sort: r.sort,
});

export async function listDepartments(db: Db, f: repo.DepartmentFilter) {
  const { total, items } = await repo.listDepartments(db, f);
  return { total, items: items.map((r) => departmentDto(r, r.region_name)) };
}

export async function getDepartmentDetail(db: Db, id: string) {
  const row = await repo.getDepartmentRow(db, id);
  if (!row) throw notFound('部门');
  const parent = row.parent_id ? await repo.getDepartmentRow(db, row.parent_id) : undefined;
  const offices = await repo.listDepartments(db, { parentId: row.id, includeInactive: true, page: 1, pageSize: 200 });
  return {
    ...departmentDto(row, await regionName(db, row.region_code)),
    parentName: parent?.name ?? null,
    offices: offices.items.map((o) => ({ id: o.id, code: o.code, name: o.name, active: o.active })),
  };
}

async function checkCreditCode(tx: Tx, creditCode: string, selfId?: string) {
  if (!isValidCreditCode(creditCode))
    throw fieldError('creditCode', '统一社会信用代码有误（应为 18 位，校验位按 GB 32100 计算）');
  const owner = await repo.creditCodeOwner(tx, creditCode);
  if (owner && owner !== selfId) throw conflict(`统一社会信用代码 ${creditCode} 已被其他部门使用`);
}

async function regionForUnit(tx: Tx, w: WriteContext, code: string) {
  const region = await repo.getRegionRow(tx, code);
  if (!region) throw notFound('所属区划');
  assertInScope(w.actor, region.code, '所属区划');
  if (!region.active) throw unprocessable(`区划“${region.name}”已停用`);
  return region;
}

export async function createDepartment(db: Db, w: WriteContext, input: CreateDepartmentInput) {
  return db.transaction().execute(async (tx) => {
    const region = await regionForUnit(tx, w, input.regionCode);
    // 村（社区）不是行政主体，不设部门 [004 (八)]
    if (region.level === 'village') throw unprocessable('村（社区）不是行政主体，不能设立部门');
    let parentId: string | null = null;
    if (input.kind === 'approval_office') {
      if (!input.parentId) throw fieldError('parentId', '审批办须指定所属部门');
      const parent = await repo.getDepartmentRow(tx, input.parentId);
      if (!parent || !inRegionScope(w.actor, parent.region_code))
        throw fieldError('parentId', '所属部门不存在或不在您的数据范围内');
      if (parent.region_code !== region.code) throw unprocessable('审批办须与所属部门在同一区划');
      if (parent.kind !== 'department') throw unprocessable('审批办只能设在委办局之下');
      if (!parent.active) throw unprocessable(`所属部门“${parent.name}”已停用`);
      parentId = parent.id;
    } else if (input.parentId) {
      throw fieldError('parentId', '只有审批办可以设置所属部门');
    }
    if (input.creditCode) await checkCreditCode(tx, input.creditCode);
    if (await repo.departmentCodeTaken(tx, input.code)) throw conflict(`部门代码 ${input.code} 已存在`);
    const [row] = await repo.insertDepartments(tx, [
      {
        code: input.code,
        name: input.name,
        short_name: input.shortName ?? null,
        region_code: region.code,
        kind: input.kind,
        parent_id: parentId,
        credit_code: input.creditCode || null,
        sort: input.sort ?? 0,
      },
    ]);
    const after = departmentDto(row!, region.name);
    await audit(tx, w, 'org.department.create', 'department', row!.id, null, after);
    return after;
  });
}

async function departmentInScope(tx: Tx, w: WriteContext, id: string) {
  const row = await repo.getDepartmentRow(tx, id);
  if (!row) throw notFound('部门');
  assertInScope(w.actor, row.region_code, '部门');
  return row;
}

export async function updateDepartment(db: Db, w: WriteContext, id: string, input: UpdateDepartmentInput) {
  return db.transaction().execute(async (tx) => {
    const row = await departmentInScope(tx, w, id);
    if (input.creditCode) await checkCreditCode(tx, input.creditCode, id);
    const rName = await regionName(tx, row.region_code);
    const updated = await repo.updateDepartment(
      tx,
      id,
      {
        name: input.name,
        short_name: input.shortName,
        credit_code: input.creditCode === undefined ? undefined : input.creditCode || null,
        sort: input.sort,
      },
      w.now,
    );
    const after = departmentDto(updated, rName);
    await audit(tx, w, 'org.department.update', 'department', id, departmentDto(row, rName), after);
    return after;
  });
}

export async function setDepartmentActive(db: Db, w: WriteContext, id: string, active: boolean) {
  return db.transaction().execute(async (tx) => {
    const row = await departmentInScope(tx, w, id);
    const rName = await regionName(tx, row.region_code);
    if (row.active === active) return departmentDto(row, rName);
    if (active) {
      const region = await repo.getRegionRow(tx, row.region_code);
      if (region && !region.active) throw unprocessable(`区划“${region.name}”已停用，请先启用区划`);
      const parent = row.parent_id ? await repo.getDepartmentRow(tx, row.parent_id) : undefined;
      if (parent && !parent.active) throw unprocessable(`所属部门“${parent.name}”已停用，请先启用所属部门`);
    } else {
      const offices = await repo.countActiveDepartments(tx, { parentId: id });
      if (offices > 0) throw unprocessable(`“${row.name}”下还有 ${offices} 个启用的审批办，请先停用审批办`);
      const windows = await repo.countActiveWindowsOfDepartment(tx, id);
      if (windows > 0) throw unprocessable(`仍有 ${windows} 个启用的窗口归属“${row.name}”，请先调整或停用这些窗口`);
    }
    const after = departmentDto(await repo.updateDepartment(tx, id, { active }, w.now), rName);
    await audit(
      tx,
      w,
      active ? 'org.department.activate' : 'org.department.deactivate',
      'department',
      id,
      departmentDto(row, rName),
      after,
    );
    return after;
  });
}

// ---------------------------------------------------------------- halls and windows

const hallDto = (r: repo.HallRow, regionName: string, windowCount: number) => ({
  ...repo.toHall(r),
  regionName,
  windowCount,
});
type WindowRowWithDept = repo.WindowRow & { department_name: string | null };
const windowDto = (r: WindowRowWithDept) => ({ ...repo.toWindow(r), departmentName: r.department_name });

export async function listHalls(
  db: Db,
  f: { regionCode?: string; q?: string; includeInactive?: boolean; page: number; pageSize: number },
) {
  let prefix: string | undefined;
  if (f.regionCode) {
    const region = await repo.getRegionRow(db, f.regionCode);
    if (!region) throw notFound('区划');
    prefix = region.scope_prefix;
  }
  const { total, items } = await repo.listHalls(db, { ...f, prefix });
  return { total, items: items.map((h) => hallDto(h, h.region_name, Number(h.window_count ?? 0))) };
}

async function hallDetail(db: Db | Tx, row: repo.HallRow) {
  const windows = (await repo.listWindowsOfHall(db, row.id)).map(windowDto);
  return {
    ...hallDto(row, await regionName(db, row.region_code), windows.filter((x) => x.active).length),
    windows,
  };
}

/** The hall without its windows, for the audit trail. */
const hallAudit = ({ windows: _windows, ...hall }: Awaited<ReturnType<typeof hallDetail>>) => hall;

export async function getHallDetail(db: Db, id: string) {
  const row = await repo.getHallRow(db, id);
  if (!row) throw notFound('大厅');
  return hallDetail(db, row);
}

async function hallInScope(tx: Tx, w: WriteContext, id: string) {
  const row = await repo.getHallRow(tx, id);
  if (!row) throw notFound('大厅');
  assertInScope(w.actor, row.region_code, '大厅');
  return row;
}

export async function createHall(db: Db, w: WriteContext, input: CreateHallInput) {
  return db.transaction().execute(async (tx) => {
    const region = await regionForUnit(tx, w, input.regionCode);
    if (await repo.hallCodeTaken(tx, input.code)) throw conflict(`大厅代码 ${input.code} 已存在`);
    const [row] = await repo.insertHalls(tx, [
      {
        code: input.code,
        name: input.name,
        region_code: region.code,
        address: input.address ?? null,
        phone: input.phone ?? null,
        hours: input.hours ?? null,
      },
    ]);
    const after = hallDto(row!, region.name, 0);
    await audit(tx, w, 'org.hall.create', 'hall', row!.id, null, after);
    return after;
  });
}

export async function updateHall(db: Db, w: WriteContext, id: string, input: UpdateHallInput) {
  return db.transaction().execute(async (tx) => {
    const row = await hallInScope(tx, w, id);
    const before = await hallDetail(tx, row);
    const updated = await repo.updateHall(
      tx,
      id,
      {
        name: input.name,
        address: input.address,
        phone: input.phone,
        hours: input.hours,
      },
      w.now,
    );
    const after = await hallDetail(tx, updated);
    await audit(tx, w, 'org.hall.update', 'hall', id, hallAudit(before), hallAudit(after));
    return after;
  });
}

/** Deactivating a hall closes its open windows too (recorded in the same audit entry). */
export async function setHallActive(db: Db, w: WriteContext, id: string, active: boolean) {
  return db.transaction().execute(async (tx) => {
    const row = await hallInScope(tx, w, id);
    if (row.active === active) return hallDetail(tx, row);
    const before = await hallDetail(tx, row);
    let closedWindows: string[] = [];
    if (active) {
      const region = await repo.getRegionRow(tx, row.region_code);
      if (region && !region.active) throw unprocessable(`区划“${region.name}”已停用，请先启用区划`);
    } else {
      closedWindows = await repo.deactivateWindowsOfHall(tx, id, w.now);
    }
    const after = await hallDetail(tx, await repo.updateHall(tx, id, { active }, w.now));
    await audit(tx, w, active ? 'org.hall.activate' : 'org.hall.deactivate', 'hall', id, hallAudit(before), {
      ...hallAudit(after),
      ...(active ? {} : { closedWindows }),
    });
    return after;
  });
}

/** A department window needs a department located at the hall's region or above it. */
async function checkWindowDepartment(tx: Tx, hall: repo.HallRow, kind: WindowKind, departmentId: string | null) {
  if (kind === 'department' && !departmentId) throw fieldError('departmentId', '部门窗口须指定所属部门');
  if (!departmentId) return;
  const dept = await repo.getDepartmentRow(tx, departmentId);
  if (!dept) throw fieldError('departmentId', '部门不存在');
  const region = await repo.getRegionRow(tx, dept.region_code);
  if (!region || !hall.region_code.startsWith(region.scope_prefix)) {
    throw unprocessable(`“${dept.name}”不属于大厅所在区划或其上级区划`);
  }
  if (!dept.active) throw unprocessable(`部门“${dept.name}”已停用`);
}

async function windowOut(tx: Tx, id: string) {
  return windowDto((await repo.getWindowWithDepartment(tx, id))!);
}

export async function createWindow(db: Db, w: WriteContext, hallId: string, input: CreateWindowInput) {
  return db.transaction().execute(async (tx) => {
    const hall = await hallInScope(tx, w, hallId);
    if (!hall.active) throw unprocessable(`大厅“${hall.name}”已停用，不能新增窗口`);
    await checkWindowDepartment(tx, hall, input.kind, input.departmentId ?? null);
    if (await repo.findWindow(tx, hall.id, input.code)) throw conflict(`窗口编号 ${input.code} 在“${hall.name}”已存在`);
    const [row] = await repo.insertWindows(tx, [
      {
        hall_id: hall.id,
        code: input.code,
        name: input.name,
        kind: input.kind,
        department_id: input.departmentId ?? null,
      },
    ]);
    const after = await windowOut(tx, row!.id);
    await audit(tx, w, 'org.window.create', 'window', row!.id, null, after);
    return after;
  });
}

async function windowInScope(tx: Tx, w: WriteContext, id: string) {
  const win = await repo.getWindow(tx, id);
  if (!win) throw notFound('窗口');
  const hall = (await repo.getHallRow(tx, win.hallId))!;
  assertInScope(w.actor, hall.region_code, '窗口');
  return { win, hall };
}

export async function updateWindow(db: Db, w: WriteContext, id: string, input: UpdateWindowInput) {
  return db.transaction().execute(async (tx) => {
    const { win, hall } = await windowInScope(tx, w, id);
    const kind = input.kind ?? win.kind;
    const departmentId = input.departmentId === undefined ? win.departmentId : input.departmentId;
    if (input.kind !== undefined || input.departmentId !== undefined)
      await checkWindowDepartment(tx, hall, kind, departmentId);
    const before = await windowOut(tx, id);
    await repo.updateWindow(tx, id, { name: input.name, kind: input.kind, department_id: input.departmentId }, w.now);
    const after = await windowOut(tx, id);
    await audit(tx, w, 'org.window.update', 'window', id, before, after);
    return after;
  });
}

export async function setWindowActive(db: Db, w: WriteContext, id: string, active: boolean) {
  return db.transaction().execute(async (tx) => {
    const { win, hall } = await windowInScope(tx, w, id);
    const before = await windowOut(tx, id);
    if (win.active === active) return before;
    if (active && !hall.active) throw unprocessable(`大厅“${hall.name}”已停用，请先启用大厅`);
    if (active && win.departmentId) {
      const dept = await repo.getDepartmentRow(tx, win.departmentId);
      if (dept && !dept.active) throw unprocessable(`部门“${dept.name}”已停用，请先调整窗口所属部门`);
    }
    await repo.updateWindow(tx, id, { active }, w.now);
    const after = await windowOut(tx, id);
    await audit(tx, w, active ? 'org.window.activate' : 'org.window.deactivate', 'window', id, before, after);
    return after;
  });
}
