/** Every query on the supervision module's own tables (warning_rules, warnings). */
import { sql, type Selectable } from 'kysely';
import { tables, type Db, type Tx } from '../../platform/db';
import type { NoticeEvent, SupervisionTables } from './supervision.tables';
import type { RuleCode, RuleConfig, WarningLevel, WarningState } from './supervision.rules';
import { whereInScope } from '../../platform/scope';
import { pageOf } from '../../platform/paging';

const q = (db: Db | Tx) => tables<SupervisionTables>(db);

export type WarningRow = Selectable<SupervisionTables['warnings']>;
export type RuleRow = Selectable<SupervisionTables['warning_rules']>;

export async function listRules(db: Db | Tx): Promise<RuleRow[]> {
  return q(db).selectFrom('warning_rules').selectAll().orderBy('code').execute();
}

export const toRuleConfig = (r: RuleRow): RuleConfig => ({ code: r.code, enabled: r.enabled, params: r.params ?? {} });

export async function updateRule(
  db: Db | Tx,
  code: RuleCode,
  patch: { enabled?: boolean; params?: Record<string, unknown> },
  now: Date,
): Promise<RuleRow | undefined> {
  return q(db)
    .updateTable('warning_rules')
    .set({
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      ...(patch.params !== undefined ? { params: JSON.stringify(patch.params) } : {}),
      updated_at: now,
    })
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirst();
}

export interface NewWarning {
  case_id: string;
  case_number: string;
  item_name: string;
  rule: RuleCode;
  level: WarningLevel;
  reason: string;
  region_code: string;
  department_code: string;
  accept_hall_id: string | null;
  raised_on: string;
  explain_due: string;
  /** A 12345 ticket's card: its source, the unit holding it and its deadline. */
  source?: 'case' | 'hotline';
  unit_name?: string | null;
  due_at?: Date | null;
}

/** Inserts a batch of warnings in one statement; existing (case, rule, level) are left alone. Returns how many are new. */
export async function insertWarnings(db: Db | Tx, rows: NewWarning[]): Promise<number> {
  if (!rows.length) return 0;
  const r = await q(db)
    .insertInto('warnings')
    .values(rows)
    .onConflict((oc) => oc.columns(['case_id', 'rule', 'level']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Withdraws, in one statement, the open warnings of transient rules on the given cases whose condition
 * no longer holds (`holding`: the (case, rule) pairs that still hold).
 */
export async function withdrawStale(
  db: Db | Tx,
  caseIds: string[],
  rules: readonly RuleCode[],
  holding: { caseId: string; rule: RuleCode }[],
  comment: string,
): Promise<number> {
  if (!caseIds.length) return 0;
  const r = await sql`
    update warnings w set state = 'revoked', decided_at = now(), decided_by_name = '系统', decision_comment = ${comment}, version = w.version + 1
    where w.state = 'open' and w.case_id = any(${caseIds}::uuid[]) and w.rule = any(${rules as string[]}::text[])
      and not exists (
        select 1 from unnest(${holding.map((h) => h.caseId)}::uuid[], ${holding.map((h) => h.rule)}::text[]) as h(case_id, rule)
        where h.case_id = w.case_id and h.rule = w.rule)`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export interface WarningScope {
  regionPrefix: string;
  departmentCodes: readonly string[] | null;
  hallId: string | null;
}

export interface WarningFilter {
  state?: WarningState;
  level?: WarningLevel;
  departmentCode?: string;
  caseId?: string;
  page: number;
  pageSize: number;
}

function scoped(db: Db | Tx, s: WarningScope) {
  return whereInScope(
    q(db).selectFrom('warnings'),
    { ...s, ownerId: null },
    { region: 'region_code', department: 'department_code', hall: 'accept_hall_id' },
  );
}

export async function listWarnings(
  db: Db | Tx,
  s: WarningScope,
  f: WarningFilter,
): Promise<{ total: number; items: WarningRow[] }> {
  let base = scoped(db, s);
  if (f.state) base = base.where('state', '=', f.state);
  if (f.level) base = base.where('level', '=', f.level);
  if (f.departmentCode) base = base.where('department_code', '=', f.departmentCode);
  if (f.caseId) base = base.where('case_id', '=', f.caseId);
  return pageOf(base, (qb) => qb.selectAll().orderBy('raised_at', 'desc').orderBy('id'), f);
}

export async function getWarning(db: Db | Tx, id: string, forUpdate = false): Promise<WarningRow | undefined> {
  let qb = q(db).selectFrom('warnings').selectAll().where('id', '=', id);
  if (forUpdate) qb = qb.forUpdate();
  return qb.executeTakeFirst();
}

export async function updateWarning(
  db: Db | Tx,
  id: string,
  set: Partial<Omit<WarningRow, 'id' | 'raised_at' | 'version'>>,
): Promise<WarningRow> {
  return q(db)
    .updateTable('warnings')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Open (not yet decided) warnings in scope by level. */
export async function openWarningCounts(
  db: Db | Tx,
  s: WarningScope,
): Promise<{ yellow: number; red: number; explained: number }> {
  const r = (await scoped(db, s)
    .where('state', 'in', ['open', 'explained'])
    .select([
      sql<number>`count(*) filter (where level = 'yellow')::int`.as('yellow'),
      sql<number>`count(*) filter (where level = 'red')::int`.as('red'),
      sql<number>`count(*) filter (where state = 'explained')::int`.as('explained'),
    ])
    .executeTakeFirst()) as { yellow: number; red: number; explained: number };
  return r;
}

/**
 * Open warnings not yet notified as raised, by id after `afterId` (the notice pass walks them in keyset
 * batches, so a backlog of a million cards is walked once, not rescanned from the start for every batch).
 */
export async function warningsAwaitingRaisedNotice(
  db: Db | Tx,
  limit: number,
  afterId?: string,
): Promise<WarningRow[]> {
  return q(db)
    .selectFrom('warnings as w')
    .selectAll('w')
    .where('w.state', '=', 'open')
    .$if(afterId !== undefined, (qb) => qb.where('w.id', '>', afterId!))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('warning_notices as n')
            .select('n.warning_id')
            .whereRef('n.warning_id', '=', 'w.id')
            .where('n.event', '=', 'raised'),
        ),
      ),
    )
    .orderBy('w.id')
    .limit(limit)
    .execute();
}

/** Records notices; returns the warning ids recorded now (those already noticed for the event are skipped). */
export async function claimNotices(
  db: Db | Tx,
  rows: { warning_id: string; event: NoticeEvent; recipients: number }[],
): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const r = await q(db)
    .insertInto('warning_notices')
    .values(rows)
    .onConflict((oc) => oc.columns(['warning_id', 'event']).doNothing())
    .returning('warning_id')
    .execute();
  return new Set(r.map((x) => x.warning_id));
}
