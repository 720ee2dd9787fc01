/** identity: accounts, sessions, roles and data scopes. The only import surface of this module. */
import type { Module } from '../../platform/module';
import { identityInit } from './db/migrations/20261123T0150_identity_init';
import { identityVerification } from './db/migrations/20261210T0900_identity_verification';
import { prune } from './identity.repository';
import { KNOWN_SOURCE_DAYS } from './identity.sign-in';
import { registerIdentityRoutes } from './identity.routes';
import { seedDemoAccounts } from './demo/accounts';

export { authenticateToken } from './identity.sessions';
export {
  getAccount,
  findApplicantAccount,
  verifiedApplicantAccount,
  actorForUsername,
  listDepartmentStaff,
  staffIdsAtWindow,
  type Account,
  type StaffContact,
} from './identity.accounts';
export { checkIdNumber, checkCreditCode } from './identity.codes';
export { DEMO_PASSWORD } from './demo/accounts';
export {
  seedHistoryPeople,
  type HistoryPeople,
  type HistoryPerson,
  type HistoryHall,
  type HistoryApplicant,
} from './demo/history';

export const identityModule: Module = {
  name: 'identity',
  migrations: {
    '20261123T0150_identity_init': identityInit,
    '20261210T0900_identity_verification': identityVerification,
  },
  routes: (app, ctx) => registerIdentityRoutes(app, ctx.db, ctx.config, ctx.clock),
  seedDemo: seedDemoAccounts,
  jobs: [
    {
      // Sign-in attempts are kept for 90 days (the account's history, the known sources of an account).
      name: 'identity.prune',
      everyMs: 60 * 60_000,
      run: (db, { now }) => prune(db, new Date(now.getTime() - KNOWN_SOURCE_DAYS * 86_400_000), now),
    },
  ],
};
