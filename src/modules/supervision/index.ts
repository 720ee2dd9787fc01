/**
 * supervision: electronic supervision 电子监察 / 效能监察 (C7) — warning rules, warnings and yellow/red
 * cards with the explanation flow, the monitoring overview (also as a live stream) and efficiency
 * figures. The only import surface of this module.
 */
import type { Module } from '../../platform/module';
import { todayInShanghai } from '../calendar/index';
import { supervisionInit } from './db/migrations/20261123T1830_supervision_init';
import { supervisionNotices } from './db/migrations/20261124T1210_supervision_notices';
import { supervisionHotline } from './db/migrations/20261214T0925_supervision_hotline';
import { registerSupervisionRoutes } from './supervision.routes';
import { sweepWarnings } from './supervision.sweep';
import { refreshFiguresRollup } from './supervision.figures-rollup';
import { sweepHotlineWarnings } from './supervision.hotline';

export { sweepWarnings, startSupervisionWorker, type SweepResult, type WorkerOptions } from './supervision.sweep';
export { warningScope } from './supervision.service';
export { sweepHotlineWarnings, type HotlineSweepResult } from './supervision.hotline';
export { warningFactsBetween, type WarningFact, type WarningScope } from './supervision.assessment-facade';
export { seedSupervisionHistory } from './demo/history';

export const supervisionModule: Module = {
  name: 'supervision',
  migrations: {
    '20261123T1830_supervision_init': supervisionInit,
    '20261124T1210_supervision_notices': supervisionNotices,
    '20261214T0925_supervision_hotline': supervisionHotline,
  },
  routes: (app, ctx) => registerSupervisionRoutes(app, ctx.db, ctx.clock),
  // The warning sweep 预警巡检 every 10 minutes (src/main.ts runs module jobs); idempotent.
  // The figures' daily rollup 日汇总 up to yesterday, so the first request of a day does not build it.
  jobs: [
    { name: 'supervision.warnings', everyMs: 10 * 60_000, run: (db, { now }) => sweepWarnings(db, now) },
    {
      name: 'supervision.figures-rollup',
      everyMs: 10 * 60_000,
      run: (db, { now }) => refreshFiguresRollup(db, todayInShanghai(now)),
    },
    // The 12345 tickets' cards (near, past the limit, not signed for), read through the hotline's facade.
    { name: 'supervision.hotline-warnings', everyMs: 10 * 60_000, run: (db, { now }) => sweepHotlineWarnings(db, now) },
  ],
};
