/** ratings: 好差评 — citizens' ratings online and at the window, rectification of bad ratings, appeals, published summary (C7). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { ratingsInit } from './db/migrations/20261123T1810_ratings_init';
import { registerRatingRoutes } from './ratings.routes';
import { sweepRectifications } from './ratings.rectify';
import { todayInShanghai } from '../calendar/index';

/** For a worker: mark rectifications past their deadline as overdue (daily). */
export { sweepRectifications } from './ratings.rectify';
export { summary as ratingsSummary } from './ratings.figures';
export { LEVEL_LABELS, INDICATORS, satisfaction } from './ratings.rules';
export {
  ratingFactsBetween,
  lateRectificationsBetween,
  type RatingFact,
  type LateRectificationFact,
  type RatingScope,
} from './ratings.assessment-facade';
export { seedRatingsHistory } from './demo/history';

export const ratingsModule: Module = {
  name: 'ratings',
  migrations: { '20261123T1810_ratings_init': ratingsInit },
  routes: (app, ctx) => registerRatingRoutes(app, ctx),
  jobs: [
    {
      name: 'ratings.rectifications',
      everyMs: 10 * 60_000,
      run: (db, { now }) => sweepRectifications(db, todayInShanghai(now)),
    },
  ],
};
