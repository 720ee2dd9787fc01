import { accessMatrix } from '../../../test/access-matrix';
import { caseFixtures } from '../../../test/cases-fixtures';

// An upload is read back here by its uploader alone: anyone else, an administrator too, gets 404.
accessMatrix('files', {
  fixtures: async (t) => ({ own: await caseFixtures(() => t).upload(await t.as('applicant')) }),
  rows: [
    [null, 'GET /api/files/:own', 401],
    ['applicant', 'GET /api/files/:own', 200],
    ['company', 'GET /api/files/:own', 404],
    ['admin', 'GET /api/files/:own', 404],
    [null, 'POST /api/files', 401],
  ],
});
