import { expect } from 'vitest';
import { accessMatrix } from '../../../test/access-matrix';
import type { TestApp } from '../../../test/harness';

/** A problem assigned by the supervisor with one measure led by the department (long term). */
async function assign(t: TestApp, department: string) {
  const res = await t.post('/api/supervision/tasks', await t.as('supervisor'), {
    title: `整改 ${department}`,
    measures: [{ content: '落实整改', leadDepartmentCode: department, longTerm: true }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const p = res.json() as { id: string; measures: { id: string }[] };
  return { problem: p.id, measure: p.measures[0]!.id };
}

// Supervisors assign and chase in their region; department staff see and report on the measures their
// department leads or assists (another department's: 404); nobody else reaches tasks (403).
accessMatrix('tasks', {
  fixtures: async (t) => {
    const ours = await assign(t, 'PJ-XZSP');
    const theirs = await assign(t, 'PJ-SCJG');
    return {
      ourProblem: ours.problem,
      ourMeasure: ours.measure,
      theirProblem: theirs.problem,
      theirMeasure: theirs.measure,
    };
  },
  rows: [
    [null, 'GET /api/supervision/tasks', 401],
    ['applicant', 'GET /api/supervision/tasks', 403],
    ['supervisor', 'GET /api/supervision/tasks/:theirProblem', 200],
    ['approver-city', 'GET /api/supervision/tasks/:ourProblem', 200],
    ['approver-city', 'GET /api/supervision/tasks/:theirProblem', 404],
    ['approver-city', 'POST /api/supervision/tasks', 403, { title: 'x', measures: [] }],
    ['approver-city', 'POST /api/supervision/measures/:theirMeasure/reports', 404, { content: '进展' }],
    ['approver-city', 'POST /api/supervision/measures/:ourMeasure/reports', 201, { content: '进展' }],
    ['supervisor', 'POST /api/supervision/measures/:ourMeasure/reports', 403, { content: '进展' }],
    ['approver-city', 'POST /api/supervision/measures/:ourMeasure/urge', 403, { note: '请加快' }],
    ['supervisor', 'POST /api/supervision/measures/:theirMeasure/urge', 200, { note: '请加快' }],
  ],
});
