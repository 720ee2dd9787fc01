/** tasks: 督查督办 — supervision problems, rectification measures, progress reports, urging, overdue marking and accountability (C8). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { tasksInit } from './db/migrations/20261123T1930_tasks_init';
import { registerTaskRoutes } from './tasks.routes';
import { seedTasksDemo } from './tasks.import';
import { sweepOverdueMeasures } from './tasks.progress';
import { todayInShanghai } from '../calendar/index';

/** For a worker: mark open measures past their deadline overdue. */
export { sweepOverdueMeasures } from './tasks.progress';
export { parseDeadline, isOverdue } from './tasks.rules';
export { overdueMeasuresAsOf, type OverdueMeasureFact } from './tasks.assessment-facade';

export const tasksModule: Module = {
  name: 'tasks',
  migrations: { '20261123T1930_tasks_init': tasksInit },
  routes: (app, ctx) => registerTaskRoutes(app, ctx),
  seedDemo: seedTasksDemo,
  jobs: [
    {
      name: 'tasks.overdue',
      everyMs: 10 * 60_000,
      run: (db, { now }) => sweepOverdueMeasures(db, todayInShanghai(now)),
    },
  ],
};
