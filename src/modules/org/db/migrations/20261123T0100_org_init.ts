import { sql } from 'kysely';
import type { Migration } from 'kysely';

/** Regions (four levels + economic zones), departments and their approval offices, halls and windows. */
export const orgInit: Migration = {
  async up(db) {
    await sql`
      create table regions (
        code text primary key,
        name text not null,
        level text not null check (level in ('city','county','town','village')),
        kind text not null default 'admin' check (kind in ('admin','economic_zone')),
        parent_code text references regions(code),
        scope_prefix text not null,
        official boolean not null default true,
        active boolean not null default true,
        sort int not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index regions_parent on regions (parent_code, sort, code)`.execute(db);
    await sql`create index regions_prefix on regions (scope_prefix text_pattern_ops)`.execute(db);
    await sql`
      create table departments (
        id uuid primary key default gen_random_uuid(),
        code text not null unique,
        name text not null,
        short_name text,
        region_code text not null references regions(code),
        kind text not null check (kind in ('department','approval_bureau','approval_office','supervision','service_center','hotline')),
        parent_id uuid references departments(id),
        credit_code text,
        active boolean not null default true,
        sort int not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index departments_region on departments (region_code)`.execute(db);
    await sql`
      create table halls (
        id uuid primary key default gen_random_uuid(),
        code text not null unique,
        name text not null,
        region_code text not null references regions(code),
        address text,
        phone text,
        hours text,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index halls_region on halls (region_code)`.execute(db);
    await sql`
      create table windows (
        id uuid primary key default gen_random_uuid(),
        hall_id uuid not null references halls(id),
        code text not null,
        name text not null,
        kind text not null check (kind in ('comprehensive','department','exit','enquiry')),
        department_id uuid references departments(id),
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (hall_id, code)
      )`.execute(db);
  },
};
