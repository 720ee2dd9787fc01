import { sql } from 'kysely';
import type { Migration } from 'kysely';

/** 好差评: ratings (one per case per channel), window rating-device sessions, rectifications of bad ratings, appeals. */
export const ratingsInit: Migration = {
  async up(db) {
    await sql`
      create table ratings (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null,
        case_number text not null,
        item_code text not null,
        item_name text not null,
        channel text not null check (channel in ('online','window')),
        level smallint not null check (level between 1 and 5),
        indicators text[] not null default '{}',
        comment text check (length(comment) <= 500),
        department_code text not null,
        region_code text not null,
        accept_region_code text not null,
        hall_id uuid,
        rated_by uuid,
        via_device boolean not null default false,
        rated_on date not null,
        excluded boolean not null default false,
        created_at timestamptz not null default now(),
        unique (case_id, channel)
      )`.execute(db);
    await sql`create index ratings_dept_day on ratings (department_code, rated_on)`.execute(db);
    await sql`create index ratings_region on ratings (region_code text_pattern_ops)`.execute(db);
    await sql`create index ratings_rated_by on ratings (rated_by) where rated_by is not null`.execute(db);
    await sql`create index ratings_hall on ratings (hall_id) where hall_id is not null`.execute(db);
    await sql`
      create table rating_device_sessions (
        token text primary key check (token ~ '^[A-Z2-9]{8}$'),
        case_id uuid not null,
        hall_id uuid,
        created_by uuid not null,
        expires_at timestamptz not null,
        used_at timestamptz,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`
      create table rectifications (
        id uuid primary key default gen_random_uuid(),
        rating_id uuid not null unique references ratings(id),
        status text not null check (status in ('pending_check','invalid_review','rectifying','overdue','closed','closed_invalid')),
        department_code text not null,
        region_code text not null,
        accept_region_code text not null,
        hall_id uuid,
        check_valid boolean,
        check_reason text check (length(check_reason) <= 500),
        checked_by uuid,
        checked_by_name text,
        checked_at timestamptz,
        review_confirm boolean,
        review_comment text check (length(review_comment) <= 500),
        reviewed_by uuid,
        reviewed_by_name text,
        reviewed_at timestamptz,
        started_on date,
        deadline date,
        deadline_provisional boolean not null default false,
        extended boolean not null default false,
        extension_reason text check (length(extension_reason) <= 500),
        extension_days integer check (extension_days between 1 and 60),
        measures text check (length(measures) <= 2000),
        callback_by uuid,
        callback_by_name text,
        callback_at timestamptz,
        callback_method text check (length(callback_method) <= 20),
        callback_result text check (length(callback_result) <= 1000),
        applicant_satisfied boolean,
        was_overdue boolean not null default false,
        overdue_on date,
        closed_at timestamptz,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index rectifications_open_deadline on rectifications (deadline) where status = 'rectifying'`.execute(
      db,
    );
    await sql`create index rectifications_dept on rectifications (department_code, created_at desc)`.execute(db);
    await sql`
      create table rating_appeals (
        id uuid primary key default gen_random_uuid(),
        rating_id uuid not null unique references ratings(id),
        status text not null check (status in ('pending','upheld','rejected')),
        reason text not null check (length(reason) between 1 and 500),
        evidence text not null check (length(evidence) between 1 and 2000),
        filed_by uuid not null,
        filed_by_name text not null,
        filed_at timestamptz not null default now(),
        decided_by uuid,
        decided_by_name text,
        decided_at timestamptz,
        decision_comment text check (length(decision_comment) <= 500)
      )`.execute(db);
  },
};
