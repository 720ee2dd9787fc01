import { accessMatrix } from '../../../test/access-matrix';

// The public summary is open; applicants rate, window clerks open the device, departments and
// supervisors handle rectifications in their scope, supervisors decide appeals.
accessMatrix('ratings', {
  fixtures: async () => ({ missing: '00000000-0000-4000-8000-000000000000' }),
  rows: [
    [null, 'GET /api/ratings/summary', 200],
    [null, 'GET /api/ratings', 401],
    ['applicant', 'GET /api/ratings', 200],
    ['supervisor', 'POST /api/ratings', 403, {}],
    ['approver-city', 'POST /api/ratings/device-sessions', 403, {}],
    ['applicant', 'POST /api/rectifications/:missing/check', 403, {}],
    ['supervisor', 'POST /api/rectifications/:missing/check', 404, { version: 1, valid: true }],
    ['clerk-city', 'POST /api/rating-appeals/:missing/decision', 403, {}],
    ['company', 'GET /api/ratings/:missing', 404],
  ],
});
