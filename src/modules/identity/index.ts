/** identity: accounts, sessions, roles and data scopes. The only import surface of this module. */
import type { Module } from '../../platform/module';
import { identityInit } from './db/migrations/20261123T0150_identity_init';
import { registerIdentityRoutes } from './identity.routes';
import { seedDemoAccounts } from './demo/accounts';

export { authenticateToken } from './identity.service';
export {
  getAccount,
  findApplicantAccount,
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
  migrations: { '20261123T0150_identity_init': identityInit },
  routes: (app, ctx) => registerIdentityRoutes(app, ctx.db, ctx.config),
  seedDemo: seedDemoAccounts,
};
