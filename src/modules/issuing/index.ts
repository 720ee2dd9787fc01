/** issuing: 统一制发证与快递送达 — the exit-counter queue, batch issuing, express waybills and free-delivery statistics (C3, C4). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { issuingInit } from './db/migrations/20261123T1940_issuing_init';
import { registerIssuingRoutes } from './issuing.routes';

export { CARRIERS, CARRIER_LABELS } from './issuing.rules';

export const issuingModule: Module = {
  name: 'issuing',
  migrations: { '20261123T1940_issuing_init': issuingInit },
  routes: (app, ctx) => registerIssuingRoutes(app, ctx),
};
