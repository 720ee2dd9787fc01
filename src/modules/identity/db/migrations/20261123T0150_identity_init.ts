import { sql } from 'kysely';
import type { Migration } from 'kysely';

/** Accounts (staff and applicants), sessions, failed sign-ins for throttling. */
export const identityInit: Migration = {
  async up(db) {
    await sql`
      create table users (
        id uuid primary key default gen_random_uuid(),
        username text not null,
        password_hash text not null,
        kind text not null check (kind in ('staff','person','company')),
        name text not null,
        id_number text,
        credit_code text,
        phone text,
        roles text[] not null default '{}',
        region_code text,
        region_prefix text,
        department_id uuid,
        hall_id uuid,
        window_id uuid,
        active boolean not null default true,
        last_login_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create unique index users_username on users (lower(username))`.execute(db);
    await sql`create unique index users_id_number on users (id_number) where id_number is not null`.execute(db);
    await sql`create unique index users_credit_code on users (credit_code) where credit_code is not null`.execute(db);
    await sql`create index users_region on users (region_prefix text_pattern_ops)`.execute(db);
    await sql`
      create table sessions (
        id uuid primary key default gen_random_uuid(),
        token_hash text not null unique,
        user_id uuid not null references users(id),
        csrf_token text not null,
        ip text,
        user_agent text,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz
      )`.execute(db);
    await sql`create index sessions_user on sessions (user_id)`.execute(db);
    await sql`
      create table login_failures (
        id bigserial primary key,
        username text not null,
        ip text,
        at timestamptz not null default now()
      )`.execute(db);
    await sql`create index login_failures_user on login_failures (lower(username), at)`.execute(db);
  },
};
