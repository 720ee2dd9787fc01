import type { Module } from '../platform/module';
import { orgModule } from './org/index';
import { identityModule } from './identity/index';
import { calendarModule } from './calendar/index';
import { catalogModule } from './catalog/index';
import { filesModule } from './files/index';
import { documentsModule } from './documents/index';
import { notifyModule } from './notify/index';
import { casesModule } from './cases/index';
import { ratingsModule } from './ratings/index';
import { supervisionModule } from './supervision/index';
import { bundlesModule } from './bundles/index';
import { reportsModule } from './reports/index';
import { issuingModule } from './issuing/index';
import { tasksModule } from './tasks/index';
import { regulationModule } from './regulation/index';
import { assessmentModule } from './assessment/index';

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
];
