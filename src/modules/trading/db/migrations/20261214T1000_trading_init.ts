import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * 公共资源交易: projects 项目 and their lots 标段, announcements 公告 with the public change feed's
 * sequence, the credit blacklist 严重失信主体名单, registrations 报名 and sealed bids 投标文件 (ciphertext
 * only; see docs/trading.md).
 */
export const tradingInit: Migration = {
  async up(db) {
    await sql`create sequence trading_project_seq`.execute(db);
    await sql`
      create table trading_projects (
        id uuid primary key default gen_random_uuid(),
        number text not null unique,
        kind text not null check (kind in ('works','procurement','land','mining','state_assets','medical')),
        procedure text not null check (procedure in ('open','invited','negotiation','auction')),
        title text not null check (length(title) between 1 and 200),
        region_code text not null,
        tenderer_credit_code text not null,
        tenderer_name text not null,
        agency_credit_code text,
        agency_name text,
        documents_issued_at timestamptz not null,
        bid_deadline timestamptz not null check (bid_deadline > documents_issued_at),
        created_by uuid not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1
      )`.execute(db);
    await sql`create index trading_projects_tenderer on trading_projects (tenderer_credit_code)`.execute(db);
    await sql`create index trading_projects_agency on trading_projects (agency_credit_code)`.execute(db);
    await sql`create index trading_projects_region on trading_projects (region_code text_pattern_ops)`.execute(db);
    await sql`
      create table trading_lots (
        id uuid primary key default gen_random_uuid(),
        project_id uuid not null references trading_projects(id),
        seq integer not null check (seq between 1 and 99),
        name text not null check (length(name) between 1 and 200),
        estimate numeric(16,2) not null check (estimate > 0),
        deposit numeric(16,2) not null check (deposit >= 0),
        opened_at timestamptz,
        opened_by uuid,
        unique (project_id, seq)
      )`.execute(db);
    // Published announcements take the next value when they are published, in commit order (see the
    // repository's publish): the public feed pages by it.
    await sql`create sequence trading_feed_seq`.execute(db);
    await sql`
      create table trading_announcements (
        id uuid primary key default gen_random_uuid(),
        project_id uuid not null references trading_projects(id),
        kind text not null check (kind in ('tender','change','candidates','result')),
        title text not null check (length(title) between 1 and 200),
        content text not null check (length(content) between 1 and 20000),
        state text not null check (state in ('pending','published')),
        evaluation_report_on date,
        publicity_from timestamptz,
        publicity_to timestamptz,
        new_bid_deadline timestamptz check (new_bid_deadline is null or kind = 'change'),
        submitted_by uuid not null,
        submitted_at timestamptz not null,
        published_by uuid,
        published_at timestamptz,
        feed_seq bigint unique,
        version integer not null default 1,
        check ((state = 'published') = (feed_seq is not null and published_at is not null)),
        check (kind <> 'candidates' or (evaluation_report_on is not null and publicity_from is not null
          and publicity_to is not null))
      )`.execute(db);
    await sql`create index trading_announcements_project on trading_announcements (project_id)`.execute(db);
    await sql`
      create table trading_blacklist (
        id uuid primary key default gen_random_uuid(),
        credit_code text not null check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
        name text not null check (length(name) between 1 and 200),
        source text not null check (length(source) between 1 and 200),
        reason text not null check (length(reason) between 1 and 2000),
        basis text not null check (length(basis) between 1 and 500),
        listed_from date not null,
        listed_to date check (listed_to is null or listed_to >= listed_from),
        created_at timestamptz not null
      )`.execute(db);
    await sql`create index trading_blacklist_code on trading_blacklist (credit_code)`.execute(db);
    await sql`
      create table trading_registrations (
        id uuid primary key default gen_random_uuid(),
        lot_id uuid not null references trading_lots(id),
        firm_id uuid not null,
        credit_code text not null,
        firm_name text not null,
        registered_at timestamptz not null,
        unique (lot_id, credit_code)
      )`.execute(db);
    await sql`
      create table trading_bids (
        id uuid primary key default gen_random_uuid(),
        lot_id uuid not null references trading_lots(id),
        registration_id uuid not null unique references trading_registrations(id),
        credit_code text not null,
        algorithm text not null check (algorithm in ('SM4-GCM','AES-256-GCM')),
        iv text not null check (iv ~ '^[0-9a-f]{24}$'),
        ciphertext bytea not null,
        hash_algorithm text not null check (hash_algorithm = 'SM3'),
        hash text not null check (hash ~ '^[0-9a-f]{64}$'),
        size integer not null check (size > 0),
        uploaded_at timestamptz not null,
        uploads integer not null default 1,
        version integer not null default 1,
        decrypted_at timestamptz,
        plaintext bytea,
        plaintext_sm3 text check (plaintext_sm3 ~ '^[0-9a-f]{64}$'),
        check ((decrypted_at is null) = (plaintext is null))
      )`.execute(db);
    await sql`create index trading_bids_lot on trading_bids (lot_id)`.execute(db);
  },
  async down(db) {
    for (const t of [
      'trading_bids',
      'trading_registrations',
      'trading_blacklist',
      'trading_announcements',
      'trading_lots',
      'trading_projects',
    ])
      await sql`drop table if exists ${sql.ref(t)}`.execute(db);
    await sql`drop sequence if exists trading_feed_seq`.execute(db);
    await sql`drop sequence if exists trading_project_seq`.execute(db);
  },
};
