import { sql } from 'kysely';
import type { Migration } from 'kysely';

/** Issued documents (notices, decisions, certificates) as PDF, and their numbering counters. */
export const documentsInit: Migration = {
  async up(db) {
    await sql`
      create table documents (
        id uuid primary key,
        case_id uuid,
        kind text not null check (kind in ('acceptance_notice','correction_notice','refusal_notice','grant_decision','deny_decision','certificate')),
        number text not null unique check (length(number) between 1 and 60),
        title text not null check (length(title) between 1 and 60),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea not null check (octet_length(content) > 0),
        issued_on date not null,
        issued_by uuid,
        office_name text not null check (length(office_name) between 1 and 100),
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`alter table documents alter column content set storage external`.execute(db);
    await sql`create index documents_case on documents (case_id, created_at) where case_id is not null`.execute(db);
    await sql`create index documents_sha256 on documents (sha256)`.execute(db);
    await sql`
      create table document_counters (
        prefix text not null check (length(prefix) between 1 and 20),
        year integer not null check (year between 2000 and 2199),
        last_serial integer not null check (last_serial >= 0),
        primary key (prefix, year)
      )`.execute(db);
  },
};
