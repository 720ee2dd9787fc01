/** bundles: 一件事一次办 — several items filed with one form and one set of materials, tracked as one (C3, C4). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { bundlesInit } from './db/migrations/20261123T1900_bundles_init';
import { bundlesCaseLookup } from './db/migrations/20261124T0910_bundles_case_lookup';
import { registerBundleRoutes } from './bundles.routes';
import { seedBundlesDemo } from './demo/seed';

export { DEMO_BUNDLE_CODES } from './demo/seed';

export const bundlesModule: Module = {
  name: 'bundles',
  migrations: { '20261123T1900_bundles_init': bundlesInit, '20261124T0910_bundles_case_lookup': bundlesCaseLookup },
  routes: (app, ctx) => registerBundleRoutes(app, ctx),
  seedDemo: seedBundlesDemo,
};
