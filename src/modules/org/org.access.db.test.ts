import { accessMatrix } from '../../../test/access-matrix';

// Anyone reads the organisation; administrators change it.
accessMatrix('org', {
  fixtures: async () => ({ missing: '00000000-0000-4000-8000-000000000000' }),
  rows: [
    [null, 'GET /api/regions', 200],
    [null, 'GET /api/regions/211103/children', 200],
    [null, 'GET /api/departments/:missing', 404],
    [null, 'POST /api/regions', 401, {}],
    ['supervisor', 'POST /api/regions', 403, {}],
    ['clerk-county', 'PATCH /api/halls/:missing', 403, {}],
    ['admin', 'PATCH /api/halls/:missing', 404, { name: '大厅', version: 1 }],
    ['chief-city', 'POST /api/departments/:missing/deactivate', 403],
  ],
});
