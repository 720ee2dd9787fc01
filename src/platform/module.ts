import type { FastifyInstance, RawServerDefault, FastifyBaseLogger } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Migration } from 'kysely';
import type { Config } from './config';
import type { Db } from './db';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface ModuleContext {
  db: Db;
  config: Config;
}

/** Periodic background work of a module (sweeps, reminders). Must be idempotent: it may run on every node. */
export interface Job {
  name: string;
  everyMs: number;
  run: (db: Db) => Promise<unknown>;
}

/** A bounded context: its tables, its routes, its background jobs and its part of the demo city. */
export interface Module {
  name: string;
  migrations: Record<string, Migration>;
  routes?: (app: App, ctx: ModuleContext) => void | Promise<void>;
  /** Loads this module's demo data; runs once, in module order, on an empty database. */
  seedDemo?: (db: Db) => Promise<void>;
  jobs?: Job[];
}
