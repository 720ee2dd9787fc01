/**
 * The deadline state 时限状态 of a case from its stored clock columns, as one rule in two forms: a pure
 * function for a row in hand (`storedDeadlineState`) and SQL predicates for lists and counts
 * (`deadlineStateIs`). Both are built from the constants below, so they cannot disagree.
 *
 * A case whose clock does not run has a fixed state (`FIXED_STATES`). A running case passes thresholds
 * in order (`RUNNING_THRESHOLDS`): from the day stored in the first column that has been reached it is
 * in that column's state (overdue from `overdue_on`, near from `near_on`); before all of them it is on
 * time. `clockColumns` sets both days with the promised deadline, near_on ≤ overdue_on.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DeadlineState } from '../workflow/index';
import type { ClockPhase } from './cases.tables';

/** The state of a case whose clock is not running. */
const FIXED_STATES: Readonly<Record<Exclude<ClockPhase, 'running'>, DeadlineState>> = {
  not_started: 'not_started',
  finished: 'finished',
  suspended: 'suspended',
  // Suspended after the deadline had passed: stays overdue while frozen.
  suspended_overdue: 'overdue',
};

/** A running case's thresholds, first reached wins. */
const RUNNING_THRESHOLDS = [
  { state: 'overdue', column: 'overdue_on' },
  { state: 'near', column: 'near_on' },
] as const satisfies readonly { state: DeadlineState; column: keyof StoredClock }[];

/** A running case before every threshold. */
const BEFORE_THRESHOLDS: DeadlineState = 'on_time';

/** Clock phases of a case still being handled 在办 (clock running or suspended). */
export const OPEN_PHASES: readonly ClockPhase[] = ['running', 'suspended', 'suspended_overdue'];

export interface StoredClock {
  clock_phase: ClockPhase;
  near_on: string | null;
  overdue_on: string | null;
}

/** The deadline state on `today` from the stored columns (agrees with `computeClock` for running clocks). */
export function storedDeadlineState(row: StoredClock, today: string): DeadlineState {
  if (row.clock_phase !== 'running') return FIXED_STATES[row.clock_phase];
  for (const t of RUNNING_THRESHOLDS) {
    const from = row[t.column];
    if (from !== null && today >= from) return t.state;
  }
  return BEFORE_THRESHOLDS;
}

/** Whether the case is past its promised deadline and not finished (suspended late cases included). */
export const isOverdueOn = (row: StoredClock, today: string): boolean => storedDeadlineState(row, today) === 'overdue';

/**
 * SQL that holds for a row of `cases` exactly when `storedDeadlineState(row, today)` is `state`.
 * `alias`: the table's name or alias in the statement (`''` for an unqualified column, as in a
 * single-table Kysely query).
 */
export function deadlineStateIs(state: DeadlineState, today: string, alias = ''): RawBuilder<SqlBool> {
  const col = (c: string) => sql.ref(alias ? `${alias}.${c}` : c);
  const phases = (Object.keys(FIXED_STATES) as (keyof typeof FIXED_STATES)[]).filter((p) => FIXED_STATES[p] === state);
  const reached = (c: string) => sql`${col(c)} <= ${today}::date`;
  const notReached = (c: string) => sql`(${col(c)} is null or ${col(c)} > ${today}::date)`;
  const at = RUNNING_THRESHOLDS.findIndex((t) => t.state === state);
  const own = RUNNING_THRESHOLDS[at];
  const running = own
    ? [...RUNNING_THRESHOLDS.slice(0, at).map((t) => notReached(t.column)), reached(own.column)]
    : state === BEFORE_THRESHOLDS
      ? RUNNING_THRESHOLDS.map((t) => notReached(t.column))
      : null;
  const parts = [
    ...(phases.length ? [sql`${col('clock_phase')} in (${sql.join(phases.map((p) => sql.lit(p)))})`] : []),
    ...(running ? [sql`(${col('clock_phase')} = 'running' and ${sql.join(running, sql` and `)})`] : []),
  ];
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}
