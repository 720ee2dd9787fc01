import type { Db } from '../platform/db';
import type { Module } from '../platform/module';
import { orgModule } from './org/index';
import { identityModule, seedHistoryPeople } from './identity/index';
import { calendarModule } from './calendar/index';
import { catalogModule } from './catalog/index';
import { filesModule } from './files/index';
import { documentsModule } from './documents/index';
import { notifyModule } from './notify/index';
import { casesModule, seedCasesHistory } from './cases/index';
import { ratingsModule, seedRatingsHistory } from './ratings/index';
import { seedSupervisionHistory, supervisionModule } from './supervision/index';
import { bundlesModule } from './bundles/index';
import { reportsModule } from './reports/index';
import { issuingModule } from './issuing/index';
import { tasksModule } from './tasks/index';
import { regulationModule } from './regulation/index';
import { assessmentModule } from './assessment/index';
import { hotlineModule } from './hotline/index';
import { tradingModule } from './trading/index';

/** Every bounded context, in dependency order (migrations and demo seeding follow it). */
export const modules: Module[] = [
  orgModule,
  identityModule,
  calendarModule,
  catalogModule,
  filesModule,
  documentsModule,
  notifyModule,
  casesModule,
  supervisionModule,
  ratingsModule,
  bundlesModule,
  reportsModule,
  tasksModule,
  assessmentModule,
  issuingModule,
  regulationModule,
  hotlineModule,
  tradingModule,
];

/**
 * The demo city's recent history (thousands of cases with their cards and ratings, dated back from `now`),
 * loaded after the demo itself: each module writes its own rows from the cases the history produced.
 */
export async function seedDemoHistory(db: Db, opts: { now: Date; seed: number }) {
  return db.transaction().execute(async (tx) => {
    const people = await seedHistoryPeople(tx, opts.seed);
    const { cases, events } = await seedCasesHistory(tx, people, opts);
    const { warnings } = await seedSupervisionHistory(tx, cases, { ...opts, supervisor: people.supervisor });
    const { ratings } = await seedRatingsHistory(tx, cases, { ...opts, supervisor: people.supervisor });
    return { cases: cases.length, events, warnings, ratings };
  });
}
