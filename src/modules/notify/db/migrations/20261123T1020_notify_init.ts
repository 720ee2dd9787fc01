import { sql } from 'kysely';
import type { Migration } from 'kysely';

/** In-app messages and the SMS outbox. */
export const notifyInit: Migration = {
  async up(db) {
    await sql`
      create table messages (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null,
        case_id uuid,
        kind text not null check (kind ~ '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$' and length(kind) <= 60),
        title text not null check (length(title) between 1 and 100),
        body text not null check (length(body) between 1 and 2000),
        created_at timestamptz not null default now(),
        read_at timestamptz
      )`.execute(db);
    await sql`create index messages_user on messages (user_id, created_at desc)`.execute(db);
    await sql`create index messages_user_unread on messages (user_id) where read_at is null`.execute(db);
    await sql`create index messages_case on messages (case_id) where case_id is not null`.execute(db);
    await sql`
      create table sms_outbox (
        id uuid primary key default gen_random_uuid(),
        message_id uuid references messages(id),
        phone text not null check (phone ~ '^\\+?[0-9][0-9-]{4,19}$'),
        text text not null check (length(text) between 1 and 500),
        status text not null check (status in ('pending','logged','sent','failed')),
        channel text not null check (length(channel) between 1 and 40),
        attempts integer not null default 0 check (attempts >= 0),
        error text check (length(error) <= 500),
        created_at timestamptz not null default now(),
        sent_at timestamptz
      )`.execute(db);
    await sql`create index sms_outbox_created on sms_outbox (created_at desc)`.execute(db);
    await sql`create index sms_outbox_pending on sms_outbox (created_at) where status = 'pending'`.execute(db);
  },
};
