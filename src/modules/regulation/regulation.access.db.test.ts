import { accessMatrix } from '../../../test/access-matrix';

// Published inspections are public; staff work in supervision, administrators maintain its tables.
accessMatrix('regulation', {
  fixtures: async () => ({ missing: '00000000-0000-4000-8000-000000000000' }),
  rows: [
    [null, 'GET /api/public/inspections', 200],
    [null, 'GET /api/regulation/assignments', 401],
    ['applicant', 'GET /api/regulation/assignments', 403],
    ['regulator-city', 'GET /api/regulation/assignments', 200],
    ['regulator-city', 'POST /api/regulation/assignments', 403, {}],
    ['applicant', 'GET /api/regulation/plans', 403],
    ['inspector-a', 'GET /api/regulation/plans', 200],
    ['regulator-city', 'GET /api/regulation/pushes/:missing', 404],
    ['company', 'POST /api/regulation/inspectors', 403, {}],
  ],
});
