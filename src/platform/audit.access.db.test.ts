import { accessMatrix } from '../../test/access-matrix';

// The audit log is the whole city's: administrators and supervisors read and check it, nobody else.
accessMatrix('audit', {
  rows: [
    [null, 'GET /api/audit', 401],
    ['applicant', 'GET /api/audit', 403],
    ['clerk-city', 'GET /api/audit', 403],
    ['chief-city', 'GET /api/audit', 403],
    ['supervisor', 'GET /api/audit', 200],
    ['admin', 'GET /api/audit?entityType=user', 200],
    [null, 'POST /api/audit/verify', 401],
    ['approver-county', 'POST /api/audit/verify', 403],
    ['supervisor', 'POST /api/audit/verify', 200],
  ],
});
