import { accessMatrix } from '../../../test/access-matrix';

// Anyone reads bundles; administrators maintain them; applications are their filer's (others: 404).
accessMatrix('bundles', {
  fixtures: async () => ({ missing: '00000000-0000-4000-8000-000000000000' }),
  rows: [
    [null, 'GET /api/bundles', 200],
    ['applicant', 'GET /api/bundles?includeInactive=true', 200],
    [null, 'POST /api/bundles', 401, {}],
    ['supervisor', 'POST /api/bundles', 403, {}],
    ['clerk-city', 'DELETE /api/bundles/nope', 403],
    ['admin', 'DELETE /api/bundles/nope', 404],
    [null, 'GET /api/bundle-applications', 401],
    ['applicant', 'GET /api/bundle-applications', 200],
    ['company', 'GET /api/bundle-applications/:missing', 404],
  ],
});
