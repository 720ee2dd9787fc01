import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * 考核 assessment: the scoring rules 计分规则 as data (base score and one row per item, with points per
 * fact and a monthly cap) and the stored weekly bulletins 每周通报 (one PDF per region scope and week).
 * Scores themselves are not stored: they are computed on demand from the facts of a month.
 */
export const assessmentInit: Migration = {
  async up(db) {
    await sql`
      create table assessment_rules (
        code text primary key check (code ~ '^[a-z][a-z_]*$'),
        name text not null check (length(name) between 1 and 30),
        kind text not null check (kind in ('base','deduction','bonus')),
        points numeric(6,1) not null check (points >= 0),
        cap numeric(6,1) check (cap >= 0),
        sort int not null,
        version int not null default 1,
        updated_at timestamptz not null default now(),
        updated_by_name text
      )`.execute(db);
    await sql`
      insert into assessment_rules (code, name, kind, points, cap, sort) values
        ('base', '基础分', 'base', 100, null, 0),
        ('red_card', '红牌（经确认）', 'deduction', 5, 30, 10),
        ('yellow_unexplained', '黄牌逾期未说明', 'deduction', 1, 10, 20),
        ('rejected_explanation', '情况说明不予采纳', 'deduction', 2, 10, 30),
        ('overdue_case', '超期办结办件', 'deduction', 2, 20, 40),
        ('bad_rating', '有效差评', 'deduction', 2, 20, 50),
        ('rectification_overdue', '差评整改超期', 'deduction', 3, 15, 60),
        ('accepted_explanation', '情况说明被采纳', 'bonus', 0, 0, 70),
        ('very_satisfied', '非常满意评价', 'bonus', 0.1, 3, 80),
        ('early_completion', '提前办结办件', 'bonus', 0.1, 3, 90)`.execute(db);

    await sql`
      create table assessment_bulletins (
        id uuid primary key default gen_random_uuid(),
        region_prefix text not null,
        region_name text not null,
        week_from date not null,
        week_to date not null,
        title text not null,
        summary jsonb not null,
        pdf bytea not null,
        generated_at timestamptz not null default now(),
        generated_by uuid,
        generated_by_name text not null,
        unique (region_prefix, week_from)
      )`.execute(db);
    await sql`create index assessment_bulletins_week on assessment_bulletins (week_from desc, region_prefix)`.execute(
      db,
    );
  },
};
