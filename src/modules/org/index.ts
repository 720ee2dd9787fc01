/** org: regions at four levels, departments, halls and windows. The only import surface of this module. */
import type { Module } from '../../platform/module';
import { orgInit } from './db/migrations/20261123T0100_org_init';
import { registerOrgRoutes } from './org.routes';
import { seedOrgDemo } from './demo/index';

export type { Region, Department, Hall, Window } from './org.repository';
export {
  getRegionPath,
  getWindow,
  findWindow,
  listHallsInRegion,
  getDepartmentsByKind,
  listRegionsAt,
  listDepartmentsAt,
} from './org.repository';
export { getRegion, getDepartment, getHall, departmentCodesFor } from './org.cached';
export { isDepartmentBound } from './org.departments';
export {
  scopePrefixFor,
  levelOfOfficialCode,
  levelOfCode,
  LEVEL_LABELS,
  LEVEL_RANK,
  REGION_LEVELS,
} from './org.regions';
export { isValidCreditCode } from './org.codes';
export type { RegionLevel, RegionKind, DepartmentKind, WindowKind } from './org.tables';
export { DEMO_TOWN_CODE, DEMO_VILLAGE_CODE, CITY_HALL_CODE, COUNTY_HALL_CODE } from './demo/index';

export const orgModule: Module = {
  name: 'org',
  migrations: { '20261123T0100_org_init': orgInit },
  routes: (app, ctx) => registerOrgRoutes(app, ctx),
  seedDemo: seedOrgDemo,
};
