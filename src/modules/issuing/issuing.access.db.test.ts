import { accessMatrix } from '../../../test/access-matrix';

// Window clerks work the exit counter in their region; statistics are also for supervisors and admins.
accessMatrix('issuing', {
  fixtures: async () => ({ missing: '00000000-0000-4000-8000-000000000000' }),
  rows: [
    [null, 'GET /api/issuing/queue', 401],
    ['applicant', 'GET /api/issuing/queue', 403],
    ['approver-city', 'GET /api/issuing/queue', 403],
    ['clerk-city', 'GET /api/issuing/queue', 200],
    ['clerk-village', 'GET /api/issuing/waybills', 200],
    ['clerk-city', 'GET /api/issuing/batches/:missing', 404],
    ['supervisor', 'POST /api/issuing/batches', 403, { caseIds: [], versions: {} }],
    ['supervisor', 'GET /api/issuing/stats', 200],
    ['clerk-county', 'GET /api/issuing/stats?groupBy=carrier', 200],
    ['chief-city', 'GET /api/issuing/stats', 403],
  ],
});
