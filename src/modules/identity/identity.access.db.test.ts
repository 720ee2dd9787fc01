import { sql } from 'kysely';
import { accessMatrix } from '../../../test/access-matrix';

// Administrators manage the staff of their subtree, supervisors read the roster, window clerks verify
// identities; an account that is not staff is no staff member (404).
accessMatrix('identity', {
  fixtures: async (t) => {
    const ids = await sql<{ username: string; id: string }>`
      select username, id from users where username in ('clerk-county', 'company')`.execute(t.db);
    const id = (u: string) => ids.rows.find((r) => r.username === u)!.id;
    return { countyClerk: id('clerk-county'), company: id('company') };
  },
  rows: [
    [null, 'GET /api/auth/me', 200],
    ['applicant', 'GET /api/account/sessions', 200],
    [null, 'GET /api/account/sessions', 401],
    ['supervisor', 'GET /api/staff', 200],
    ['clerk-city', 'GET /api/staff', 403],
    ['admin', 'GET /api/staff/:countyClerk', 200],
    ['supervisor', 'GET /api/staff/:countyClerk', 403],
    ['admin', 'GET /api/staff/:company', 404],
    ['admin', 'GET /api/sign-in-attempts', 200],
    ['supervisor', 'GET /api/sign-in-attempts', 403],
    ['clerk-city', 'GET /api/identity/claims?q=applicant', 200],
    ['approver-city', 'GET /api/identity/claims?q=applicant', 403],
    ['approver-city', 'POST /api/staff/:countyClerk/deactivate', 403],
    ['admin', 'POST /api/staff/:company/deactivate', 404],
    ['admin', 'POST /api/staff/:countyClerk/deactivate', 200],
  ],
});
