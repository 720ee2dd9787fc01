import { sql } from 'kysely';
import type { Migration } from 'kysely';

/** 统一制发证 / 快递送达: issuing batches, express waybills and their daily tracking-number counters. */
export const issuingInit: Migration = {
  async up(db) {
    await sql`
      create table issuing_batches (
        id uuid primary key default gen_random_uuid(),
        created_by text not null,
        created_by_name text not null,
        region_code text not null,
        hall_id uuid,
        items jsonb not null,
        succeeded int not null,
        failed int not null,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index issuing_batches_region on issuing_batches (region_code, created_at desc)`.execute(db);
    await sql`
      create table waybills (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null,
        case_number text not null,
        department_code text not null,
        region_code text not null,
        accept_region_code text not null,
        current_region_code text not null,
        carrier text not null,
        tracking_number text not null unique,
        recipient jsonb not null,
        status text not null default 'created' check (status in ('created','dispatched','delivered','returned')),
        fee_cents int not null default 0 check (fee_cents >= 0),
        free boolean not null default true,
        granted_at timestamptz,
        signed_by text,
        created_by text not null,
        created_at timestamptz not null default now(),
        dispatched_at timestamptz,
        delivered_at timestamptz,
        returned_at timestamptz,
        return_reason text
      )`.execute(db);
    await sql`create index waybills_case on waybills (case_id)`.execute(db);
    await sql`create index waybills_created on waybills (created_at desc)`.execute(db);
    await sql`create index waybills_accept_region on waybills (accept_region_code text_pattern_ops)`.execute(db);
    await sql`
      create table waybill_counters (
        prefix text not null,
        day date not null,
        seq int not null,
        primary key (prefix, day)
      )`.execute(db);
  },
  async down(db) {
    await sql`drop table waybill_counters`.execute(db);
    await sql`drop table waybills`.execute(db);
    await sql`drop table issuing_batches`.execute(db);
  },
};
