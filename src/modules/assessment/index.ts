/**
 * assessment: 考核 — scoring rules as data, monthly scores and rankings of departments, halls and
 * clerks computed from the month's cards, overdue cases and ratings, and the weekly bulletin 每周通报
 * as a PDF (C7). The only import surface of this module.
 */
import type { Module } from '../../platform/module';
import { assessmentInit } from './db/migrations/20261124T1200_assessment_init';
import { assessmentHotline } from './db/migrations/20261214T0925_assessment_hotline';
import { registerAssessmentRoutes } from './assessment.routes';
import { generateWeeklyBulletin } from './assessment.bulletin';

export { generateWeeklyBulletin } from './assessment.bulletin';
export { scoreUnit, rankUnits, type ScoringRules, type UnitFacts } from './assessment.rules';

export const assessmentModule: Module = {
  name: 'assessment',
  migrations: {
    '20261124T1200_assessment_init': assessmentInit,
    '20261214T0925_assessment_hotline': assessmentHotline,
  },
  routes: (app, ctx) => registerAssessmentRoutes(app, ctx.db, ctx.clock),
  // Last week's city-wide bulletin, on Mondays (hourly check; does nothing once it exists).
  jobs: [
    { name: 'assessment.weekly-bulletin', everyMs: 60 * 60_000, run: (db, { now }) => generateWeeklyBulletin(db, now) },
  ],
};
