/** reports: cross-module reports — 四级事项清单对应检查 (C4, C16). No tables of its own. The only import surface of this module. */
import type { Module } from '../../platform/module';
import { registerReportRoutes } from './reports.routes';

export { checkItemAlignment, ALIGNMENT_RULES, type AlignmentFinding, type AlignmentItem } from './reports.alignment';

export const reportsModule: Module = {
  name: 'reports',
  migrations: {},
  routes: (app, ctx) => registerReportRoutes(app, ctx),
};
