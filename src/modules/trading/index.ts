/** trading: 公共资源交易 — projects and lots, announcements and their feed, the credit blacklist, registration and sealed bids (C13). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { tradingInit } from './db/migrations/20261214T1000_trading_init';
import { seedTradingDemo } from './demo/index';
import { registerTradingRoutes } from './trading.routes';

export { isBlacklisted } from './trading.credit';

export const tradingModule: Module = {
  name: 'trading',
  migrations: { '20261214T1000_trading_init': tradingInit },
  routes: (app, ctx) => registerTradingRoutes(app, ctx),
  seedDemo: seedTradingDemo,
};
