import { accessMatrix } from '../../../test/access-matrix';

// Warnings are for the staff who watch or handle cases, each in their scope; a region outside the
// subtree is 404. Supervisors decide and sweep; only city-level ones change the rules.
accessMatrix('supervision', {
  rows: [
    [null, 'GET /api/supervision/warnings', 401],
    ['applicant', 'GET /api/supervision/warnings', 403],
    ['agent', 'GET /api/supervision/warnings', 403],
    ['clerk-county', 'GET /api/supervision/warnings', 200],
    ['supervisor', 'GET /api/supervision/warnings?regionCode=211103', 200],
    ['clerk-county', 'GET /api/supervision/overview?regionCode=211103', 200],
    ['clerk-county', 'GET /api/supervision/overview?regionCode=211100', 404],
    ['approver-county', 'GET /api/supervision/figures?regionCode=211102', 404],
    ['clerk-city', 'GET /api/supervision/figures', 403],
    ['chief-city', 'GET /api/supervision/figures', 200],
    ['approver-city', 'GET /api/supervision/rules', 403],
    ['clerk-city', 'POST /api/supervision/sweep', 403],
    ['supervisor', 'POST /api/supervision/sweep', 200],
    ['approver-county', 'PATCH /api/supervision/rules/overdue', 403, { enabled: true }],
    ['supervisor', 'PATCH /api/supervision/rules/overdue', 200, { enabled: true }],
  ],
});
