/** hotline: 12345 市民热线 — tickets, dispatch by responsibility, the 2·20 clock, callback and the knowledge base (C12). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { hotlineInit } from './db/migrations/20261213T0900_hotline_init';
import { hotlineOpen311 } from './db/migrations/20261214T0910_hotline_open311';
import { seedHotlineDemo } from './demo/index';
import { registerAttachmentRoutes } from './hotline.attachments.routes';
import { registerCitizenRoutes } from './hotline.citizen.routes';
import { registerOpen311Routes } from './hotline.open311.routes';
import { registerHotlineRoutes } from './hotline.routes';

export const hotlineModule: Module = {
  name: 'hotline',
  migrations: {
    '20261213T0900_hotline_init': hotlineInit,
    '20261214T0910_hotline_open311': hotlineOpen311,
  },
  routes: async (app, ctx) => {
    registerHotlineRoutes(app, ctx);
    registerCitizenRoutes(app, ctx);
    registerAttachmentRoutes(app, ctx);
    await registerOpen311Routes(app, ctx);
  },
  seedDemo: seedHotlineDemo,
};
