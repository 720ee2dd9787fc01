import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Verified identity claims, sign-in attempts by account and source, sign-in challenges, session last-seen.
 *
 * An ID number or credit code is only a claim until a verification step succeeds; several accounts may
 * claim one code, but only one may hold it verified (the partial unique indexes). Accounts that existed
 * before this migration keep their claim unverified: they bind cases again once verified.
 */
export const identityVerification: Migration = {
  async up(db) {
    await sql`
      alter table users
        add column verification text not null default 'unverified'
          check (verification in ('unverified','provider','representative','window')),
        add column verified_at timestamptz,
        add column verified_by uuid,
        add column verification_source text`.execute(db);
    await sql`drop index users_id_number`.execute(db);
    await sql`drop index users_credit_code`.execute(db);
    await sql`create index users_id_number on users (id_number) where id_number is not null`.execute(db);
    await sql`create index users_credit_code on users (credit_code) where credit_code is not null`.execute(db);
    await sql`create unique index users_verified_id_number on users (id_number)
      where id_number is not null and verification <> 'unverified'`.execute(db);
    await sql`create unique index users_verified_credit_code on users (credit_code)
      where credit_code is not null and verification <> 'unverified'`.execute(db);
    await sql`create index users_phone on users (phone) where phone is not null`.execute(db);

    await sql`
      create table identity_verification_requests (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users(id),
        provider text not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        completed_at timestamptz
      )`.execute(db);

    await sql`alter table sessions add column last_seen_at timestamptz`.execute(db);
    await sql`update sessions set last_seen_at = created_at`.execute(db);

    await sql`drop table login_failures`.execute(db);
    await sql`
      create table login_attempts (
        id bigserial primary key,
        username text not null,
        user_id uuid,
        ip text,
        user_agent text,
        ok boolean not null,
        reason text,
        at timestamptz not null default now()
      )`.execute(db);
    await sql`create index login_attempts_user_ip on login_attempts (username, ip, at)`.execute(db);
    await sql`create index login_attempts_ip on login_attempts (ip, at)`.execute(db);
    await sql`create index login_attempts_at on login_attempts (at)`.execute(db);
    await sql`create index login_attempts_account on login_attempts (user_id, at) where user_id is not null`.execute(
      db,
    );

    await sql`
      create table login_challenges (
        id uuid primary key default gen_random_uuid(),
        answer_hash text not null,
        expires_at timestamptz not null
      )`.execute(db);
  },
};
