/** cases: the case 办件 — filing, workflow actions, clock, history, inbox, public progress query (C2, C3). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { casesInit } from './db/migrations/20261123T1100_cases_init';
import { casesLinkage } from './db/migrations/20261123T1800_cases_linkage';
import { casesFigures } from './db/migrations/20261123T1820_cases_figures';
import { casesGreenOrder } from './db/migrations/20261123T1950_cases_green_order';
import { casesFiguresDaily } from './db/migrations/20261124T0510_cases_figures_daily';
import { casesOpenCounts } from './db/migrations/20261124T0520_cases_open_counts';
import { casesFiguresMonthly } from './db/migrations/20261124T0530_cases_figures_monthly';
import { casesGrantEvents } from './db/migrations/20261124T1500_cases_grant_events';
import { casesQueueDeadlines } from './db/migrations/20261206T1400_cases_queue_deadlines';
import { casesClockLog } from './db/migrations/20261206T1600_cases_clock_log';
import { casesStepIndexes } from './db/migrations/20261206T1800_cases_step_indexes';
import { casesTracking } from './db/migrations/20261212T0900_cases_tracking';
import { casesChecks } from './db/migrations/20261212T0930_cases_checks';
import { registerCaseRoutes } from './cases.routes';
import { seedCasesDemo } from './demo/seed';
import { remindPromises } from './cases.promises';
import { reclockOpenCases } from './cases.reclock';
import { todayInShanghai } from '../calendar/index';

export { formatCaseNumber, parseCaseNumber, CASE_NUMBER_RE } from './cases.numbering';
export type { CaseView, CaseListItem } from './cases.schemas';
export { remindPromises } from './cases.promises';
export { reclockOpenCases } from './cases.reclock';
export * from './cases.readmodel';
export * from './pure';
export { createCaseInTransaction } from './cases.apply';
export { issueCaseCertificate, deliverByExpressInTransaction, type ExitCtx, type IssuedCertificate } from './cases.act';
export type { CreateCaseBody } from './cases.schemas';
export { seedCasesHistory, type HistoryCase, type HistoryOptions, type HistoryResult } from './demo/history';

export const casesModule: Module = {
  name: 'cases',
  migrations: {
    '20261123T1100_cases_init': casesInit,
    '20261123T1800_cases_linkage': casesLinkage,
    '20261123T1820_cases_figures': casesFigures,
    '20261123T1950_cases_green_order': casesGreenOrder,
    '20261124T0510_cases_figures_daily': casesFiguresDaily,
    '20261124T0520_cases_open_counts': casesOpenCounts,
    '20261124T0530_cases_figures_monthly': casesFiguresMonthly,
    '20261124T1500_cases_grant_events': casesGrantEvents,
    '20261206T1400_cases_queue_deadlines': casesQueueDeadlines,
    '20261206T1600_cases_clock_log': casesClockLog,
    '20261206T1800_cases_step_indexes': casesStepIndexes,
    '20261212T0900_cases_tracking': casesTracking,
    '20261212T0930_cases_checks': casesChecks,
  },
  routes: (app, ctx) => registerCaseRoutes(app, ctx),
  seedDemo: seedCasesDemo,
  // 容缺承诺: mark overdue promises and remind applicants two working days ahead.
  jobs: [
    { name: 'cases.promises', everyMs: 10 * 60_000, run: (db, { now }) => remindPromises(db, todayInShanghai(now)) },
    // 期限重算: re-date open cases after the calendar changed.
    { name: 'cases.reclock', everyMs: 10 * 60_000, run: (db, { now }) => reclockOpenCases(db, now) },
  ],
};
