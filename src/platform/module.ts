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
  /**
   * The clock of requests: a route reads the instant of its request here once and hands it down in the
   * use case's context (`ctx.now`); nothing else reads the time. The wall clock, or one a test pins.
   */
  clock: () => Date;
}

/** What a run of a job is given: the instant of the run (the job's `now`, as a request's `ctx.now`). */
export interface JobContext {
  now: Date;
}

/** Periodic background work of a module (sweeps, reminders). Must be idempotent: it may run on every node. */
export interface Job {
  name: string;
  everyMs: number;
  run: (db: Db, at: JobContext) => Promise<unknown>;
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
