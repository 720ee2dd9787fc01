import { accessMatrix } from '../../../test/access-matrix';
import { caseFixtures } from '../../../test/cases-fixtures';

// A case registered at the city window: city staff and supervisors see it, county and village staff and
// other applicants do not (404); only filing roles file.
accessMatrix('cases', {
  fixtures: async (t) => ({ cityCase: (await caseFixtures(() => t).registerIndividual(await t.as('clerk-city'))).id }),
  rows: [
    [null, 'GET /api/cases', 401],
    ['applicant', 'GET /api/cases', 200],
    ['supervisor', 'POST /api/cases', 403, {}],
    ['applicant', 'GET /api/cases/promises', 403],
    ['clerk-county', 'GET /api/cases/promises', 200],
    [null, 'GET /api/cases/:cityCase', 401],
    ['clerk-city', 'GET /api/cases/:cityCase', 200],
    ['supervisor', 'GET /api/cases/:cityCase', 200],
    ['clerk-county', 'GET /api/cases/:cityCase', 404],
    ['clerk-village', 'GET /api/cases/:cityCase', 404],
    ['company', 'GET /api/cases/:cityCase', 404],
    ['clerk-county', 'POST /api/cases/:cityCase/actions', 404, { action: 'accept', version: 1 }],
  ],
});
