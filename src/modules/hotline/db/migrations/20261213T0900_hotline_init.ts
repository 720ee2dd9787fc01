import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * 12345 市民热线: the category tree, settings (time limits, sign-for time, reopen limit), tickets 工单 with
 * their history, dispatch rules 派单规则, call events 话单 and the knowledge base 知识库 with its versions.
 */
export const hotlineInit: Migration = {
  async up(db) {
    await sql`
      create table hotline_categories (
        code text primary key check (code ~ '^[A-Z0-9-]{1,40}$'),
        name text not null check (length(name) between 1 and 100),
        parent_code text references hotline_categories(code),
        sort integer not null default 0,
        active boolean not null default true
      )`.execute(db);
    await sql`
      create table hotline_settings (
        id integer primary key default 1 check (id = 1),
        limits jsonb not null,
        sign_hours integer not null check (sign_hours between 1 and 720),
        max_reopens integer not null check (max_reopens between 0 and 10),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create sequence hotline_ticket_seq`.execute(db);
    await sql`
      create table hotline_tickets (
        id uuid primary key default gen_random_uuid(),
        number text not null unique,
        type text not null check (type in ('consult','help','complaint','report','suggestion','praise')),
        category_code text not null references hotline_categories(code),
        title text not null check (length(title) between 1 and 200),
        content text not null check (length(content) between 1 and 5000),
        channel text not null check (channel in ('phone','web','mobile','open311')),
        urgency text not null default 'normal' check (urgency in ('normal','urgent')),
        region_code text not null,
        address text not null default '' check (length(address) <= 300),
        lat double precision check (lat between -90 and 90),
        lon double precision check (lon between -180 and 180),
        caller_name text check (length(caller_name) <= 100),
        caller_phone text check (length(caller_phone) <= 30),
        caller_id_number text check (length(caller_id_number) <= 30),
        anonymous boolean not null default false,
        applicant_id uuid,
        case_number text,
        clerk_id uuid,
        state text not null,
        previous_state text,
        unit_kind text check (unit_kind in ('department','region')),
        unit_code text,
        unit_name text,
        unit_region_code text,
        first_unit_code text,
        sign_due_at timestamptz,
        signed_at timestamptz,
        reply_text text check (length(reply_text) <= 5000),
        reply_file_ids uuid[] not null default '{}',
        replied_at timestamptz,
        satisfaction text check (satisfaction in ('satisfied','basically','unsatisfied')),
        solved boolean,
        reopen_count integer not null default 0,
        merged_into uuid references hotline_tickets(id),
        answered_at_once boolean not null default false,
        kb_entry_id uuid,
        limit_unit text not null check (limit_unit in ('workdays','hours')),
        limit_amount integer not null check (limit_amount > 0),
        extension_amount integer not null default 0,
        pending_extension integer,
        clock_started_at timestamptz not null,
        paused_since timestamptz,
        paused_workdays integer not null default 0,
        paused_ms bigint not null default 0,
        due_at timestamptz,
        finished_at timestamptz,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1
      )`.execute(db);
    await sql`create index hotline_tickets_created on hotline_tickets (created_at desc, id)`.execute(db);
    await sql`create index hotline_tickets_unit on hotline_tickets (unit_region_code text_pattern_ops, state)`.execute(
      db,
    );
    await sql`create index hotline_tickets_unit_code on hotline_tickets (unit_code, state)`.execute(db);
    await sql`create index hotline_tickets_caller on hotline_tickets (caller_phone, created_at desc)`.execute(db);
    await sql`create index hotline_tickets_due on hotline_tickets (due_at) where finished_at is null`.execute(db);
    await sql`create index hotline_tickets_merged on hotline_tickets (merged_into) where merged_into is not null`.execute(
      db,
    );
    await sql`
      create table hotline_ticket_events (
        id uuid primary key default gen_random_uuid(),
        seq bigint generated always as identity,
        ticket_id uuid not null references hotline_tickets(id) on delete cascade,
        action text not null,
        from_state text,
        to_state text not null,
        actor_id uuid,
        actor_name text not null,
        unit_code text,
        unit_name text,
        note text,
        data jsonb not null default '{}',
        at timestamptz not null default now()
      )`.execute(db);
    await sql`create index hotline_ticket_events_ticket on hotline_ticket_events (ticket_id, seq)`.execute(db);
    await sql`
      create table hotline_dispatch_rules (
        id uuid primary key default gen_random_uuid(),
        category_code text not null references hotline_categories(code),
        region_code text not null,
        region_prefix text not null,
        unit_kind text not null check (unit_kind in ('department','region')),
        unit_code text not null,
        unit_name text not null,
        unit_region_code text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (category_code, region_code)
      )`.execute(db);
    await sql`
      create table hotline_calls (
        id uuid primary key default gen_random_uuid(),
        caller_phone text not null,
        started_at timestamptz not null,
        ended_at timestamptz,
        recording_ref text,
        ticket_id uuid references hotline_tickets(id),
        received_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index hotline_calls_phone on hotline_calls (caller_phone, started_at desc)`.execute(db);
    await sql`
      create table hotline_kb_entries (
        id uuid primary key default gen_random_uuid(),
        question text not null check (length(question) between 1 and 500),
        answer text not null check (length(answer) between 1 and 10000),
        category_code text references hotline_categories(code),
        source_department text not null default '',
        valid_from date,
        valid_to date,
        state text not null check (state in ('draft','review','published','withdrawn')),
        version integer not null default 1,
        use_count integer not null default 0,
        not_helpful_count integer not null default 0,
        search_terms text[] not null default '{}',
        primary_terms text[] not null default '{}',
        origin text,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index hotline_kb_terms on hotline_kb_entries using gin (search_terms)`.execute(db);
    await sql`
      create table hotline_kb_versions (
        entry_id uuid not null references hotline_kb_entries(id) on delete cascade,
        version integer not null,
        question text not null,
        answer text not null,
        category_code text,
        source_department text not null,
        valid_from date,
        valid_to date,
        state text not null,
        by_name text not null,
        at timestamptz not null default now(),
        primary key (entry_id, version)
      )`.execute(db);
  },
};
