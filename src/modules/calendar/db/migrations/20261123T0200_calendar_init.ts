import { sql } from 'kysely';
import type { Migration } from 'kysely';

/** Working-day calendar: exceptions to the Mon–Fri week, and which years are entered (published). */
export const calendarInit: Migration = {
  async up(db) {
    await sql`
      create table calendar_days (
        date date primary key,
        kind text not null check (kind in ('holiday','workday')),
        name text not null check (length(name) between 1 and 50),
        source text not null check (source in ('builtin','manual')),
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`
      create table calendar_years (
        year int primary key check (year between 1900 and 2199),
        status text not null check (status in ('published','draft')),
        source text not null check (source in ('builtin','manual')),
        notice text check (length(notice) <= 100),
        published_at timestamptz,
        updated_at timestamptz not null default now(),
        check ((status = 'published') = (published_at is not null))
      )`.execute(db);
  },
};
