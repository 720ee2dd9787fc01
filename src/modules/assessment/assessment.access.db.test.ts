import { accessMatrix } from '../../../test/access-matrix';

// Scores for supervisors and the approving side (each in the warnings' scope), bulletins for
// supervisors, rule changes for admins and city-level supervisors.
accessMatrix('assessment', {
  rows: [
    [null, 'GET /api/assessment/scores', 401],
    ['applicant', 'GET /api/assessment/scores', 403],
    ['clerk-city', 'GET /api/assessment/scores', 403],
    ['approver-county', 'GET /api/assessment/scores', 200],
    ['supervisor', 'GET /api/assessment/scores?groupBy=hall', 200],
    ['supervisor', 'GET /api/assessment/scores/department/PJ-XZSP', 200],
    ['approver-county', 'GET /api/assessment/scores/department/PJ-XZSP', 404],
    ['chief-city', 'GET /api/assessment/rules', 200],
    ['chief-city', 'GET /api/assessment/bulletins', 403],
    ['supervisor', 'GET /api/assessment/bulletins', 200],
    ['approver-city', 'PUT /api/assessment/rules/base', 403, { points: 100, cap: null, version: 1 }],
    ['admin', 'PUT /api/assessment/rules/nonexistent', 404, { points: 1, cap: null, version: 1 }],
  ],
});
