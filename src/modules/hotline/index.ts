/** hotline: 12345 市民热线 — tickets, dispatch by responsibility, the 2·20 clock, callback and the knowledge base (C12). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { hotlineInit } from './db/migrations/20261213T0900_hotline_init';
import { hotlineKeywords } from './db/migrations/20261214T0930_hotline_keywords';
import { seedHotlineDemo } from './demo/index';
import { registerHotlineReportRoutes } from './hotline.reports.routes';
import { registerHotlineRoutes } from './hotline.routes';

export const hotlineModule: Module = {
  name: 'hotline',
  migrations: {
    '20261213T0900_hotline_init': hotlineInit,
    '20261214T0930_hotline_keywords': hotlineKeywords,
  },
  routes: (app, ctx) => {
    registerHotlineRoutes(app, ctx);
    registerHotlineReportRoutes(app, ctx);
  },
  seedDemo: seedHotlineDemo,
};
