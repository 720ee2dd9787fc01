import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Four-level linkage 四级联动, one-window service 同城通办, tolerance acceptance 容缺受理 and the
 * green channel 绿色通道.
 *
 * - `current_region_code` / `current_level` / `current_hall_id`: who holds the case now (the work
 *   queues filter by it); `linkage_chain` the hops a case passes after acceptance (accepting hall →
 *   pre-review levels → deciding level), e.g. village → town → county.
 * - `pickup`: where the applicant collects the result (`{method:'hall', hallId}` or `{method:'post', address}`).
 * - `green_channel`: sorts first in the inboxes.
 * - `case_promises`: written promises 承诺 to supply a tolerated material by a date.
 */
export const casesLinkage: Migration = {
  async up(db) {
    await sql`
      alter table cases
        add column current_region_code text,
        add column current_level text check (current_level in ('city','county','town','village')),
        add column current_hall_id uuid,
        add column linkage_chain jsonb not null default '[]'::jsonb,
        add column pickup jsonb,
        add column green_channel boolean not null default false`.execute(db);
    await sql`
      update cases set
        current_region_code = region_code,
        current_level = case
          when region_code ~ '^[0-9]{4}00$' then 'city'
          when region_code ~ '^[0-9]{6}$' then 'county'
          when region_code ~ '^[0-9]{9}000$' then 'town'
          else 'village' end,
        linkage_chain = jsonb_build_array(jsonb_build_object('regionCode', region_code, 'level', case
          when region_code ~ '^[0-9]{4}00$' then 'city'
          when region_code ~ '^[0-9]{6}$' then 'county'
          when region_code ~ '^[0-9]{9}000$' then 'town'
          else 'village' end, 'hallId', null))`.execute(db);
    await sql`alter table cases alter column current_region_code set not null, alter column current_level set not null`.execute(
      db,
    );
    // The work queues now follow the holder of the case (not the competent region).
    for (const role of ['clerk', 'approver', 'chief']) {
      await sql.raw(`drop index if exists cases_queue_${role}`).execute(db);
      await sql
        .raw(
          `create index cases_holder_queue_${role} on cases (current_region_code text_pattern_ops, current_level, promised_deadline, created_at, id) include (department_code, green_channel) ` +
            `where '${role}' = any(actionable) and submitted_at is not null`,
        )
        .execute(db);
    }
    await sql`create index cases_current_region on cases (current_region_code text_pattern_ops, status)`.execute(db);

    await sql`
      create table case_promises (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null references cases(id),
        material_id text not null,
        material_name text not null,
        due_date date not null,
        status text not null default 'open' check (status in ('open','fulfilled','overdue')),
        promise_text text not null,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        fulfilled_at timestamptz,
        fulfilled_by uuid,
        reminded_on date,
        unique (case_id, material_id)
      )`.execute(db);
    await sql`create index case_promises_open on case_promises (due_date) where status <> 'fulfilled'`.execute(db);
  },
  async down(db) {
    await sql`drop table case_promises`.execute(db);
    await sql`drop index if exists cases_current_region`.execute(db);
    for (const role of ['clerk', 'approver', 'chief']) {
      await sql.raw(`drop index if exists cases_holder_queue_${role}`).execute(db);
      await sql
        .raw(
          `create index cases_queue_${role} on cases (region_code text_pattern_ops, promised_deadline, created_at, id) include (department_code) ` +
            `where '${role}' = any(actionable) and submitted_at is not null`,
        )
        .execute(db);
    }
    await sql`
      alter table cases drop column current_region_code, drop column current_level, drop column current_hall_id,
        drop column linkage_chain, drop column pickup, drop column green_channel`.execute(db);
  },
};
