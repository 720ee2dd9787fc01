import { accessMatrix } from '../../../test/access-matrix';

// Administrators and supervisors read the alignment check for a region of their subtree; a region they
// cannot see answers as one that does not exist.
accessMatrix('reports', {
  rows: [
    [null, 'GET /api/reports/item-alignment', 401],
    ['applicant', 'GET /api/reports/item-alignment', 403],
    ['chief-city', 'GET /api/reports/item-alignment', 403],
    ['clerk-county', 'GET /api/reports/item-alignment?regionCode=211103', 403],
    ['supervisor', 'GET /api/reports/item-alignment', 200],
    ['admin', 'GET /api/reports/item-alignment?regionCode=211103', 200],
    ['admin', 'GET /api/reports/item-alignment?regionCode=210102', 404],
    ['approver-city', 'GET /api/reports/item-alignment.xlsx', 403],
    ['supervisor', 'GET /api/reports/item-alignment.xlsx', 200],
  ],
});
