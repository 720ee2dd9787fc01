import { sql } from 'kysely';
import type { Migration } from 'kysely';

/** 督查督办: problems 问题, rectification measures 整改措施, progress reports 进展报告, urgings 催办, accountability notes 问责. */
export const tasksInit: Migration = {
  async up(db) {
    await sql`
      create table supervision_problems (
        id uuid primary key default gen_random_uuid(),
        number integer not null check (number > 0),
        category text check (length(category) <= 200),
        title text not null check (length(title) between 1 and 500),
        description text not null default '' check (length(description) <= 5000),
        source text not null default '' check (length(source) <= 500),
        region_code text not null,
        created_by uuid,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index supervision_problems_region on supervision_problems (region_code text_pattern_ops, number)`.execute(
      db,
    );
    await sql`
      create table supervision_measures (
        id uuid primary key default gen_random_uuid(),
        problem_id uuid not null references supervision_problems(id) on delete cascade,
        number integer not null check (number > 0),
        content text not null check (length(content) between 1 and 5000),
        lead_department_code text,
        lead_department_name text not null check (length(lead_department_name) between 1 and 500),
        co_lead_department_codes text[] not null default '{}',
        assisting_department_codes text[] not null default '{}',
        assisting_department_names text not null default '' check (length(assisting_department_names) <= 500),
        unmatched_department_names text[] not null default '{}',
        deadline_text text not null default '' check (length(deadline_text) <= 200),
        deadline date,
        long_term boolean not null default false,
        status text not null default 'open' check (status in ('open','done','overdue')),
        overdue_on date,
        done_at timestamptz,
        accountability_note text check (length(accountability_note) <= 2000),
        accountability_by uuid,
        accountability_by_name text,
        accountability_at timestamptz,
        urge_count integer not null default 0,
        created_at timestamptz not null default now(),
        unique (problem_id, number)
      )`.execute(db);
    await sql`create index supervision_measures_open_deadline on supervision_measures (deadline) where status = 'open'`.execute(
      db,
    );
    await sql`create index supervision_measures_lead on supervision_measures (lead_department_code)`.execute(db);
    await sql`
      create table measure_reports (
        id uuid primary key default gen_random_uuid(),
        measure_id uuid not null references supervision_measures(id) on delete cascade,
        reported_by uuid not null,
        reported_by_name text not null,
        department_code text,
        reported_at timestamptz not null default now(),
        content text not null check (length(content) between 1 and 5000),
        file_ids uuid[] not null default '{}',
        final boolean not null default false
      )`.execute(db);
    await sql`create index measure_reports_measure on measure_reports (measure_id, reported_at)`.execute(db);
    await sql`
      create table measure_urgings (
        id uuid primary key default gen_random_uuid(),
        measure_id uuid not null references supervision_measures(id) on delete cascade,
        by uuid not null,
        by_name text not null,
        at timestamptz not null default now(),
        note text not null check (length(note) between 1 and 1000)
      )`.execute(db);
    await sql`create index measure_urgings_measure on measure_urgings (measure_id, at)`.execute(db);
  },
};
