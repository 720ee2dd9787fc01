import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Items 事项 (stable identity + denormalised search columns of the current version), their
 * immutable published versions 办事指南版本, and delegation history 下放/赋权.
 * Search: jieba tokens in a text[] with a GIN index (array ops work on PGlite and PostgreSQL)
 * plus a pg_trgm GIN index on the name for fuzzy name hits.
 */
export const catalogInit: Migration = {
  async up(db) {
    await sql`
      create table items (
        id uuid primary key default gen_random_uuid(),
        code text not null unique,
        basic_code text not null,
        business_code text not null,
        region_code text not null,
        department_code text not null,
        current_version int,
        draft_version int,
        active boolean not null default true,
        name text not null,
        type text not null check (type in ('licence','penalty','enforcement','levy','benefit','inspection','confirmation','reward','adjudication','other_power','public_service','filing')),
        decide_level text not null check (decide_level in ('city','county','town','village')),
        accept_levels text[] not null,
        keywords text[] not null default '{}',
        handling_type text not null check (handling_type in ('immediate','promised')),
        promised_days int not null,
        statutory_days int not null,
        visits int not null,
        online_depth int not null,
        search_tokens text not null default '',
        search_terms text[] not null default '{}',
        primary_terms text[] not null default '{}',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index items_name_trgm on items using gin (name gin_trgm_ops)`.execute(db);
    await sql`create index items_search_terms on items using gin (search_terms)`.execute(db);
    await sql`create index items_accept_levels on items using gin (accept_levels)`.execute(db);
    await sql`create index items_filter on items (region_code, department_code, type, decide_level)`.execute(db);
    await sql`
      create table item_versions (
        item_id uuid not null references items(id),
        version int not null check (version >= 1),
        status text not null check (status in ('draft','published','superseded')),
        data jsonb not null,
        search_text text not null default '',
        created_at timestamptz not null default now(),
        created_by text,
        published_at timestamptz,
        published_by text,
        primary key (item_id, version)
      )`.execute(db);
    // At most one draft and one published version per item.
    await sql`create unique index item_versions_one_draft on item_versions (item_id) where status = 'draft'`.execute(
      db,
    );
    await sql`create unique index item_versions_one_published on item_versions (item_id) where status = 'published'`.execute(
      db,
    );
    await sql`
      create table item_delegations (
        id uuid primary key default gen_random_uuid(),
        item_id uuid not null references items(id),
        from_level text not null check (from_level in ('city','county','town','village')),
        to_level text not null check (to_level in ('city','county','town','village')),
        region_code text not null,
        basis text not null,
        effective_date date not null,
        note text,
        created_by text,
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index item_delegations_item on item_delegations (item_id, effective_date)`.execute(db);
  },
};
