import { accessMatrix } from '../../../test/access-matrix';

// Verifying a document needs no sign-in: an unknown document is 404 for everyone, never 401.
accessMatrix('documents', {
  fixtures: async () => ({ missing: '00000000-0000-4000-8000-000000000000' }),
  rows: [
    [null, 'GET /api/documents/:missing/verify', 404],
    ['applicant', 'GET /api/documents/:missing/verify', 404],
    [null, 'GET /api/documents/not-an-id/verify', 400],
  ],
});
