/** cases: the case 办件 — filing, workflow actions, clock, history, inbox, public progress query (C2, C3). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { casesInit } from './db/migrations/20261123T1100_cases_init';
import { registerCaseRoutes } from './cases.routes';
import { seedCasesDemo } from './demo/seed';

export { formatCaseNumber, parseCaseNumber, CASE_NUMBER_RE } from './cases.numbering';
export type { CaseView, CaseListItem } from './cases.schemas';

export const casesModule: Module = {
  name: 'cases',
  migrations: { '20261123T1100_cases_init': casesInit },
  routes: (app, ctx) => registerCaseRoutes(app, ctx.db),
  seedDemo: seedCasesDemo,
};
