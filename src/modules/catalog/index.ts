/** catalog: service items 事项库 / 权力清单 / 办事指南 (C1). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { catalogInit } from './db/migrations/20261123T0300_catalog_init';
import { registerCatalogRoutes } from './catalog.routes';
import { seedCatalogDemo } from './demo/seed';

export { getPublishedItem, getItemVersion, listItems, implementingBodyAt } from './catalog.service';
export { governmentName, resolveBody, type BodyResolution } from './catalog.authority';
export { DEMO_ITEM_CODES } from './demo/seed';
export {
  ITEM_TYPES,
  ITEM_TYPE_LABELS,
  ITEM_LEVELS,
  HANDLING_TYPE_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_SOURCE_LABELS,
} from './catalog.schemas';
export type {
  ItemGuide,
  ItemDetail,
  ItemSummary,
  ItemType,
  ItemLevel,
  Material,
  FormField,
  BodyOffice,
} from './catalog.schemas';
export { guideUrl } from './catalog.notice';
/** Chinese segmentation for search, shared so that every search in the platform segments alike. */
export { indexTokens, queryTokens } from './catalog.search';

export const catalogModule: Module = {
  name: 'catalog',
  migrations: { '20261123T0300_catalog_init': catalogInit },
  routes: (app, ctx) => registerCatalogRoutes(app, ctx),
  seedDemo: seedCatalogDemo,
};
