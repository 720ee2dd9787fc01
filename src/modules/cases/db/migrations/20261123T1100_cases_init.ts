import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Cases 办件: the case row (current state, denormalised item facts, clock columns for the inbox),
 * its materials, its append-only history 全程留痕 and the per-day number counters.
 *
 * Numbers are compared byte-wise (collate "C"): the unique index also serves prefix searches.
 * Inbox queries filter by the competent region's code prefix (text_pattern_ops so `like '2111%'`
 * uses the index), by who can act next (`actionable`) and sort by the promised deadline; the
 * open-work index only holds cases someone can still act on, so finished cases cost nothing.
 */
export const casesInit: Migration = {
  async up(db) {
    await sql`
      create table cases (
        id uuid primary key default gen_random_uuid(),
        number text collate "C" not null unique check (number ~ '^[0-9A-Z]{6}-[0-9]{8}-[0-9]{6}$'),
        item_code text not null,
        item_version int not null,
        item_name text not null,
        department_code text not null,
        process_key text not null,
        region_code text not null,
        accept_region_code text not null,
        accept_hall_id uuid,
        channel text not null check (channel in ('online','window')),
        applicant_id uuid,
        applicant jsonb not null,
        applicant_name text not null,
        applicant_id_tail text,
        created_by uuid not null,
        idempotency_key text not null check (length(idempotency_key) between 1 and 200),
        request_hash text not null,
        status text not null check (status ~ '^[a-z][a-z0-9_]*$'),
        suspended_from text,
        version int not null default 1 check (version >= 1),
        actionable text[] not null default '{}',
        form jsonb not null,
        handling_type text not null check (handling_type in ('immediate','promised')),
        promised_days int not null check (promised_days >= 0),
        statutory_days int not null check (statutory_days >= 0),
        accepted_on date,
        promised_deadline date,
        statutory_deadline date,
        near_on date,
        overdue_on date,
        deadline_provisional boolean not null default false,
        clock_phase text not null default 'not_started' check (clock_phase in ('not_started','running','suspended','suspended_overdue','finished')),
        finished_on date,
        step_entered_at timestamptz not null default now(),
        submitted_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    // Idempotency-Key: one case per (user, key), also under concurrent retries.
    await sql`create unique index cases_idempotency on cases (created_by, idempotency_key)`.execute(db);
    // Staff work queues, one per acting role: submitted cases that role can act on now, by competent
    // region prefix; covering, so the inbox pages and counts by an index-only scan, then loads 20 rows.
    for (const role of ['clerk', 'approver', 'chief']) {
      await sql
        .raw(
          `create index cases_queue_${role} on cases (region_code text_pattern_ops, promised_deadline, created_at, id) include (department_code) ` +
            `where '${role}' = any(actionable) and submitted_at is not null`,
        )
        .execute(db);
    }
    // Everything in a region (view=all, supervision): by region prefix + status + deadline, or walked in deadline order.
    await sql`create index cases_region on cases (region_code text_pattern_ops, status, promised_deadline)`.execute(db);
    await sql`create index cases_deadline on cases (promised_deadline, created_at, id)`.execute(db);
    await sql`create index cases_created on cases (created_at, id)`.execute(db);
    await sql`create index cases_accept_region on cases (accept_region_code text_pattern_ops, created_at)`.execute(db);
    await sql`create index cases_applicant on cases (applicant_id, created_at desc) where applicant_id is not null`.execute(
      db,
    );
    await sql`create index cases_created_by on cases (created_by, created_at desc)`.execute(db);
    await sql`create index cases_applicant_name on cases using gin (applicant_name gin_trgm_ops)`.execute(db);

    await sql`
      create table case_materials (
        case_id uuid not null references cases(id),
        material_id text not null,
        name text not null,
        required boolean not null,
        file_ids uuid[] not null default '{}',
        paper boolean not null default false,
        status text not null check (status in ('received','missing','shared','rejected')),
        note text,
        updated_at timestamptz not null default now(),
        primary key (case_id, material_id)
      )`.execute(db);

    await sql`
      create table case_events (
        id bigserial primary key,
        case_id uuid not null references cases(id),
        seq int not null check (seq >= 1),
        at timestamptz not null default now(),
        on_date date not null,
        actor_id uuid,
        actor_name text not null,
        actor_role text not null,
        action text not null,
        from_status text,
        to_status text not null,
        clock text check (clock in ('start','stop','resume','end')),
        comment text,
        payload jsonb not null default '{}',
        unique (case_id, seq)
      )`.execute(db);
    // History is the record: rows are never changed or removed (PGlite and PostgreSQL alike).
    await sql`
      create function case_events_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '办件历史只能追加，不能修改或删除（case_events is append-only）' using errcode = '55000';
      end
      $$`.execute(db);
    await sql`create trigger case_events_no_update before update or delete on case_events for each row execute function case_events_append_only()`.execute(
      db,
    );
    await sql`create trigger case_events_no_truncate before truncate on case_events for each statement execute function case_events_append_only()`.execute(
      db,
    );

    await sql`
      create table case_number_counters (
        prefix text not null,
        day date not null,
        seq int not null check (seq between 1 and 999999),
        primary key (prefix, day)
      )`.execute(db);
  },
};
