import type { Db } from '../../../platform/db';
import { insertDepartments, insertHalls, insertRegions, insertWindows, type NewWindow } from '../org.repository';
import { demoDepartments } from './departments';
import { demoHalls } from './halls';
import { demoRegions } from './regions';

export { CITY_HALL_CODE, COUNTY_HALL_CODE } from './halls';

/**
 * Demo references other modules rely on: the first town of 兴隆台区 (211103) in code order
 * (振兴街道) and that town's first village/community (世纪社区). A test checks them against
 * panjin-regions.json.
 */
export const DEMO_TOWN_CODE = '211103001000';
export const DEMO_VILLAGE_CODE = '211103001001';

/** Loads 盘锦市: ~600 regions, departments, ~600 halls and their windows, with multi-row inserts. */
export async function seedOrgDemo(db: Db): Promise<void> {
  const regions = demoRegions();
  await insertRegions(
    db,
    regions.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      kind: r.kind,
      parent_code: r.parentCode,
      scope_prefix: r.scopePrefix,
      official: r.official,
      sort: r.sort,
    })),
  );

  const departments = demoDepartments();
  const toRow = (d: (typeof departments)[number], parentId: string | null) => ({
    code: d.code,
    name: d.name,
    short_name: d.shortName,
    region_code: d.regionCode,
    kind: d.kind,
    parent_id: parentId,
    credit_code: d.creditCode,
    sort: d.sort,
  });
  const top = await insertDepartments(
    db,
    departments.filter((d) => !d.parentCode).map((d) => toRow(d, null)),
  );
  const deptId = new Map(top.map((d) => [d.code, d.id]));
  const offices = await insertDepartments(
    db,
    departments.filter((d) => d.parentCode).map((d) => toRow(d, deptId.get(d.parentCode!)!)),
  );
  for (const o of offices) deptId.set(o.code, o.id);

  const halls = demoHalls(regions);
  const inserted = await insertHalls(
    db,
    halls.map((h) => ({
      code: h.code,
      name: h.name,
      region_code: h.regionCode,
      address: h.address,
      phone: h.phone,
      hours: h.hours,
    })),
  );
  const hallId = new Map(inserted.map((h) => [h.code, h.id]));
  const windows: NewWindow[] = halls.flatMap((h) =>
    h.windows.map((w) => {
      const departmentId = w.departmentCode ? deptId.get(w.departmentCode) : null;
      if (departmentId === undefined) throw new Error(`demo department missing: ${w.departmentCode}`);
      return { hall_id: hallId.get(h.code)!, code: w.code, name: w.name, kind: w.kind, department_id: departmentId };
    }),
  );
  await insertWindows(db, windows);
}
