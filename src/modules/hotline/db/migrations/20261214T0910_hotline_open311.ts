import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Open311 GeoReport v2 and the portal's citizen channel: the Open311 clients (their API keys stored as
 * SHA-256 hashes, never in clear), and on a ticket the token of an Open311 request, the client that filed
 * it, the reporter's e-mail and media address, and the files a citizen attached.
 */
export const hotlineOpen311: Migration = {
  async up(db) {
    await sql`
      create table hotline_open311_clients (
        id uuid primary key default gen_random_uuid(),
        name text not null check (length(name) between 1 and 100),
        key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
        key_hint text not null check (length(key_hint) <= 20),
        created_by uuid,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      )`.execute(db);
    await sql`
      alter table hotline_tickets
        add column open311_token text unique,
        add column open311_client_id uuid references hotline_open311_clients(id),
        add column caller_email text check (length(caller_email) <= 200),
        add column media_url text check (length(media_url) <= 500),
        add column file_ids uuid[] not null default '{}'`.execute(db);
    await sql`create index hotline_tickets_applicant on hotline_tickets (applicant_id, created_at desc, number desc)
      where applicant_id is not null`.execute(db);
  },
};
