/** regulation: 审管联动 — approval results pushed to regulators and their findings pushed back (双推送), the directories of approved entities and inspectors, random inspections 双随机、一公开 (C9). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { regulationInit } from './db/migrations/20261124T0900_regulation_init';
import { registerRegulationRoutes } from './regulation.routes';
import { collectGrants } from './regulation.grants';
import { chasePushes } from './regulation.service';
import { seedRegulationDemo } from './demo/seed';

export { collectGrants } from './regulation.grants';
export { chasePushes } from './regulation.service';

export const regulationModule: Module = {
  name: 'regulation',
  migrations: { '20261124T0900_regulation_init': regulationInit },
  routes: (app, ctx) => registerRegulationRoutes(app, ctx.db, ctx.clock),
  seedDemo: seedRegulationDemo,
  jobs: [
    // 双推送: newly granted cases become pushes to their regulator (idempotent).
    { name: 'regulation.pushes', everyMs: 5 * 60_000, run: (db, { now }) => collectGrants(db, now) },
    // 催办: unconfirmed pushes past their due day, once per working day.
    { name: 'regulation.chase', everyMs: 30 * 60_000, run: (db, { now }) => chasePushes(db, now) },
  ],
};
