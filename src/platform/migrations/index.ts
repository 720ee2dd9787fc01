import { sql } from 'kysely';
import type { Migration } from 'kysely';

/** Platform tables: audit log and a small key/value table for installation facts. */
export const platformMigrations: Record<string, Migration> = {
  '20261123T0000_platform_init': {
    async up(db) {
      await sql`create extension if not exists pg_trgm`.execute(db);
      await sql`create extension if not exists btree_gin`.execute(db);
      await sql`
        create table audit_log (
          id bigserial primary key,
          at timestamptz not null default now(),
          actor_id text,
          actor_name text,
          action text not null,
          entity_type text not null,
          entity_id text,
          before jsonb,
          after jsonb,
          ip text,
          seq bigint unique,
          prev_hash text,
          hash text
        )`.execute(db);
      await sql`create index audit_log_unsealed on audit_log (id) where seq is null`.execute(db);
      await sql`create index audit_log_entity on audit_log (entity_type, entity_id)`.execute(db);
      await sql`create index audit_log_actor on audit_log (actor_name, id)`.execute(db);
      await sql`create table platform_meta (key text primary key, value jsonb not null, updated_at timestamptz not null default now())`.execute(
        db,
      );
    },
  },
};
