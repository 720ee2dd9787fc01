/** hotline: 12345 市民热线 — tickets, dispatch by responsibility, the 2·20 clock, callback and the knowledge base (C12). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { hotlineInit } from './db/migrations/20261213T0900_hotline_init';
import { hotlineOpen311 } from './db/migrations/20261214T0910_hotline_open311';
import { hotlineSignOverdue } from './db/migrations/20261214T0920_hotline_sign_overdue';
import { hotlineKeywords } from './db/migrations/20261214T0930_hotline_keywords';
import { seedHotlineDemo } from './demo/index';
import { registerAttachmentRoutes } from './hotline.attachments.routes';
import { registerCitizenRoutes } from './hotline.citizen.routes';
import { registerOpen311Routes } from './hotline.open311.routes';
import { registerHotlineReportRoutes } from './hotline.reports.routes';
import { registerHotlineRoutes } from './hotline.routes';
import { registerSettingsRoutes } from './hotline.settings';
import { hotlineJobs } from './hotline.jobs';

export { ticketWatchPage, type TicketWatchFact } from './hotline.watch';
export { recordSignOverdue } from './hotline.jobs';
export { shanghaiMinute } from './hotline.signing';
export {
  hotlineComplaintsBetween,
  hotlineUnitFiguresBetween,
  type HotlineAssessmentScope,
  type HotlineComplaint,
  type HotlineUnitFigures,
} from './hotline.assessment-facade';

export const hotlineModule: Module = {
  name: 'hotline',
  migrations: {
    '20261213T0900_hotline_init': hotlineInit,
    '20261214T0910_hotline_open311': hotlineOpen311,
    '20261214T0920_hotline_sign_overdue': hotlineSignOverdue,
    '20261214T0930_hotline_keywords': hotlineKeywords,
  },
  routes: async (app, ctx) => {
    registerHotlineRoutes(app, ctx);
    registerSettingsRoutes(app, ctx);
    registerHotlineReportRoutes(app, ctx);
    registerCitizenRoutes(app, ctx);
    registerAttachmentRoutes(app, ctx);
    await registerOpen311Routes(app, ctx);
  },
  seedDemo: seedHotlineDemo,
  // 签收超时: dispatched tickets not signed for in time get a history event (supervision raises the card).
  jobs: hotlineJobs,
};
