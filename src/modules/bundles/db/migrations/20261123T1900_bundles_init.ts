import { sql } from 'kysely';
import type { Migration } from 'kysely';

/** 一件事一次办: bundles of items and the applications filed against them. */
export const bundlesInit: Migration = {
  async up(db) {
    await sql`
      create table bundles (
        code text primary key,
        name text not null,
        description text not null default '',
        item_codes jsonb not null,
        shared_fields jsonb not null default '[]',
        mode text not null check (mode in ('parallel','serial')),
        active boolean not null default true,
        version int not null default 1,
        created_by text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`
      create table bundle_applications (
        id uuid primary key default gen_random_uuid(),
        bundle_code text not null references bundles(code),
        bundle_name text not null,
        applicant_id text not null,
        applicant_name text not null,
        idempotency_key text not null,
        request_hash text not null,
        item_codes jsonb not null,
        case_ids jsonb not null,
        case_numbers jsonb not null,
        mode text not null,
        promised_days int not null,
        submitted boolean not null,
        started_on date,
        deadline date,
        deadline_provisional boolean not null default false,
        created_at timestamptz not null default now(),
        constraint bundle_applications_idempotency unique (applicant_id, idempotency_key)
      )`.execute(db);
    await sql`create index bundle_applications_applicant on bundle_applications (applicant_id, created_at desc)`.execute(
      db,
    );
    await sql`create index bundle_applications_bundle on bundle_applications (bundle_code, created_at desc)`.execute(
      db,
    );
  },
  async down(db) {
    await sql`drop table bundle_applications`.execute(db);
    await sql`drop table bundles`.execute(db);
  },
};
