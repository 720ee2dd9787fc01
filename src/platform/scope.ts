import {
  sql,
  type DeleteQueryBuilder,
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  type StringReference,
  type UpdateQueryBuilder,
} from 'kysely';
import type { Actor } from './auth';

/**
 * Data scope: which rows an actor may see. Every module filters through here; no module writes its own
 * region-prefix LIKE (a test in `scope.test.ts` keeps it so).
 *
 * - `regionPrefix`: the region subtree, by code prefix (`2111` = the city and everything below it).
 * - `departmentCodes`: the departments covered; `null` = any (an empty list = none).
 * - `hallId`: one hall; `null` = any.
 * - `ownerId`: the actor's own records are in scope whatever the rest says; `null` = no such rule.
 */
export interface Scope {
  regionPrefix: string;
  departmentCodes: readonly string[] | null;
  hallId: string | null;
  ownerId: string | null;
}

/**
 * The scope of an actor: its region subtree, narrowed to the departments it covers (ask the org module:
 * `departmentCodesFor`), to its hall when `hall` is set, and widened to its own records when `own` is set.
 */
export function scopeOf(
  actor: Pick<Actor, 'id' | 'scope'>,
  opts: { departmentCodes?: readonly string[] | null; hall?: boolean; own?: boolean } = {},
): Scope {
  return {
    regionPrefix: actor.scope.regionPrefix,
    departmentCodes: opts.departmentCodes ?? null,
    hallId: opts.hall ? actor.scope.hallId : null,
    ownerId: opts.own ? actor.id : null,
  };
}

/** Whether a record located at `regionCode` lies in the subtree selected by `prefix`. */
export const inSubtree = (regionCode: string, prefix: string): boolean => regionCode.startsWith(prefix);

/** Whether a record with these facts is in scope (the same rule as `whereInScope`, for a row in hand). */
export function isInScope(
  s: Scope,
  r: {
    regionCodes: readonly (string | null)[];
    departmentCode?: string | null;
    hallIds?: readonly (string | null)[];
    ownerIds?: readonly (string | null)[];
  },
): boolean {
  if (s.ownerId !== null && r.ownerIds?.includes(s.ownerId)) return true;
  if (!r.regionCodes.some((c) => c !== null && inSubtree(c, s.regionPrefix))) return false;
  if (s.departmentCodes && !(r.departmentCode != null && s.departmentCodes.includes(r.departmentCode))) return false;
  if (s.hallId !== null && !r.hallIds?.includes(s.hallId)) return false;
  return true;
}

/** `text` with the LIKE metacharacters `%`, `_` and `\` escaped (backslash is PostgreSQL's default escape). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The LIKE pattern for text containing `text`. */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;

/** The LIKE pattern selecting the codes that begin with `prefix`. */
export const prefixPattern = (prefix: string): string => `${escapeLike(prefix)}%`;

/**
 * The region-prefix condition, the one place it is written: true when any of `columns` lies in the
 * subtree selected by `prefix`. For Kysely builders.
 */
export function regionIn<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: StringReference<DB, TB> | readonly StringReference<DB, TB>[],
  prefix: string,
): Expression<SqlBool> {
  const cols = (Array.isArray(columns) ? columns : [columns]) as StringReference<DB, TB>[];
  const pattern = prefixPattern(prefix);
  const one = (c: StringReference<DB, TB>) => sql<SqlBool>`${eb.ref(c)} like ${pattern}`;
  return cols.length === 1 ? one(cols[0]!) : eb.or(cols.map(one));
}

/** The same condition for hand-written SQL: `column` is a reference such as `sql.ref('w.region_code')`. */
export function regionInSql(column: RawBuilder<unknown> | Expression<unknown>, prefix: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${column} like ${prefixPattern(prefix)}`;
}

/** Which columns of the queried rows carry what a scope tests. */
export interface ScopeColumns<DB, TB extends keyof DB> {
  /** Region code columns; a row is in the subtree when any of them is. */
  region: StringReference<DB, TB> | readonly StringReference<DB, TB>[];
  department?: StringReference<DB, TB>;
  /** Hall columns; a row is at the hall when any of them is. */
  hall?: StringReference<DB, TB> | readonly StringReference<DB, TB>[];
  /** Owner columns; a row is the actor's own when any of them holds its id. */
  owner?: StringReference<DB, TB> | readonly StringReference<DB, TB>[];
}

const list = <T>(v: T | readonly T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? [...v] : [v as T]);

/**
 * The scope as one condition: (region and department and hall) or own. Department, hall and owner are
 * left out when the scope does not restrict them or their column is not given.
 */
export function scopeCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  s: Scope,
  columns: ScopeColumns<DB, TB>,
): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [regionIn(eb, columns.region, s.regionPrefix)];
  if (s.departmentCodes && columns.department) {
    const dept = eb.ref(columns.department);
    parts.push(
      s.departmentCodes.length
        ? sql<SqlBool>`${dept} in (${sql.join(s.departmentCodes.map((d) => sql`${d}`))})`
        : sql<SqlBool>`false`,
    );
  }
  const halls = list(columns.hall);
  if (s.hallId !== null && halls.length) parts.push(eb.or(halls.map((h) => sql<SqlBool>`${eb.ref(h)} = ${s.hallId}`)));
  const scoped = parts.length === 1 ? parts[0]! : eb.and(parts);
  const owners = list(columns.owner);
  if (s.ownerId === null || !owners.length) return scoped;
  return eb.or([scoped, ...owners.map((o) => sql<SqlBool>`${eb.ref(o)} = ${s.ownerId}`)]);
}

/** `qb` restricted to the rows in scope; see `scopeCondition`. */
export function whereInScope<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  s: Scope,
  columns: ScopeColumns<DB, TB>,
): SelectQueryBuilder<DB, TB, O>;
export function whereInScope<DB, UT extends keyof DB, TB extends keyof DB, O>(
  qb: UpdateQueryBuilder<DB, UT, TB, O>,
  s: Scope,
  columns: ScopeColumns<DB, TB>,
): UpdateQueryBuilder<DB, UT, TB, O>;
export function whereInScope<DB, TB extends keyof DB, O>(
  qb: DeleteQueryBuilder<DB, TB, O>,
  s: Scope,
  columns: ScopeColumns<DB, TB>,
): DeleteQueryBuilder<DB, TB, O>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function whereInScope(qb: Whereable, s: Scope, columns: ScopeColumns<any, any>): unknown {
  return qb.where((eb) => scopeCondition(eb, s, columns));
}

/** `qb` restricted to the rows whose region (any of `columns`) lies in the subtree selected by `prefix`. */
export function whereRegionIn<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  columns: StringReference<DB, TB> | readonly StringReference<DB, TB>[],
  prefix: string,
): SelectQueryBuilder<DB, TB, O>;
export function whereRegionIn<DB, UT extends keyof DB, TB extends keyof DB, O>(
  qb: UpdateQueryBuilder<DB, UT, TB, O>,
  columns: StringReference<DB, TB> | readonly StringReference<DB, TB>[],
  prefix: string,
): UpdateQueryBuilder<DB, UT, TB, O>;
export function whereRegionIn<DB, TB extends keyof DB, O>(
  qb: DeleteQueryBuilder<DB, TB, O>,
  columns: StringReference<DB, TB> | readonly StringReference<DB, TB>[],
  prefix: string,
): DeleteQueryBuilder<DB, TB, O>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function whereRegionIn(qb: Whereable, columns: any, prefix: string): unknown {
  return qb.where((eb) => regionIn(eb, columns, prefix));
}

interface Whereable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  where(expression: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>): unknown;
}

/**
 * True when `regionCode` lies in the subtree of the prefix held in `prefixColumn` (rules stored per
 * region prefix, the most specific one winning).
 */
export const prefixCovers = (prefixColumn: RawBuilder<unknown>, regionCode: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`starts_with(${regionCode}, ${prefixColumn})`;

/** The scope as a condition for hand-written SQL, with column references such as `sql.ref('c.region_code')`. */
export function scopeSql(
  s: Scope,
  columns: { region: RawBuilder<unknown>; department?: RawBuilder<unknown>; hall?: RawBuilder<unknown> },
): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [regionInSql(columns.region, s.regionPrefix)];
  if (s.departmentCodes && columns.department)
    parts.push(
      s.departmentCodes.length
        ? sql<SqlBool>`${columns.department} in (${sql.join(s.departmentCodes.map((d) => sql`${d}`))})`
        : sql<SqlBool>`false`,
    );
  if (s.hallId !== null && columns.hall) parts.push(sql<SqlBool>`${columns.hall} = ${s.hallId}::uuid`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}
