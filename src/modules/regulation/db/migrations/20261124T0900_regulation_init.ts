import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * 审管联动 (after-approval supervision): which regulator supervises which item, the pushes of granted
 * approvals 双推送, the directory of approved entities and the inspector roster, and the random
 * inspection plans 双随机、一公开 with their draws and results.
 */
export const regulationInit: Migration = {
  async up(db) {
    await sql`
      create table regulation_assignments (
        id uuid primary key default gen_random_uuid(),
        item_code text not null,
        item_name text not null,
        region_code text not null,
        region_prefix text not null,
        department_id uuid not null,
        department_code text not null,
        department_name text not null,
        version int not null default 1,
        updated_by text not null,
        updated_at timestamptz not null default now(),
        unique (item_code, region_code)
      )`.execute(db);
    await sql`
      create table regulation_pushes (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null unique,
        case_number text not null,
        item_code text not null,
        item_name text not null,
        approving_department_code text not null,
        region_code text not null,
        entity_name text not null,
        entity_kind text not null check (entity_kind in ('person','company')),
        credit_code text,
        licence_number text,
        granted_on date not null,
        status text not null check (status in ('unassigned','pushed','received','returned')),
        regulator_department_id uuid,
        regulator_department_name text,
        pushed_at timestamptz,
        due_on date,
        received_at timestamptz,
        received_by_name text,
        result text check (result in ('qualified','rectify','case_filed','revoked','other')),
        result_text text,
        result_on date,
        returned_at timestamptz,
        returned_by_name text,
        reminded_on date,
        reminders int not null default 0,
        version int not null default 1,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index regulation_pushes_regulator on regulation_pushes (regulator_department_id, status, created_at desc)`.execute(
      db,
    );
    await sql`create index regulation_pushes_region on regulation_pushes (region_code text_pattern_ops, created_at desc)`.execute(
      db,
    );
    await sql`create index regulation_pushes_chase on regulation_pushes (due_on) where status = 'pushed'`.execute(db);
    await sql`
      create table regulation_cursor (
        name text primary key,
        after_updated_at timestamptz,
        after_id uuid
      )`.execute(db);
    await sql`
      create table regulation_entities (
        id uuid primary key default gen_random_uuid(),
        case_id uuid unique,
        name text not null,
        entity_kind text not null check (entity_kind in ('person','company')),
        credit_code text,
        item_code text not null,
        item_name text not null,
        licence_number text,
        region_code text not null,
        regulator_department_id uuid,
        source text not null check (source in ('grant','register')),
        active boolean not null default true,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index regulation_entities_region on regulation_entities (region_code text_pattern_ops)`.execute(
      db,
    );
    await sql`
      create table regulation_inspectors (
        account_id uuid primary key,
        username text not null,
        name text not null,
        department_id uuid not null,
        department_name text not null,
        region_code text not null,
        certificate_number text not null,
        residence_region_code text,
        conflicts text[] not null default '{}',
        active boolean not null default true,
        version int not null default 1,
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index regulation_inspectors_department on regulation_inspectors (department_id)`.execute(db);
    await sql`
      create table regulation_plans (
        id uuid primary key default gen_random_uuid(),
        department_id uuid not null,
        department_name text not null,
        region_code text not null,
        name text not null,
        target_region_code text not null,
        item_codes text[] not null default '{}',
        target_count int not null check (target_count between 1 and 500),
        inspectors_per_target int not null check (inspectors_per_target between 2 and 10),
        status text not null default 'draft' check (status in ('draft','drawn','published')),
        seed text,
        candidates jsonb,
        drawn_at timestamptz,
        drawn_by_name text,
        published_at timestamptz,
        created_by_name text not null,
        created_at timestamptz not null default now(),
        version int not null default 1
      )`.execute(db);
    await sql`create index regulation_plans_department on regulation_plans (department_id, created_at desc)`.execute(
      db,
    );
    await sql`create index regulation_plans_published on regulation_plans (published_at desc) where status = 'published'`.execute(
      db,
    );
    await sql`
      create table regulation_plan_targets (
        id uuid primary key default gen_random_uuid(),
        plan_id uuid not null references regulation_plans (id),
        seq int not null,
        entity_id uuid not null references regulation_entities (id),
        entity_name text not null,
        entity_kind text not null,
        credit_code text,
        item_name text not null,
        region_code text not null,
        inspectors jsonb not null,
        result text check (result in ('qualified','problem')),
        result_text text,
        result_on date,
        recorded_by_name text,
        recorded_at timestamptz,
        unique (plan_id, seq),
        unique (plan_id, entity_id)
      )`.execute(db);
    await sql`create index regulation_plan_targets_entity on regulation_plan_targets (entity_id)`.execute(db);
  },
  async down(db) {
    for (const t of [
      'regulation_plan_targets',
      'regulation_plans',
      'regulation_inspectors',
      'regulation_entities',
      'regulation_cursor',
      'regulation_pushes',
      'regulation_assignments',
    ])
      await sql`drop table ${sql.table(t)}`.execute(db);
  },
};
