/** hotline: 12345 市民热线 — tickets, dispatch by responsibility, the 2·20 clock, callback and the knowledge base (C12). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { hotlineInit } from './db/migrations/20261213T0900_hotline_init';
import { seedHotlineDemo } from './demo/index';
import { registerHotlineRoutes } from './hotline.routes';
import { registerSettingsRoutes } from './hotline.settings';

export const hotlineModule: Module = {
  name: 'hotline',
  migrations: { '20261213T0900_hotline_init': hotlineInit },
  routes: (app, ctx) => {
    registerHotlineRoutes(app, ctx);
    registerSettingsRoutes(app, ctx);
  },
  seedDemo: seedHotlineDemo,
};
