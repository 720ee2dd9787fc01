import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Electronic supervision 电子监察: configurable warning rules 预警规则 and the warnings/cards they raise
 * 预警、黄牌、红牌. One warning per (case, rule, level), so the sweep can run any number of times.
 * A warning is open → explained (the responsible unit's explanation 说明) → confirmed or revoked by a
 * supervisor 确认/撤销; an open warning may also be decided without an explanation.
 */
export const supervisionInit: Migration = {
  async up(db) {
    await sql`
      create table warning_rules (
        code text primary key check (code ~ '^[a-z][a-z0-9_]*$'),
        name text not null check (length(name) between 1 and 50),
        level text not null check (level in ('yellow','red')),
        enabled boolean not null default true,
        params jsonb not null default '{}',
        updated_at timestamptz not null default now()
      )`.execute(db);
    await sql`
      insert into warning_rules (code, name, level, enabled, params) values
        ('near_deadline', '临近承诺时限预警', 'yellow', true, '{"days": 2, "explainDays": 3}'),
        ('overdue', '超过承诺时限', 'red', true, '{"explainDays": 3}'),
        ('step_overdue', '环节超时', 'yellow', true, '{"explainDays": 3}'),
        ('refusal_without_reason', '不予受理/不予许可未说明理由', 'red', true, '{"explainDays": 3}'),
        ('repeated_returns', '多次退回', 'yellow', true, '{"min": 2, "explainDays": 3}'),
        ('decision_late', '超过法定时限作出决定', 'red', true, '{"explainDays": 3}')`.execute(db);

    await sql`
      create table warnings (
        id uuid primary key default gen_random_uuid(),
        case_id uuid not null,
        case_number text not null,
        item_name text not null,
        rule text not null references warning_rules(code),
        level text not null check (level in ('yellow','red')),
        reason text not null check (length(reason) between 1 and 500),
        region_code text not null,
        department_code text not null,
        accept_hall_id uuid,
        state text not null default 'open' check (state in ('open','explained','confirmed','revoked')),
        raised_on date not null,
        raised_at timestamptz not null default now(),
        explain_due date not null,
        explanation text check (length(explanation) <= 2000),
        explained_by uuid,
        explained_by_name text,
        explained_at timestamptz,
        decided_by uuid,
        decided_by_name text,
        decided_at timestamptz,
        decision_comment text check (length(decision_comment) <= 2000),
        version int not null default 1,
        unique (case_id, rule, level)
      )`.execute(db);
    await sql`create index warnings_region on warnings (region_code text_pattern_ops, raised_at desc, id)`.execute(db);
    await sql`create index warnings_department on warnings (department_code, raised_at desc)`.execute(db);
    await sql`create index warnings_open on warnings (case_id) where state = 'open'`.execute(db);
    await sql`create index warnings_state_level on warnings (state, level, region_code text_pattern_ops)`.execute(db);
  },
};
